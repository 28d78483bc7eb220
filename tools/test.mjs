// `npm test`: installs what is missing (npm dependencies, Debian chromium), then runs every check:
// lint, type checks, jest, the production builds, karma in Chromium and Playwright e2e.
// Every step runs even when an earlier one failed, so one run shows every failure; the exit code
// is non-zero when any step failed.
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensureDependencies, ROOT } from './setup.mjs';

const MINUTE = 60;
/** [name, command, time limit in seconds] */
const STEPS = [
  ['lint', 'npx eslint . && npx prettier --check .', 5 * MINUTE],
  ['typecheck', 'node tools/typecheck.mjs', 5 * MINUTE],
  ['jest', 'npx jest --ci', 10 * MINUTE],
  ['build', 'node tools/build.mjs', 10 * MINUTE],
  [
    'karma',
    'npx ng test demo-portal --watch=false && npx ng test ngx-genesys-messenger-auth --watch=false && npx ng test admin --watch=false',
    10 * MINUTE,
  ],
  ['e2e', 'npx playwright test', 15 * MINUTE],
];

function main() {
  const started = Date.now();
  try {
    ensureDependencies();
    ensureChromium();
  } catch (error) {
    console.error(`test: set-up failed: ${error.message}`);
    process.exit(1);
  }

  const only = process.argv.slice(2);
  const results = [];
  for (const [name, command, limit] of STEPS) {
    if (only.length && !only.includes(name)) continue;
    console.log(`\n=== ${name}: ${command}`);
    const stepStarted = Date.now();
    const result = spawnSync('timeout', ['--kill-after=10', String(limit), 'bash', '-c', command], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    const seconds = Math.round((Date.now() - stepStarted) / 1000);
    const ok = result.status === 0;
    if (result.status === 124) console.error(`=== ${name} ran over its ${limit} s limit`);
    results.push({ name, ok, seconds });
  }

  console.log('\n=== summary');
  for (const { name, ok, seconds } of results) {
    console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(10)} ${seconds} s`);
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`  total ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
