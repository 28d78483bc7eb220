import { SchematicsException, type Tree } from '@angular-devkit/schematics';
import { objectLiteralOf, propertyValue, ts } from './ast';
import type { AuthSetup } from './auth-setup';

/** One angular-auth-oidc-client configuration as written in the app. */
export interface OidcConfig {
  /** Its literal `configId`, if it has one. */
  readonly configId?: string;
  /** Whether it sets `checkRedirectUrlWhenCheckingIfIsCallback: true`. */
  readonly checksRedirectUrl: boolean;
}

function readConfig(
  tree: Tree,
  source: ts.SourceFile,
  node: ts.Expression,
): OidcConfig | undefined {
  const config = objectLiteralOf(tree, source, node);
  if (!config) return undefined;
  const configId = propertyValue(config, 'configId');
  const check = propertyValue(config, 'checkRedirectUrlWhenCheckingIfIsCallback');
  return {
    configId: configId && ts.isStringLiteralLike(configId) ? configId.text : undefined,
    checksRedirectUrl: check?.kind === ts.SyntaxKind.TrueKeyword,
  };
}

/**
 * The configurations `provideAuth(…)` / `AuthModule.forRoot(…)` is given, when they can be read
 * without running the app: an object literal, or a `const` of this file or of a file it imports.
 * @param tree the workspace
 * @param setup where the app sets up angular-auth-oidc-client
 * @returns the configurations, or undefined when they are computed or loaded (`StsConfigLoader`)
 */
export function readOidcConfigs(tree: Tree, setup: AuthSetup): OidcConfig[] | undefined {
  const [argument] = setup.call.arguments;
  const passed = argument && objectLiteralOf(tree, setup.source, argument);
  const config = passed && propertyValue(passed, 'config');
  if (!config) return undefined;
  const source = passed.getSourceFile();
  const nodes = ts.isArrayLiteralExpression(config) ? [...config.elements] : [config];
  const configs = nodes.map((node) => readConfig(tree, source, node));
  return configs.every((c) => c !== undefined) ? (configs as OidcConfig[]) : undefined;
}

/**
 * Checks the `configId` to follow against the app's configurations: with several, one must be
 * named, and a name must exist when every configuration has a literal id.
 * @param configs the app's configurations, if known
 * @param oidcConfigId the `--oidc-config-id` given, if any
 * @throws SchematicsException listing the configuration ids to choose from
 */
export function checkOidcConfigId(configs: OidcConfig[] | undefined, oidcConfigId?: string): void {
  if (!configs || configs.length === 0) return;
  const ids = configs.map((c) => c.configId);
  const known = ids.every((id) => id !== undefined);
  const choices = known ? ` (${ids.map((id) => `"${id}"`).join(', ')})` : '';
  if (oidcConfigId === undefined && configs.length > 1) {
    throw new SchematicsException(
      `The app has ${configs.length} angular-auth-oidc-client configurations${choices}: pass ` +
        '--oidc-config-id with the configId whose sign-in Messenger follows.',
    );
  }
  if (oidcConfigId !== undefined && known && !ids.includes(oidcConfigId)) {
    throw new SchematicsException(
      `--oidc-config-id "${oidcConfigId}" names no angular-auth-oidc-client configuration of ` +
        `the app; its configIds are${choices}.`,
    );
  }
}

/**
 * The configuration the bridge follows, when known: the one named, else the first.
 * @returns it, or undefined when the configurations are not known
 */
export function followedConfig(
  configs: OidcConfig[] | undefined,
  oidcConfigId?: string,
): OidcConfig | undefined {
  if (!configs) return undefined;
  return oidcConfigId === undefined ? configs[0] : configs.find((c) => c.configId === oidcConfigId);
}
