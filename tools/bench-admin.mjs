// Benchmark (prints numbers; not a test): what the admin app costs an administrator's browser.
//
// 1. A production build of the admin app with `--stats-json` into dist/bench/admin (under
//    `timeout`, which ends it after BUILD_TIMEOUT_S; never dist/admin, which the stack serves).
// 2. Its initial JavaScript, the way the bundle benchmark counts it: the `<script>` and
//    `modulepreload` files of index.html plus everything they import statically according to
//    esbuild's metafile (stats.json), raw and gzipped at level 9.
// 3. Time to first render in headless Chromium: the build served by tools/serve-static.mjs on
//    http://localhost:4300 (the origin the dev IdP knows for the admin client) with the dev IdP on
//    :4400, as in the local stack, so the app's start-up sign-in check talks to a real IdP. LOADS
//    cold loads, each in a fresh browser context (empty cache and storage), of `/` for a signed-out
//    administrator; per load, from the navigation's start: first contentful paint (the paint entry:
//    index.html's "Loading…" placeholder counts) and the moment `<admin-root>` holds the app's own
//    elements instead of that placeholder (a MutationObserver installed before any script runs).
//    The median of the loads is printed.
// Needs ports 4300 and 4400 free (run it with the local stack stopped).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { readBuild, totalSize } from './bench/initial-files.mjs';
import { CHROMIUM, ROOT, run } from './setup.mjs';

/* global document, window, performance, MutationObserver -- functions run in the page */
const OUTPUT = 'dist/bench/admin';
const BUILD_TIMEOUT_S = 600;
const LOADS = Number(process.env.BENCH_ADMIN_LOADS ?? 5);
const ADMIN_ORIGIN = 'http://localhost:4300';
const IDP_DISCOVERY = 'http://localhost:4400/.well-known/openid-configuration';

/** Builds the admin app (its output goes to stderr, so stdout holds only the results). */
function build() {
  const started = Date.now();
  const args = [String(BUILD_TIMEOUT_S), 'npx', 'ng', 'build', 'admin', '--stats-json'];
  run('timeout', [...args, '--output-path', OUTPUT], {
    env: { ...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1' },
    stdio: ['ignore', 2, 2],
  });
  return (Date.now() - started) / 1000;
}

/** The admin app's initial JavaScript: files, raw and gzip -9 bytes. */
function initialSize() {
  const { browser, initial } = readBuild(path.join(ROOT, OUTPUT));
  return { files: initial.size, ...totalSize(browser, initial) };
}

/** Starts a server of the stack's kind and waits until `readyUrl` answers. */
async function startServer(name, args, readyUrl) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = null;
  child.once('exit', (code) => (exited = code));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`${name} exited with ${exited} (is its port in use?)`);
    try {
      if ((await fetch(readyUrl, { signal: AbortSignal.timeout(2_000) })).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`${name} did not answer at ${readyUrl} within 30 s`);
}

/** Records, before any script of the page runs, when <admin-root> first holds the app's elements. */
function watchAppRoot() {
  const record = () => {
    const root = document.querySelector('admin-root');
    if (!root || root.children.length === 0 || root.querySelector('.boot')) return false;
    window.__appRenderedAt = performance.now();
    return true;
  };
  new MutationObserver((_, observer) => record() && observer.disconnect()).observe(document, {
    childList: true,
    subtree: true,
  });
}

async function coldLoad(browser) {
  const context = await browser.newContext();
  await context.addInitScript(watchAppRoot);
  const page = await context.newPage();
  await page.goto(`${ADMIN_ORIGIN}/`);
  await page.waitForFunction(() => window.__appRenderedAt !== undefined, null, { timeout: 30_000 });
  const times = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    app: window.__appRenderedAt,
  }));
  await context.close();
  return times;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const ms = (values) => values.map((v) => v.toFixed(0)).join(', ');

const buildS = build();
const size = initialSize();
const servers = [];
let browser;
try {
  servers.push(
    await startServer('the dev IdP', ['projects/dev-idp/src/main.ts'], IDP_DISCOVERY),
    await startServer(
      'serve-static',
      ['tools/serve-static.mjs', '--root', path.join(OUTPUT, 'browser'), '--port', '4300'],
      `${ADMIN_ORIGIN}/`,
    ),
  );
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const loads = [];
  for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser));
  const fcp = loads.map((load) => load.fcp);
  const app = loads.map((load) => load.app);
  console.log(
    `admin app, production build (${buildS.toFixed(0)} s to build), Chromium ${browser.version()} ` +
      `headless, Node ${process.version}`,
  );
  console.log(
    `initial JavaScript: ${size.files} files, ${kB(size.raw)} raw, ${kB(size.gzip)} gzip -9`,
  );
  console.log(
    `first contentful paint, median of ${LOADS} cold loads: ${median(fcp).toFixed(0)} ms`,
  );
  console.log(`  loads: ${ms(fcp)} ms`);
  console.log(
    `app rendered in <admin-root>, median of ${LOADS} cold loads: ${median(app).toFixed(0)} ms`,
  );
  console.log(`  loads: ${ms(app)} ms`);
} finally {
  await browser?.close();
  for (const server of servers) server.kill('SIGTERM');
}
