/**
 * The browser benchmark: the bridged portal and the baseline page at the same time, two users in
 * two browser contexts, for the same minutes of real time with short access tokens, measured with
 * the Genesys simulator's per-user stats. Run by `npm run bench -- browser`, which passes
 * BENCH_BROWSER_MINUTES, BENCH_BROWSER_TOKEN_S and BENCH_BROWSER_OUT and writes the report.
 *
 * The run fails when the browser disagrees with the claims of the deterministic run: the bridged
 * user held a valid JWT all the time and got a refresh in every token lifetime of the window, and
 * the baseline user's JWT ran out (Messenger alone never refreshes). These need a window longer
 * than a token lifetime, and the portal's own sign-in needs tokens over 30 s (it renews 30 s before
 * expiry), so the check takes more than a minute: it stays here instead of the e2e suite.
 *
 * Real time, not the Playwright clock: two contexts have two fake clocks, while the simulator and
 * the IdP have one clock each; moving all four in lockstep would be our own scheduling, not the
 * browser's, which is what this run is meant to show next to the deterministic one.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runSideBySide } from '../../e2e/support/side-by-side';

const MINUTES = Number(process.env['BENCH_BROWSER_MINUTES'] ?? 3);
const TOKEN_S = Number(process.env['BENCH_BROWSER_TOKEN_S'] ?? 60);
const OUT = process.env['BENCH_BROWSER_OUT'] ?? 'dist/bench/browser-run.json';

test('the bridged portal and the baseline page, side by side in real time', async ({
  browser,
  request,
}) => {
  test.setTimeout((MINUTES * 60 + 180) * 1000);
  const run = await runSideBySide(browser, request, {
    tokenLifetimeS: TOKEN_S,
    seconds: MINUTES * 60,
  });
  mkdirSync(path.dirname(path.resolve(OUT)), { recursive: true });
  writeFileSync(path.resolve(OUT), `${JSON.stringify({ minutes: MINUTES, ...run }, null, 1)}\n`);

  const [bridged, baseline] = run.results;
  const windowS = (run.to - run.from) / 1000;
  const summary = JSON.stringify(run.results);
  expect(bridged.side).toBe('bridged');
  expect(bridged.coverage, summary).toBe(1);
  expect(bridged.refreshes, summary).toBeGreaterThanOrEqual(Math.floor(windowS / TOKEN_S));
  expect(bridged.prompts, summary).toBe(0);
  expect(baseline.side).toBe('baseline');
  expect(baseline.refreshes, summary).toBe(0);
  // Its JWT, issued before the window, runs out within one lifetime and is never renewed.
  expect(Math.max(0, ...baseline.gapSeconds), summary).toBeGreaterThan(
    Math.max(0, windowS - TOKEN_S - 5),
  );
});
