import {
  type Rule,
  type SchematicContext,
  SchematicsException,
  type Tree,
  chain,
} from '@angular-devkit/schematics';
import { type WorkspaceDefinition, readWorkspace } from '@schematics/angular/utility';
import { addCallbackAsset, hasCallbackAsset, SILENT_CALLBACK_PAGE } from './assets';
import { type AuthSetup, findAuthSetup, RUN_OIDC_NG_ADD } from './auth-setup';
import { type MessengerConfigFields, messengerConfigFrom, setupCall } from './messenger-config';
import {
  checkOidcConfigId,
  followedConfig,
  type OidcConfig,
  readOidcConfigs,
} from './oidc-configs';
import type { NgAddOptions } from './schema';
import { addNamedImports, elementIndent, insertAfterElement } from './source-edits';

const LIBRARY = 'ngx-genesys-messenger-auth';
const OIDC_LIBRARY = 'angular-auth-oidc-client';

/** Refuses a workspace whose package.json lacks angular-auth-oidc-client. */
function requireOidcDependency(tree: Tree): void {
  const text = tree.readText?.('/package.json') ?? tree.read('/package.json')?.toString('utf-8');
  const manifest = text
    ? (JSON.parse(text) as Record<string, Record<string, string> | undefined>)
    : {};
  const declared = ['dependencies', 'devDependencies'].some(
    (field) => manifest[field]?.[OIDC_LIBRARY] !== undefined,
  );
  if (!declared) {
    throw new SchematicsException(
      `${LIBRARY} works with ${OIDC_LIBRARY}, which is not a dependency of this workspace. ` +
        RUN_OIDC_NG_ADD,
    );
  }
}

/** The application to set up: the one named, else the workspace's only application. */
function applicationName(workspace: WorkspaceDefinition, name: string | undefined): string {
  const applications = [...workspace.projects]
    .filter(([, project]) => project.extensions['projectType'] === 'application')
    .map(([projectName]) => projectName);
  if (name === undefined) {
    if (applications.length === 1) return applications[0];
    throw new SchematicsException(
      `Pass --project with the application to set up (${applications.join(', ') || 'none found'}).`,
    );
  }
  if (!applications.includes(name)) {
    throw new SchematicsException(
      `Project "${name}" is not an application of this workspace (applications: ` +
        `${applications.join(', ') || 'none'}).`,
    );
  }
  return name;
}

/** Adds `provideMessengerAuth(…)` after `provideAuth(…)`, or the module after `AuthModule`. */
function addSetup(setup: AuthSetup, fields: MessengerConfigFields, snippet: boolean): Rule {
  return (tree, context) => {
    const standalone = setup.style === 'standalone';
    const symbol = standalone ? 'provideMessengerAuth' : 'MessengerAuthModule';
    const callee = standalone ? symbol : `${symbol}.forRoot`;
    const path = setup.source.fileName;
    const recorder = tree.beginUpdate(path);
    const code = setupCall(callee, fields, snippet, elementIndent(setup.element));
    insertAfterElement(recorder, setup.element, code);
    const names = snippet ? [symbol, 'withMessengerSnippet'] : [symbol];
    addNamedImports(recorder, setup.source, names, LIBRARY);
    tree.commitUpdate(recorder);
    context.logger.info(
      `${LIBRARY}: added ${callee}(…) after ${setup.call.expression.getText()}(…) in ${path}.`,
    );
  };
}

/** Warns when the followed configuration visibly lacks the option the README recommends. */
function adviseRedirectCheck(
  context: SchematicContext,
  configs: OidcConfig[] | undefined,
  configId: string | undefined,
): void {
  const followed = followedConfig(configs, configId);
  if (!followed || followed.checksRedirectUrl) return;
  context.logger.warn(
    `${LIBRARY}: the ${OIDC_LIBRARY} configuration Messenger follows does not set ` +
      '`checkRedirectUrlWhenCheckingIfIsCallback: true`. We recommend it: without it, an ' +
      "authorization answer for Messenger that stays in the address is taken for the portal's own " +
      `callback (see the ${LIBRARY} README, "Set-up"). Your configuration was left unchanged.`,
  );
}

/**
 * `ng add ngx-genesys-messenger-auth`: sets the library up in an application that signs in with
 * angular-auth-oidc-client, as the README's "Set-up" shows — `provideMessengerAuth(…)` after
 * `provideAuth(…)` (standalone) or `MessengerAuthModule.forRoot(…)` after `AuthModule.forRoot(…)`
 * (NgModule), and the silent callback page's asset entry. Running it again changes nothing.
 * @param options the flags or prompt answers
 * @returns the rule
 */
export function ngAdd(options: NgAddOptions): Rule {
  return async (tree, context) => {
    requireOidcDependency(tree);
    const fields = messengerConfigFrom(options);
    const workspace = await readWorkspace(tree);
    const name = applicationName(workspace, options.project);
    const setup = await findAuthSetup(tree, name);
    const rules: Rule[] = [];
    if (setup.existingSetupFile) {
      context.logger.info(
        `${LIBRARY}: already set up in ${setup.existingSetupFile}; left as it is.`,
      );
    } else {
      const configs = readOidcConfigs(tree, setup);
      checkOidcConfigId(configs, fields.oidcConfigId);
      adviseRedirectCheck(context, configs, fields.oidcConfigId);
      if (fields.clientId === undefined) {
        context.logger.warn(
          `${LIBRARY}: no --client-id: Messenger asks the IdP for codes with the portal's own ` +
            'client id, which works only if the Genesys integration is configured with it.',
        );
      }
      rules.push(addSetup(setup, fields, options.snippet !== false));
    }
    // The project definition is read before any rule runs, so this sees angular.json as it was.
    if (hasCallbackAsset(workspace.projects.get(name)!, name)) {
      context.logger.info(`${LIBRARY}: angular.json already serves ${SILENT_CALLBACK_PAGE}.`);
    } else {
      rules.push(addCallbackAsset(name));
      context.logger.info(`${LIBRARY}: angular.json now serves /${SILENT_CALLBACK_PAGE}.`);
    }
    return chain(rules);
  };
}
