import { type UnitTestTree, SchematicTestRunner } from '@angular-devkit/schematics/testing';
import { join } from 'node:path';
import type { NgAddOptions } from './schema';

// The runner's package-install task is never run here; its spinner (ora) is ESM-only, which jest
// cannot require() on Node 20.
jest.mock('ora', () => ({ __esModule: true, default: () => ({}) }));

/** The name of the application the specs set up. */
export const APP = 'portal';

/** Runs this package's schematics (from source) and @schematics/angular's. */
export const runner = new SchematicTestRunner(
  'ngx-genesys-messenger-auth',
  join(__dirname, '..', 'collection.json'),
);

const logs: string[] = [];
runner.logger.subscribe((entry) => logs.push(`${entry.level}: ${entry.message}`));

/** What the schematics logged since the last call, as `level: message` lines. */
export function takeLogs(): string[] {
  return logs.splice(0);
}

/** The flags of a complete, valid run. */
export const FLAGS: NgAddOptions = {
  project: APP,
  environment: 'prod-euw1',
  deploymentId: 'f3c2a1b0-1234-4c5d-9e8f-0a1b2c3d4e5f',
  clientId: 'genesys-messenger',
};

/**
 * A new workspace with one application, made by the real `ng new` schematics.
 * @param standalone whether the app bootstraps standalone (else with an NgModule)
 */
export async function newApp(standalone: boolean): Promise<UnitTestTree> {
  const workspace = await runner.runExternalSchematic('@schematics/angular', 'workspace', {
    name: 'workspace',
    newProjectRoot: 'projects',
    version: '21.2.0',
  });
  return runner.runExternalSchematic(
    '@schematics/angular',
    'application',
    { name: APP, standalone, skipInstall: true, skipTests: true },
    workspace,
  );
}

/**
 * A new app set up by angular-auth-oidc-client's own `ng add` (refresh tokens, code flow + PKCE).
 * @param standalone whether the app bootstraps standalone (else with an NgModule)
 */
export async function newOidcApp(standalone: boolean): Promise<UnitTestTree> {
  const tree = await newApp(standalone);
  return runner.runExternalSchematic(
    'angular-auth-oidc-client',
    'ng-add',
    {
      project: APP,
      flowType: 'OIDC Code Flow PKCE using refresh tokens',
      authorityUrlOrTenantId: 'https://login.example.com',
    },
    tree,
  );
}

/** Every file of a tree with its contents, to compare two trees. */
export function snapshot(tree: UnitTestTree): Record<string, string> {
  return Object.fromEntries(tree.files.map((path) => [path, tree.readContent(path)]));
}

/** Declares angular-auth-oidc-client in the workspace's package.json, as installing it does. */
export function addOidcDependency(tree: UnitTestTree): void {
  const manifest = JSON.parse(tree.readContent('/package.json'));
  manifest.dependencies['angular-auth-oidc-client'] = '^21.0.4';
  tree.overwrite('/package.json', JSON.stringify(manifest, null, 2));
}

/** The `assets` of the app's build options in angular.json. */
export function buildAssets(tree: UnitTestTree): unknown[] {
  return JSON.parse(tree.readContent('/angular.json')).projects[APP].architect.build.options.assets;
}
