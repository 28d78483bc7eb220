/*
 * The checks of issue 12 §1 over the bridge's runs of the coverage benchmark (the same runs
 * `npm run bench -- coverage` publishes): what the numbers must keep saying.
 */
import { DEFAULT_REFRESH_POLICY, leadTimeMs } from 'ngx-genesys-messenger-auth/core';
import { recordCoverageRows } from '../fault-matrix/coverage-rows';
import { JWT_LIFETIME_S } from './bench-world';
import { runScenario, type RunResult } from './run-coverage';
import { SCENARIOS, type Scenario } from './scenarios';
import { STRATEGIES } from './strategies';

const UNDER_TEST = process.env['BENCH_CHECK_STRATEGY'] ?? 'bridge';
const strategy = STRATEGIES.find((s) => s.id === UNDER_TEST);
if (!strategy) throw new Error(`BENCH_CHECK_STRATEGY: no strategy ${UNDER_TEST}`);

const percent = (share: number) => (share * 100).toFixed(3);
const results = new Map<string, RunResult>();
/** Per scenario: how many checks were declared and how many passed (for the fault matrix). */
const declared = new Map<string, number>();
const passed = new Map<string, number>();

/** A check over some scenarios' runs; a scenario whose checks all pass gets its fault-matrix row. */
function check(title: string, scenarios: readonly Scenario[], body: (id: string) => void): void {
  for (const { id } of scenarios) declared.set(id, (declared.get(id) ?? 0) + 1);
  it.each(scenarios.map((s) => [s.label, s.id]))(title, (_label, id) => {
    body(id);
    passed.set(id, (passed.get(id) ?? 0) + 1);
  });
}

const only = (...ids: string[]) => SCENARIOS.filter((s) => ids.includes(s.id));

describe(`the coverage benchmark's checks on ${strategy.label}`, () => {
  beforeAll(async () => {
    for (const scenario of SCENARIOS) results.set(scenario.id, await runScenario(strategy, scenario));
  }, 120_000);

  afterAll(() => {
    if (strategy.id !== 'bridge') return;
    const complete = SCENARIOS.filter((s) => passed.get(s.id) === declared.get(s.id));
    recordCoverageRows(complete.map((s) => results.get(s.id) as RunResult));
  });

  check(
    'holds a valid JWT 100.000 %% of the awake signed-in time: %s',
    SCENARIOS.filter((s) => !s.recoveryImpossible),
    (id) => expect(percent(results.get(id)?.coverage ?? 0)).toBe('100.000'),
  );

  check('wakes up at most twice per refresh cycle in any tab: %s', SCENARIOS, (id) => {
    expect(results.get(id)?.wakeupsPerCycle).toBeLessThanOrEqual(2);
  });

  check('makes as many refresh calls with 5 tabs as with one (ratio 1.00)', only('tabs-5'), () => {
    const ratio =
      (results.get('tabs-5')?.refreshCalls ?? 0) / (results.get('visible')?.refreshCalls ?? 1);
    expect(ratio.toFixed(2)).toBe('1.00');
  });

  check(
    'refreshes at most 1.02 × 3600 / (lifetime − lead) times an hour: %s',
    SCENARIOS,
    (id) => {
      const lifetimeMs = JWT_LIFETIME_S * 1000;
      const cycleS = (lifetimeMs - leadTimeMs(lifetimeMs, DEFAULT_REFRESH_POLICY)) / 1000;
      expect(results.get(id)?.refreshCallsPerHour).toBeLessThanOrEqual((1.02 * 3600) / cycleS);
    },
  );

  check('shows exactly one prompt when the IdP session ended', only('idp-ended'), (id) => {
    expect(results.get(id)?.prompts).toBe(1);
  });
});
