import { SchematicsException, type Tree } from '@angular-devkit/schematics';
import { getAppModulePath, isStandaloneApp } from '@schematics/angular/utility/ng-ast-utils';
import { findAppConfig } from '@schematics/angular/utility/standalone/app_config';
import {
  findBootstrapApplicationCall,
  getMainFilePath,
} from '@schematics/angular/utility/standalone/util';
import { findAll, mentions, parseFile, relativeImports, ts } from './ast';

/** Where the app sets up angular-auth-oidc-client, which is where the library's set-up goes. */
export interface AuthSetup {
  /** `standalone`: `provideAuth(…)` in the root providers; `ng-module`: `AuthModule.forRoot(…)`. */
  readonly style: 'standalone' | 'ng-module';
  /** The file holding the call. */
  readonly source: ts.SourceFile;
  /** `provideAuth(…)` or `AuthModule.forRoot(…)`. */
  readonly call: ts.CallExpression;
  /** The element of the `providers` / `imports` array that holds the call. */
  readonly element: ts.Expression;
  /** The file of the library's set-up when the app already has one. */
  readonly existingSetupFile?: string;
}

/** The names whose presence means the library is already set up. */
const SETUP_NAMES = ['provideMessengerAuth', 'MessengerAuthModule'];

/** The advice every "angular-auth-oidc-client is not set up" error ends with. */
export const RUN_OIDC_NG_ADD =
  'Set up angular-auth-oidc-client first (`ng add angular-auth-oidc-client`), then run ' +
  '`ng add ngx-genesys-messenger-auth` again.';

function isProvideAuth(node: ts.Node): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'provideAuth'
  );
}

function isAuthModuleForRoot(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const { expression, name } = node.expression;
  return ts.isIdentifier(expression) && expression.text === 'AuthModule' && name.text === 'forRoot';
}

/** The array element a call sits in (`providers: [provideAuth(…)]`), if it sits in one. */
function arrayElementOf(call: ts.CallExpression): ts.Expression | undefined {
  let node: ts.Node = call;
  while (node.parent && !ts.isSourceFile(node.parent)) {
    if (ts.isArrayLiteralExpression(node.parent)) return node as ts.Expression;
    node = node.parent;
  }
  return undefined;
}

/** The files to search: standalone apps' app config; NgModule apps' root module and its modules. */
function rootFiles(tree: Tree, mainPath: string, standalone: boolean): string[] {
  if (standalone) {
    const bootstrap = findBootstrapApplicationCall(tree, mainPath);
    return [findAppConfig(bootstrap, tree, mainPath)?.filePath ?? mainPath];
  }
  const modulePath = getAppModulePath(tree, mainPath);
  const module = parseFile(tree, modulePath);
  return module ? [modulePath, ...relativeImports(tree, module)] : [modulePath];
}

/**
 * Finds the application's angular-auth-oidc-client set-up: `provideAuth(…)` in a standalone app's
 * root providers (its app config, or `bootstrapApplication` in `main.ts`), or
 * `AuthModule.forRoot(…)` in the root NgModule or a module file it imports (as
 * angular-auth-oidc-client's own `ng add` writes `AuthConfigModule`).
 * @param tree the workspace
 * @param project the application's name
 * @returns where the set-up is, and where the library's set-up already is, if anywhere
 * @throws SchematicsException when there is none, telling the user to set it up first
 */
export async function findAuthSetup(tree: Tree, project: string): Promise<AuthSetup> {
  const mainPath = await getMainFilePath(tree, project);
  const standalone = isStandaloneApp(tree, mainPath);
  const files = rootFiles(tree, mainPath, standalone);
  const sources = files
    .map((path) => parseFile(tree, path))
    .filter((source): source is ts.SourceFile => source !== undefined);
  const existingSetupFile = sources.find((source) =>
    SETUP_NAMES.some((name) => mentions(source, name)),
  )?.fileName;
  for (const source of sources) {
    const call = findAll(source, standalone ? isProvideAuth : isAuthModuleForRoot)[0];
    const element = call && arrayElementOf(call);
    if (call && element) {
      const style = standalone ? 'standalone' : 'ng-module';
      return { style, source, call, element, existingSetupFile };
    }
  }
  const wanted = standalone ? 'provideAuth(…) in the root providers' : 'AuthModule.forRoot(…)';
  throw new SchematicsException(
    `angular-auth-oidc-client is not set up in project "${project}": no ${wanted} in ` +
      `${files.join(', ')}. ${RUN_OIDC_NG_ADD}`,
  );
}
