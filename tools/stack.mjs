// The local stack, declared once: `npm start` runs it for people, Playwright runs it for e2e tests.
// Each service binds 127.0.0.1; URLs use the `localhost` spelling everywhere (TOOLCHAIN.md trap 11),
// except one: the demo portal is also opened as http://127.0.0.1:4200, another *site* than the IdP
// at http://localhost:4400, by the e2e project `cross-site` (see playwright.config.ts).
import { join } from 'node:path';
import { ROOT } from './setup.mjs';

const node = process.execPath;
const tsx = (entry, ...args) => [node, '--import', 'tsx', join(ROOT, entry), ...args];
const staticSite = (dir, port) =>
  tsx('tools/serve-static.mjs', '--root', join(ROOT, dir), '--port', String(port));

/**
 * @typedef {object} Service
 * @property {string} name       short name used in logs
 * @property {string} url        where people open it
 * @property {string} readyUrl   answers 2xx once the service is up
 * @property {string[]} command  argv of the process
 * @property {{ project: string, output: string, sources: string[] }} [build]  Angular build it serves
 */

/** @type {Service[]} */
export const SERVICES = [
  {
    name: 'dev-idp',
    url: 'http://localhost:4400',
    readyUrl: 'http://localhost:4400/.well-known/openid-configuration',
    // The test controls let e2e tests age the IdP's tokens with the browser's and Genesys' clocks.
    command: tsx('projects/dev-idp/src/main.ts', '--test-controls', 'on'),
  },
  {
    name: 'profile-server',
    url: 'http://localhost:4600',
    readyUrl: 'http://localhost:4600/health',
    // Profiles of the local stack use the simulator as their Genesys environment; the second
    // origin is one the demo portal does not trust (e2e/profile-fallback.spec.ts publishes it).
    command: tsx(
      'projects/profile-server/src/main.ts',
      '--allowed-environment-origins',
      'http://localhost:4500,https://genesys.untrusted.example',
    ),
  },
  {
    name: 'genesys-sim',
    url: 'http://localhost:4500',
    readyUrl: 'http://localhost:4500/__sim/stats',
    // Its default CORS origins plus the portal served cross-site (e2e project `cross-site`), and
    // the /__sim/ control API the e2e tests drive it with (loopback only, like every service).
    command: tsx(
      'projects/genesys-sim/src/main.ts',
      '--allowed-origins',
      'http://localhost:4200,http://localhost:4300,http://127.0.0.1:4200',
      '--control-api',
    ),
  },
  {
    name: 'demo-portal',
    url: 'http://localhost:4200',
    readyUrl: 'http://localhost:4200/',
    command: staticSite('dist/demo-portal/browser', 4200),
    build: {
      project: 'demo-portal',
      output: 'dist/demo-portal/browser/index.html',
      sources: ['projects/demo-portal', 'projects/ngx-genesys-messenger-auth'],
    },
  },
  {
    name: 'admin',
    url: 'http://localhost:4300',
    readyUrl: 'http://localhost:4300/',
    command: staticSite('dist/admin/browser', 4300),
    build: {
      project: 'admin',
      output: 'dist/admin/browser/index.html',
      sources: [
        'projects/admin',
        'projects/ngx-genesys-messenger-auth/profile',
        'projects/ngx-genesys-messenger-auth/core',
      ],
    },
  },
];
