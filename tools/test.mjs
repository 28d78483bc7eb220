// `npm test`: installs what is missing (npm dependencies, Debian chromium and postgresql), then
// runs every check: lint, type checks, jest (the profile server's specs on SQLite and again on a
// throwaway PostgreSQL cluster), the production builds, the library's package, the bridge's bundle
// budget, karma in Chromium, Playwright e2e, and the consumer apps (the packed library in apps the
// Angular CLI generates).
// Every step runs even when an earlier one failed, so one run shows every failure; the exit code
// is non-zero when any step failed. `npm test -- karma e2e` runs only the steps named.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { clearInterval, setInterval } from 'node:timers';
import { ensureChromium, ensureDependencies, ensurePostgres, ROOT } from './setup.mjs';

const MINUTE = 60;

/** The karma projects: each runs on its own, so that a failure in one does not hide the others. */
const KARMA_PROJECTS = ['demo-portal', 'ngx-genesys-messenger-auth', 'admin'];

/**
 * The e2e step's limit. Above its longest test (the day of refreshes in e2e/bridge-refresh.spec.ts,
 * `test.setTimeout(15 * 60_000)`), with the stack's start on top; low enough that a stuck run still
 * ends `npm test` well inside CI's 25 minutes (the other steps take about 3 of them).
 */
const E2E_LIMIT = 18 * MINUTE;

/**
 * The consumers step's limit: two apps generated, installed, built and tested end to end take
 * about 4.5 minutes on a 2-core machine (their breakdown is printed); the limit leaves room for a
 * slower registry.
 */
const CONSUMERS_LIMIT = 8 * MINUTE;

/**
 * The steps, in order. `parts` are [label, command]; every part of a step runs, each within what
 * is left of the step's `limit` (seconds), and the step fails when any part failed. A step over its
 * limit is sent `stop` (its whole process group), then SIGKILL after `graceSeconds`.
 */
const STEPS = [
  step(
    'lint',
    'npx eslint . && npx prettier --check . && node tools/check-import-cycles.mjs',
    5 * MINUTE,
  ),
  step('typecheck', 'node tools/typecheck.mjs', 5 * MINUTE),
  step('jest', 'npx jest --ci', 10 * MINUTE),
  step('build', 'node tools/build.mjs', 10 * MINUTE),
  // After the whole build (the library and its schematics): the packed tarball, its package.json
  // and types (publint, arethetypeswrong) and the API report of every entry point.
  step('package', 'node tools/package-check.mjs', 3 * MINUTE),
  // Two production builds of the demo portal, with and without the bridge (dist/bench/): fails
  // when the bridge's gzipped cost is over its budget or /profile or /testing code is in it.
  step('budget', 'node tools/bench-bundle-cost.mjs --check', 5 * MINUTE),
  {
    name: 'karma',
    parts: KARMA_PROJECTS.map((project) => [project, `npx ng test ${project} --watch=false`]),
    limit: 10 * MINUTE,
  },
  // SIGINT, as Ctrl-C: Playwright then reports the tests it interrupted and stops the stack it
  // started, which its webServer shutdown may take up to 10 s of.
  { ...step('e2e', 'npx playwright test', E2E_LIMIT), stop: 'SIGINT', graceSeconds: 30 },
  // After e2e: it starts the same stack ports, one consumer app at a time.
  step('consumers', 'node tools/consumers.mjs', CONSUMERS_LIMIT),
];

function step(name, command, limit) {
  return { name, parts: [['', command]], limit };
}

/** `18 min`, `45 s`. */
function formatLimit(seconds) {
  return seconds % MINUTE === 0 ? `${seconds / MINUTE} min` : `${seconds} s`;
}

/** Set once the user (or CI) cancels: the running step is stopped and no further one starts. */
let cancelledBy = null;
/** Stops the running step's process group; replaced for each step. */
let stopRunning = () => {};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cancelledBy ??= signal;
    stopRunning(signal);
  });
}

/**
 * Runs a shell command in its own process group, so that a command over its limit is stopped with
 * everything it started (test runners, browsers, servers).
 * @param onOverLimit called once the limit is reached, before the group is stopped
 * @returns {Promise<{ ok: boolean, overLimit: boolean, status: number }>}
 */
function runLimited(command, limitSeconds, { stop = 'SIGTERM', graceSeconds = 10, onOverLimit }) {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', command], {
      cwd: ROOT,
      // No stdin: a background process group that reads the terminal is stopped by the kernel.
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, FORCE_COLOR: '0' },
      detached: true,
    });
    const signalGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
        return true;
      } catch {
        // ESRCH: every process of the group has exited.
        return false;
      }
    };
    let overLimit = false;
    let killAt;
    let killTimer;
    // Stops the group with `signal`, and kills whatever of it is left after the grace period.
    const stopGroup = (signal) => {
      signalGroup(signal);
      killAt ??= Date.now() + graceSeconds * 1000;
      killTimer ??= setTimeout(() => signalGroup('SIGKILL'), graceSeconds * 1000);
    };
    stopRunning = stopGroup;
    const limitTimer = setTimeout(() => {
      overLimit = true;
      onOverLimit();
      stopGroup(stop);
    }, limitSeconds * 1000);

    child.on('error', (error) => console.error(`=== could not start bash: ${error.message}`));
    child.on('close', (code, signal) => {
      clearTimeout(limitTimer);
      stopRunning = () => {};
      const status = code ?? 128 + (constants.signals[signal] ?? 0);
      const done = () => resolve({ ok: status === 0 && !overLimit, overLimit, status });
      if (killAt === undefined) return done();
      // A stopped step: what is left of its group (a test runner stopping its servers) may finish
      // within the grace period; the next step starts once it has, or has been killed.
      const sweep = setInterval(() => {
        if (Date.now() < killAt && signalGroup(0)) return;
        clearInterval(sweep);
        clearTimeout(killTimer);
        signalGroup('SIGKILL');
        done();
      }, 200);
    });
  });
}

/** Runs every part of a step within the step's limit; reports the parts that failed. */
async function runStep({ name, parts, limit, stop, graceSeconds }) {
  const started = Date.now();
  const failedParts = [];
  let overLimit = false;
  for (const [label, command] of parts) {
    const left = limit - Math.floor((Date.now() - started) / 1000);
    const title = label ? `${name} ${label}` : name;
    if (cancelledBy || left <= 0) {
      failedParts.push(label || name);
      if (!cancelledBy) console.error(`\n=== ${title}: not run, ${name} used up its limit`);
      continue;
    }
    console.log(`\n=== ${title}: ${command}`);
    const onOverLimit = () =>
      console.error(
        `\n=== ${title}: FAILED, ran over the ${formatLimit(limit)} limit of the ${name} step ` +
          `(tools/test.mjs); stopping it with ${stop ?? 'SIGTERM'}`,
      );
    const partStarted = Date.now();
    const result = await runLimited(command, left, { stop, graceSeconds, onOverLimit });
    overLimit ||= result.overLimit;
    if (!result.ok) failedParts.push(label || name);
    if (parts.length > 1) {
      const outcome = result.ok ? 'ok' : `FAILED (exit ${result.status})`;
      console.log(`=== ${title}: ${outcome}, ${Math.round((Date.now() - partStarted) / 1000)} s`);
    }
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  let note = '';
  if (overLimit) note = `over its ${formatLimit(limit)} limit`;
  if (parts.length > 1 && failedParts.length) {
    note = [note, `failed: ${failedParts.join(', ')}`].filter(Boolean).join('; ');
    console.error(`=== ${name}: failed in ${failedParts.join(', ')}`);
  }
  return { name, ok: failedParts.length === 0, seconds, note };
}

async function main() {
  const started = Date.now();
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !STEPS.some((s) => s.name === name));
  if (unknown.length) {
    console.error(
      `test: no step ${unknown.join(', ')}; steps: ${STEPS.map((s) => s.name).join(', ')}`,
    );
    process.exit(2);
  }
  try {
    ensureDependencies();
    ensureChromium();
    ensurePostgres();
  } catch (error) {
    console.error(`test: set-up failed: ${error.message}`);
    process.exit(1);
  }

  const results = [];
  for (const each of STEPS) {
    if (only.length && !only.includes(each.name)) continue;
    if (cancelledBy) break;
    results.push(await runStep(each));
  }

  console.log('\n=== summary');
  for (const { name, ok, seconds, note } of results) {
    const line = `  ${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(10)} ${seconds} s`;
    console.log(note ? `${line.padEnd(28)} (${note})` : line);
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`  total ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
  if (cancelledBy) {
    console.error(`test: cancelled (${cancelledBy}); the steps after it did not run`);
    process.exit(128 + constants.signals[cancelledBy]);
  }
  process.exit(failed ? 1 : 0);
}

await main();
