// Production builds of every Angular project: the library (ng-packagr, partial compilation) first,
// because the apps consume it from dist/, then the apps.
import { buildSchematics } from './build-schematics.mjs';
import { run } from './setup.mjs';

export const BUILD_ORDER = ['ngx-genesys-messenger-auth', 'demo-portal', 'admin'];

for (const project of BUILD_ORDER) {
  console.log(`build: ${project}`);
  run('timeout', ['600', 'npx', 'ng', 'build', project]);
  if (project === 'ngx-genesys-messenger-auth') buildSchematics();
}
