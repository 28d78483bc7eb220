/*
 * The checks of issue 12 §1 over the bridge's runs of the coverage benchmark (the same runs
 * `npm run bench -- coverage` publishes): what the numbers must keep saying.
 */
import { DEFAULT_REFRESH_POLICY, leadTimeMs } from 'ngx-genesys-messenger-auth/core';
import { JWT_LIFETIME_S } from './bench-world';
import { runScenario, type RunResult } from './run-coverage';
import { SCENARIOS } from './scenarios';
import { STRATEGIES } from './strategies';

const UNDER_TEST = process.env['BENCH_CHECK_STRATEGY'] ?? 'bridge';
const strategy = STRATEGIES.find((s) => s.id === UNDER_TEST);
if (!strategy) throw new Error(`BENCH_CHECK_STRATEGY: no strategy ${UNDER_TEST}`);

const percent = (share: number) => (share * 100).toFixed(3);
const results = new Map<string, RunResult>();

describe(`the coverage benchmark's checks on ${strategy.label}`, () => {
  beforeAll(async () => {
    for (const scenario of SCENARIOS) results.set(scenario.id, await runScenario(strategy, scenario));
  }, 120_000);

  it.each(SCENARIOS.filter((s) => !s.recoveryImpossible).map((s) => [s.label, s.id]))(
    'holds a valid JWT 100.000 %% of the awake signed-in time: %s',
    (_label, id) => {
      expect(percent(results.get(id)?.coverage ?? 0)).toBe('100.000');
    },
  );

  it.each(SCENARIOS.map((s) => [s.label, s.id]))(
    'wakes up at most twice per refresh cycle in any tab: %s',
    (_label, id) => {
      expect(results.get(id)?.wakeupsPerCycle).toBeLessThanOrEqual(2);
    },
  );

  it('makes as many refresh calls with 5 tabs as with one (ratio 1.00)', () => {
    const ratio = (results.get('tabs-5')?.refreshCalls ?? 0) / (results.get('visible')?.refreshCalls ?? 1);
    expect(ratio.toFixed(2)).toBe('1.00');
  });

  it.each(SCENARIOS.map((s) => [s.label, s.id]))(
    'refreshes at most 1.02 × 3600 / (lifetime − lead) times an hour: %s',
    (_label, id) => {
      const lifetimeMs = JWT_LIFETIME_S * 1000;
      const cycleS = (lifetimeMs - leadTimeMs(lifetimeMs, DEFAULT_REFRESH_POLICY)) / 1000;
      expect(results.get(id)?.refreshCallsPerHour).toBeLessThanOrEqual((1.02 * 3600) / cycleS);
    },
  );

  it('shows exactly one prompt when the IdP session ended', () => {
    expect(results.get('idp-ended')?.prompts).toBe(1);
  });
});
