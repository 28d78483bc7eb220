import { SILENT_CALLBACK_ASSET } from './assets';
import {
  APP,
  FLAGS,
  addOidcDependency,
  buildAssets,
  newApp,
  newOidcApp,
  runner,
  snapshot,
} from './test-app.spec-helpers';
import { TYPE_CHECK_TIMEOUT, typeCheck } from './type-check.spec-helpers';

const APP_MODULE = `/projects/${APP}/src/app/app-module.ts`;
const AUTH_CONFIG_MODULE = `/projects/${APP}/src/app/auth/auth-config.module.ts`;

describe('ng-add in an NgModule app', () => {
  it("adds MessengerAuthModule.forRoot after AuthModule.forRoot in angular-auth-oidc-client's module", async () => {
    const tree = await runner.runSchematic('ng-add', FLAGS, await newOidcApp(false));
    const module = tree.readContent(AUTH_CONFIG_MODULE);

    expect(module).toContain(
      "import { AuthModule } from 'angular-auth-oidc-client';\n" +
        "import { MessengerAuthModule, withMessengerSnippet } from 'ngx-genesys-messenger-auth';\n",
    );
    // The template's own layout, then ours, one level inside its `imports: [`.
    expect(module).toContain(`
      }),
      MessengerAuthModule.forRoot(
        {
          deploymentId: 'f3c2a1b0-1234-4c5d-9e8f-0a1b2c3d4e5f',
          environment: 'prod-euw1',
          clientId: 'genesys-messenger',
        },
        withMessengerSnippet(),
      )],
    exports: [AuthModule],`);
  });

  it(
    'writes a root module that compiles against the library',
    async () => {
      const tree = await runner.runSchematic('ng-add', FLAGS, await newOidcApp(false));

      expect(typeCheck(tree, APP_MODULE)).toEqual([]);
    },
    TYPE_CHECK_TIMEOUT,
  );

  it('adds the asset entry once and changes no file when run a second time', async () => {
    const once = await runner.runSchematic('ng-add', FLAGS, await newOidcApp(false));
    const before = snapshot(once);

    const twice = await runner.runSchematic('ng-add', FLAGS, once);

    expect(snapshot(twice)).toEqual(before);
    expect(buildAssets(twice)).toEqual([
      { glob: '**/*', input: `projects/${APP}/public` },
      SILENT_CALLBACK_ASSET,
    ]);
  });

  it('adds the module to the root module when AuthModule.forRoot is there', async () => {
    const tree = await newApp(false);
    addOidcDependency(tree);
    const original = tree.readContent(APP_MODULE);
    tree.overwrite(
      APP_MODULE,
      original
        .replace(
          "import { App } from './app';",
          "import { App } from './app';\nimport { AuthModule } from 'angular-auth-oidc-client';",
        )
        .replace(
          '    AppRoutingModule\n',
          "    AppRoutingModule,\n    AuthModule.forRoot({ config: { authority: 'https://login.example.com', clientId: 'portal' } }),\n",
        ),
    );

    const after = await runner.runSchematic('ng-add', { ...FLAGS, snippet: false }, tree);

    expect(after.readContent(APP_MODULE))
      .toContain(`    AuthModule.forRoot({ config: { authority: 'https://login.example.com', clientId: 'portal' } }),
    MessengerAuthModule.forRoot(
      {
        deploymentId: 'f3c2a1b0-1234-4c5d-9e8f-0a1b2c3d4e5f',
        environment: 'prod-euw1',
        clientId: 'genesys-messenger',
      },
    ),
  ],`);
    expect(after.readContent(APP_MODULE)).toContain(
      "import { MessengerAuthModule } from 'ngx-genesys-messenger-auth';",
    );
  });
});
