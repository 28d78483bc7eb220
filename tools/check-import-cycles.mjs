// Fails when files of the library import each other in a loop (issue 10: "no import loop between
// files of the library"). Follows relative imports and the library's own entry points
// (`ngx-genesys-messenger-auth/core` …), `import type` included: a loop of types is still a loop
// a reader has to untangle. Specs and their helpers are left out.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './setup.mjs';

const LIBRARY = join(ROOT, 'projects/ngx-genesys-messenger-auth');
const ENTRY_POINTS = {
  'ngx-genesys-messenger-auth': 'src/public-api.ts',
  'ngx-genesys-messenger-auth/core': 'core/public-api.ts',
  'ngx-genesys-messenger-auth/core/startup': 'core/startup/public-api.ts',
  'ngx-genesys-messenger-auth/engine': 'engine/public-api.ts',
  'ngx-genesys-messenger-auth/profile': 'profile/public-api.ts',
  'ngx-genesys-messenger-auth/testing': 'testing/public-api.ts',
  'ngx-genesys-messenger-auth/testing/angular': 'testing/angular/public-api.ts',
};
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g;

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.spec(-helpers)?\.ts$|\.spec\.ts$/.test(name) ? [path] : [];
  });
}

function resolveImport(from, specifier) {
  if (specifier in ENTRY_POINTS) return join(LIBRARY, ENTRY_POINTS[specifier]);
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts')].find((path) => existsSync(path));
}

const files = sources(LIBRARY).filter((path) => !/\.spec-helpers\.ts$/.test(path));
const edges = new Map(
  files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)]
      .map((match) => resolveImport(file, match[1]))
      .filter((target) => target && target !== file);
    return [file, [...new Set(targets)]];
  }),
);

const cycles = [];
const state = new Map(); // undefined: new, 1: on the path, 2: done
function visit(file, path) {
  state.set(file, 1);
  for (const next of edges.get(file) ?? []) {
    if (state.get(next) === 1) cycles.push([...path.slice(path.indexOf(next)), next]);
    else if (!state.has(next)) visit(next, [...path, next]);
  }
  state.set(file, 2);
}
for (const file of files) if (!state.has(file)) visit(file, [file]);

if (cycles.length) {
  for (const cycle of cycles) {
    console.error(`import loop: ${cycle.map((file) => relative(LIBRARY, file)).join(' → ')}`);
  }
  process.exit(1);
}
console.log(`import loops: none among ${files.length} files of the library`);
