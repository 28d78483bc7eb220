import { validateMessengerAuthConfig } from 'ngx-genesys-messenger-auth/core';
import {
  APP,
  FLAGS,
  addOidcDependency,
  newApp,
  newOidcApp,
  runner,
  snapshot,
  takeLogs,
} from './test-app.spec-helpers';

const APP_CONFIG = `/projects/${APP}/src/app/app.config.ts`;

/** The message the library itself gives for a configuration (at start-up). */
function libraryMessage(config: object): string {
  try {
    validateMessengerAuthConfig(config);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the library accepted the configuration');
}

describe('ng-add refusals', () => {
  it('refuses a workspace without angular-auth-oidc-client and says to add it first', async () => {
    const tree = await newApp(true);
    const before = snapshot(tree);

    await expect(runner.runSchematic('ng-add', FLAGS, tree)).rejects.toThrow(
      'ngx-genesys-messenger-auth works with angular-auth-oidc-client, which is not a dependency ' +
        'of this workspace. Set up angular-auth-oidc-client first (`ng add angular-auth-oidc-client`)',
    );
    expect(snapshot(tree)).toEqual(before);
  });

  it('refuses a standalone app whose root providers lack provideAuth', async () => {
    const tree = await newApp(true);
    addOidcDependency(tree);

    await expect(runner.runSchematic('ng-add', FLAGS, tree)).rejects.toThrow(
      `angular-auth-oidc-client is not set up in project "${APP}": no provideAuth(…) in the root ` +
        `providers in projects/${APP}/src/app/app.config.ts. Set up angular-auth-oidc-client first`,
    );
  });

  it('refuses an NgModule app without AuthModule.forRoot', async () => {
    const tree = await newApp(false);
    addOidcDependency(tree);

    await expect(runner.runSchematic('ng-add', FLAGS, tree)).rejects.toThrow(
      `angular-auth-oidc-client is not set up in project "${APP}": no AuthModule.forRoot(…) in ` +
        `projects/${APP}/src/app/app-module.ts, projects/${APP}/src/app/app-routing-module.ts, ` +
        `projects/${APP}/src/app/app.ts.`,
    );
  });

  it.each([
    ['environment', { environment: 'mars-1' }, '--environment'],
    ['environment', { environment: 'http://genesys.example.com' }, '--environment'],
    ['deploymentId', { deploymentId: 'not a deployment' }, '--deployment-id'],
    ['clientId', { clientId: 'two words' }, '--client-id'],
    ['oidcConfigId', { oidcConfigId: 'a b' }, '--oidc-config-id'],
  ])('rejects a bad %s with the library’s own rule (%j)', async (_field, bad, flag) => {
    const tree = await newOidcApp(true);
    const before = snapshot(tree);
    const { deploymentId, environment, clientId } = FLAGS;
    const config = { deploymentId, environment, clientId, ...bad };

    await expect(runner.runSchematic('ng-add', { ...FLAGS, ...bad }, tree)).rejects.toThrow(
      `Invalid ${flag}: ${libraryMessage(config)}`,
    );
    expect(snapshot(tree)).toEqual(before);
  });

  it('names the rule a bad deployment id breaks', async () => {
    const tree = await newOidcApp(true);

    await expect(
      runner.runSchematic('ng-add', { ...FLAGS, deploymentId: 'a/b' }, tree),
    ).rejects.toThrow(
      'Invalid --deployment-id: NGMA4101: deploymentId must be 1–128 letters, digits, "-" or "_" (got "a/b")',
    );
  });

  it.each([
    ['environment', '--environment is required: the Genesys Cloud environment, e.g. prod-euw1.'],
    ['deploymentId', '--deployment-id is required: the id of your Genesys web deployment.'],
  ])('requires %s', async (field, message) => {
    const tree = await newOidcApp(true);

    await expect(
      runner.runSchematic('ng-add', { ...FLAGS, [field]: undefined }, tree),
    ).rejects.toThrow(message);
  });

  it('refuses a project that is not an application', async () => {
    const tree = await newOidcApp(true);

    await expect(
      runner.runSchematic('ng-add', { ...FLAGS, project: 'nope' }, tree),
    ).rejects.toThrow(
      `Project "nope" is not an application of this workspace (applications: ${APP}).`,
    );
  });
});

describe('ng-add with several angular-auth-oidc-client configurations', () => {
  async function twoConfigApp() {
    const tree = await newApp(true);
    addOidcDependency(tree);
    tree.create(
      `/projects/${APP}/src/app/auth/auth.config.ts`,
      `import { PassedInitialConfig } from 'angular-auth-oidc-client';

export const authConfig: PassedInitialConfig = {
  config: [
    { configId: 'portal', authority: 'https://login.example.com', clientId: 'portal', checkRedirectUrlWhenCheckingIfIsCallback: true },
    { configId: 'partners', authority: 'https://partners.example.com', clientId: 'portal' },
  ],
};
`,
    );
    tree.overwrite(
      APP_CONFIG,
      tree
        .readContent(APP_CONFIG)
        .replace(
          "import { routes } from './app.routes';",
          "import { routes } from './app.routes';\nimport { provideAuth } from 'angular-auth-oidc-client';\nimport { authConfig } from './auth/auth.config';",
        )
        .replace('provideRouter(routes)', 'provideRouter(routes),\n    provideAuth(authConfig)'),
    );
    return tree;
  }

  it('asks for --oidc-config-id and lists the configIds', async () => {
    await expect(runner.runSchematic('ng-add', FLAGS, await twoConfigApp())).rejects.toThrow(
      'The app has 2 angular-auth-oidc-client configurations ("portal", "partners"): pass ' +
        '--oidc-config-id with the configId whose sign-in Messenger follows.',
    );
  });

  it('refuses a configId the app does not have', async () => {
    await expect(
      runner.runSchematic('ng-add', { ...FLAGS, oidcConfigId: 'portl' }, await twoConfigApp()),
    ).rejects.toThrow(
      '--oidc-config-id "portl" names no angular-auth-oidc-client configuration of the app; ' +
        'its configIds are ("portal", "partners").',
    );
  });

  it('writes the configId it is given', async () => {
    const tree = await runner.runSchematic(
      'ng-add',
      { ...FLAGS, oidcConfigId: 'partners' },
      await twoConfigApp(),
    );

    expect(tree.readContent(APP_CONFIG)).toContain("        oidcConfigId: 'partners',\n");
  });

  it('warns when the followed configuration lacks checkRedirectUrlWhenCheckingIfIsCallback', async () => {
    const tree = await twoConfigApp();
    takeLogs();

    await runner.runSchematic('ng-add', { ...FLAGS, oidcConfigId: 'partners' }, tree);

    expect(takeLogs().filter((line) => line.startsWith('warn:'))).toEqual([
      expect.stringContaining('does not set `checkRedirectUrlWhenCheckingIfIsCallback: true`'),
    ]);
  });

  it('does not warn when the followed configuration sets it', async () => {
    const tree = await twoConfigApp();
    takeLogs();

    await runner.runSchematic('ng-add', { ...FLAGS, oidcConfigId: 'portal' }, tree);

    expect(takeLogs().filter((line) => line.startsWith('warn:'))).toEqual([]);
  });
});
