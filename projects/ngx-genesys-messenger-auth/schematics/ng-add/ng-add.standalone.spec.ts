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
  takeLogs,
} from './test-app.spec-helpers';
import { TYPE_CHECK_TIMEOUT, typeCheck } from './type-check.spec-helpers';

const APP_CONFIG = `/projects/${APP}/src/app/app.config.ts`;

describe('ng-add in a standalone app', () => {
  it('adds provideMessengerAuth with the flags right after provideAuth, and its imports', async () => {
    const tree = await runner.runSchematic('ng-add', FLAGS, await newOidcApp(true));

    expect(tree.readContent(APP_CONFIG))
      .toBe(`import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter } from '@angular/router';

import { routes } from './app.routes';
import { authConfig } from './auth/auth.config';
import { provideAuth } from 'angular-auth-oidc-client';
import { provideMessengerAuth, withMessengerSnippet } from 'ngx-genesys-messenger-auth';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes), provideAuth(authConfig),
    provideMessengerAuth(
      {
        deploymentId: 'f3c2a1b0-1234-4c5d-9e8f-0a1b2c3d4e5f',
        environment: 'prod-euw1',
        clientId: 'genesys-messenger',
      },
      withMessengerSnippet(),
    )
  ]
};
`);
  });

  it(
    'writes an app config that compiles against the library',
    async () => {
      const tree = await runner.runSchematic('ng-add', FLAGS, await newOidcApp(true));

      expect(typeCheck(tree, APP_CONFIG)).toEqual([]);
    },
    TYPE_CHECK_TIMEOUT,
  );

  it('serves the silent callback page through one asset entry after the existing ones', async () => {
    const tree = await runner.runSchematic('ng-add', FLAGS, await newOidcApp(true));

    expect(buildAssets(tree)).toEqual([
      { glob: '**/*', input: `projects/${APP}/public` },
      // angular-auth-oidc-client's ng add adds none for refresh tokens.
      SILENT_CALLBACK_ASSET,
    ]);
  });

  it('leaves withMessengerSnippet out with --snippet=false', async () => {
    const tree = await runner.runSchematic(
      'ng-add',
      { ...FLAGS, snippet: false },
      await newOidcApp(true),
    );
    const config = tree.readContent(APP_CONFIG);

    expect(config).toContain(
      "import { provideMessengerAuth } from 'ngx-genesys-messenger-auth';\n",
    );
    expect(config).not.toContain('withMessengerSnippet');
    expect(config).toContain("clientId: 'genesys-messenger',\n      },\n    )\n  ]");
  });

  it('changes no file when run a second time, even with other flags', async () => {
    const once = await runner.runSchematic('ng-add', FLAGS, await newOidcApp(true));
    const before = snapshot(once);

    const twice = await runner.runSchematic(
      'ng-add',
      { ...FLAGS, environment: 'prod', snippet: false },
      once,
    );

    expect(snapshot(twice)).toEqual(before);
    expect(takeLogs()).toContain(
      `info: ngx-genesys-messenger-auth: already set up in projects/${APP}/src/app/app.config.ts; left as it is.`,
    );
  });

  it(
    'inserts after provideAuth in the middle of the providers and writes the config id',
    async () => {
      const tree = await newApp(true);
      tree.overwrite(
        APP_CONFIG,
        `import { ApplicationConfig } from '@angular/core';
import { provideRouter } from '@angular/router';
import { provideAuth } from 'angular-auth-oidc-client';
import { routes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideAuth({
      config: {
        configId: 'portal',
        authority: 'https://login.example.com',
        clientId: 'portal',
        redirectUrl: window.location.origin,
        responseType: 'code',
        checkRedirectUrlWhenCheckingIfIsCallback: true,
      },
    }),
    provideRouter(routes),
  ],
};
`,
      );
      addOidcDependency(tree);

      const after = await runner.runSchematic('ng-add', { ...FLAGS, oidcConfigId: 'portal' }, tree);

      expect(after.readContent(APP_CONFIG)).toContain(`    }),
    provideMessengerAuth(
      {
        deploymentId: 'f3c2a1b0-1234-4c5d-9e8f-0a1b2c3d4e5f',
        environment: 'prod-euw1',
        clientId: 'genesys-messenger',
        oidcConfigId: 'portal',
      },
      withMessengerSnippet(),
    ),
    provideRouter(routes),
  ],`);
      expect(typeCheck(after, APP_CONFIG)).toEqual([]);
    },
    TYPE_CHECK_TIMEOUT,
  );
});
