// The consumer apps `npm test -- consumers` generates with the Angular CLI, and what `ng add`
// is given for them.
import { tsImport } from 'tsx/esm/api';

/**
 * @typedef {object} ConsumerApp
 * @property {string} name        the `ng new` name (and the app's folder)
 * @property {number} angularMajor the Angular major the app must run
 * @property {string} cli         the CLI package `ng new` runs from
 * @property {string} [node]      a Node version from the npm registry to run every command of the
 *                                app with (absent: the workspace's Node)
 * @property {string} oidcClient  the angular-auth-oidc-client to install
 * @property {'standalone' | 'ngmodule'} variant
 */

/** @type {ConsumerApp[]} */
export const CONSUMER_APPS = [
  {
    name: 'ng21-standalone',
    angularMajor: 21,
    // 21.2.28 writes @angular/build@^21.2.28, which is not on the registry (TOOLCHAIN.md).
    cli: '@angular/cli@21.2.27',
    oidcClient: 'angular-auth-oidc-client@^21',
    variant: 'standalone',
  },
  {
    name: 'ng22-ngmodule',
    angularMajor: 22,
    cli: '@angular/cli@22',
    // Angular 22 needs Node ^22.22.3 (TOOLCHAIN.md); the workspace runs on Node 20.
    node: '22.23.3',
    oidcClient: 'angular-auth-oidc-client@^22',
    variant: 'ngmodule',
  },
];

/**
 * The `ng add` options: the Messenger deployment the demo portal uses against the local stack (the
 * Genesys simulator stands in for the region; the IdP's client of the Genesys integration).
 * @param {string} project
 */
export async function ngAddArgs(project) {
  const { MESSENGER_SETTINGS } = await tsImport(
    '../../projects/demo-portal/src/app/messenger/messenger-settings.ts',
    import.meta.url,
  );
  return [
    'ng',
    'add',
    'ngx-genesys-messenger-auth',
    '--project',
    project,
    '--environment',
    MESSENGER_SETTINGS.environment,
    '--deployment-id',
    MESSENGER_SETTINGS.deploymentId,
    '--client-id',
    MESSENGER_SETTINGS.clientId,
    '--snippet=true',
    '--skip-confirmation',
  ];
}
