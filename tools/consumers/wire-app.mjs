// Sets a generated consumer app up as its team would before adding the library: angular-auth-oidc-
// client configured for the dev IdP in the app's root providers or root module, a callback route,
// and a root component with sign-in and sign-out buttons that shows Messenger's state.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const SHARED = ['auth-config.ts', 'portal-shell.ts', 'app.html'];
const VARIANT_FILES = {
  standalone: ['app.ts', 'callback.ts', 'app.routes.ts'],
  ngmodule: ['app.ts', 'callback.ts', 'app-routing-module.ts'],
};

/**
 * Replaces the one place `pattern` matches in a generated file with `replacement` (`$&` is the
 * match); throws when the file does not look as the Angular CLI generates it.
 */
function replaceOnce(file, pattern, replacement) {
  const text = readFileSync(file, 'utf8');
  const found = text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `${file}: expected ${pattern} once in the file the Angular CLI generated, found it ` +
        `${found} times; the consumer fixtures (tools/consumers/wire-app.mjs) need updating`,
    );
  }
  writeFileSync(file, text.replace(pattern, replacement));
}

/** Adds `lines` at the top of a file. */
function prepend(file, lines) {
  writeFileSync(file, `${lines.join('\n')}\n${readFileSync(file, 'utf8')}`);
}

/** provideAuth with the app-initializer check next to the generated providers (and HttpClient). */
function wireStandalone(appDir) {
  const config = join(appDir, 'app.config.ts');
  prepend(config, [
    "import { provideHttpClient } from '@angular/common/http';",
    "import { provideAuth, withAppInitializerAuthCheck } from 'angular-auth-oidc-client';",
    "import { authConfig } from './auth-config';",
  ]);
  replaceOnce(
    config,
    /provideRouter\(routes\),?/,
    'provideRouter(routes),\n    provideHttpClient(),\n' +
      '    provideAuth({ config: authConfig }, withAppInitializerAuthCheck()),',
  );
}

/**
 * AuthModule.forRoot in the root module and `checkAuth()` as an app initializer. No
 * provideHttpClient: Angular 22's generated module has none, and the root HttpClient uses fetch.
 */
function wireNgModule(appDir) {
  const module = join(appDir, 'app-module.ts');
  prepend(module, [
    "import { inject, provideAppInitializer } from '@angular/core';",
    "import { AuthModule, OidcSecurityService } from 'angular-auth-oidc-client';",
    "import { authConfig } from './auth-config';",
  ]);
  replaceOnce(module, /imports:\s*\[/, '$&\n    AuthModule.forRoot({ config: authConfig }),');
  replaceOnce(
    module,
    /providers:\s*\[/,
    '$&\n    provideAppInitializer(() => inject(OidcSecurityService).checkAuth()),',
  );
}

/**
 * Writes the fixtures into a generated app and wires angular-auth-oidc-client into it.
 * @param {string} root the app's folder
 * @param {'standalone' | 'ngmodule'} variant how the app was generated
 */
export function wireConsumerApp(root, variant) {
  const appDir = join(root, 'src', 'app');
  for (const file of SHARED) copyFileSync(join(FIXTURES, 'shared', file), join(appDir, file));
  for (const file of VARIANT_FILES[variant]) {
    copyFileSync(join(FIXTURES, variant, file), join(appDir, file));
  }
  if (variant === 'standalone') wireStandalone(appDir);
  else wireNgModule(appDir);
}
