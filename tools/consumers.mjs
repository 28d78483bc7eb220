// `npm test -- consumers`: the library as a portal team gets it. Packs the built library, then for
// each app of tools/consumers/apps.mjs (Angular 21 standalone on Node 20, Angular 22 NgModule on
// Node 22) generates it with the Angular CLI in a temp folder, installs angular-auth-oidc-client
// and the tarball (failing on any peer-dependency warning), runs `ng add ngx-genesys-messenger-auth`,
// builds it and runs e2e-consumers/ against it on the local stack. Prints a per-app breakdown.
//
//   node tools/consumers.mjs                 everything; the temp folder is removed afterwards
//   KEEP_CONSUMERS=1 node tools/consumers.mjs   keeps it (its path is printed)
//   node tools/consumers.mjs --prepare       stops before e2e and keeps the apps
//   node tools/consumers.mjs --reuse DIR     only e2e, against the apps a --prepare left in DIR
//   node tools/consumers.mjs --app NAME      one app of tools/consumers/apps.mjs (with any of the above)
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSchematics } from './build-schematics.mjs';
import { CONSUMER_APPS } from './consumers/apps.mjs';
import { PHASES, runConsumerApp } from './consumers/consumer-app.mjs';
import { consumerEnv, runCommand } from './consumers/run-command.mjs';
import { ROOT, run } from './setup.mjs';

const LIBRARY_DIST = join(ROOT, 'dist', 'ngx-genesys-messenger-auth');

/** Builds the library unless dist/ holds it, and packs it into `dir`; returns the tarball's path. */
async function packLibrary(dir) {
  if (!existsSync(join(LIBRARY_DIST, 'package.json'))) {
    console.log('consumers: building the library (dist/ngx-genesys-messenger-auth is missing)');
    run('timeout', ['600', 'npx', 'ng', 'build', 'ngx-genesys-messenger-auth']);
    buildSchematics();
  }
  const packed = await runCommand('npm', ['pack', LIBRARY_DIST, '--pack-destination', dir], {
    label: 'pack',
    cwd: dir,
    env: consumerEnv(undefined),
    limitSeconds: 120,
  });
  const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'));
  if (!packed.ok || !tarball) throw new Error('npm pack of the library failed');
  return join(dir, tarball);
}

function printSummary(results, totalSeconds) {
  const names = PHASES.map(([name]) => name);
  const header = ['app'.padEnd(16), ...names.map((n) => n.padStart(9)), 'total'.padStart(7)];
  console.log(`\n=== consumers: seconds per phase\n  ${header.join(' ')}`);
  for (const { name, ok, seconds, failure } of results) {
    const total = Object.values(seconds).reduce((a, b) => a + b, 0);
    const cells = names.map((n) => String(seconds[n] ?? '-').padStart(9));
    console.log(`  ${name.padEnd(16)} ${cells.join(' ')} ${String(total).padStart(7)}`);
    if (!ok) console.log(`    FAILED in ${failure}`);
  }
  console.log(`  consumers step: ${totalSeconds} s`);
}

async function main() {
  const { values } = parseArgs({
    options: { prepare: { type: 'boolean' }, reuse: { type: 'string' }, app: { type: 'string' } },
  });
  const apps = CONSUMER_APPS.filter((app) => !values.app || app.name === values.app);
  if (!apps.length) {
    const names = CONSUMER_APPS.map((app) => app.name).join(', ');
    console.error(`consumers: no app "${values.app}"; the apps: ${names}`);
    process.exit(2);
  }
  const started = Date.now();
  const reuse = values.reuse !== undefined;
  const keep = process.env.KEEP_CONSUMERS === '1' || values.prepare || reuse;
  const workDir = reuse ? values.reuse : mkdtempSync(join(tmpdir(), 'ngma-consumers-'));
  console.log(`consumers: working in ${workDir}`);
  const results = [];
  try {
    const tarball = reuse ? '' : await packLibrary(workDir);
    for (const app of apps) {
      const options = { workDir, tarball, workspace: ROOT, reuse, stopBeforeE2e: values.prepare };
      results.push(await runConsumerApp(app, options));
    }
  } catch (error) {
    console.error(`consumers: ${error.message}`);
    results.push({ name: 'set-up', ok: false, seconds: {}, failure: error.message });
  } finally {
    if (keep) console.log(`consumers: kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
  printSummary(results, Math.round((Date.now() - started) / 1000));
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

await main();
