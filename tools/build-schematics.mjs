// Compiles the library's `ng add` schematic (CommonJS, for the Angular CLI) into the built package.
// Runs after ng-packagr, which empties dist/ngx-genesys-messenger-auth first.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, run } from './setup.mjs';

const SOURCE = join(ROOT, 'projects/ngx-genesys-messenger-auth/schematics');
const OUT = join(ROOT, 'dist/ngx-genesys-messenger-auth/schematics');
/**
 * The files tsc does not emit: the collection and the schema the CLI reads, and the folder's
 * package.json — the library is "type": "module", the CLI require()s the schematic, so this folder
 * is CommonJS (in the sources too, for tsc's node16 module rules).
 */
const JSON_FILES = ['collection.json', 'ng-add/schema.json', 'package.json'];

export function buildSchematics() {
  run('npx', ['tsc', '-p', 'projects/ngx-genesys-messenger-auth/tsconfig.schematics.json'], {
    cwd: ROOT,
  });
  for (const file of JSON_FILES) {
    mkdirSync(dirname(join(OUT, file)), { recursive: true });
    copyFileSync(join(SOURCE, file), join(OUT, file));
  }
  // ng-packagr's .npmignore leaves out every nested package.json; this one must ship.
  const npmignore = join(OUT, '..', '.npmignore');
  const rules = readFileSync(npmignore, 'utf-8').trimEnd();
  writeFileSync(npmignore, `${rules}\n!schematics/package.json\n`);
}
