/*
 * The full coverage benchmark: every strategy through every scenario, written as JSON for
 * tools/bench.mjs to render (`npm run bench -- coverage` sets BENCH_RUN and BENCH_OUT).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { runScenario, SEED, START, type RunResult } from './run-coverage';
import { RUN_MS, SCENARIOS } from './scenarios';
import { STRATEGIES } from './strategies';
import { JWT_LIFETIME_S, NETWORK_ONE_WAY_MS, BENCH_RATE_LIMITS } from './bench-world';

/** Only these scenarios keep their gaps (for the timeline chart). */
const GAPS_KEPT = new Set(['visible', 'hidden']);

it('runs every strategy through every scenario', async () => {
  const out = process.env['BENCH_OUT'];
  if (!out) throw new Error('BENCH_OUT: where to write the results is not set');
  const started = performance.now();
  const runs: RunResult[] = [];
  for (const strategy of STRATEGIES) {
    for (const scenario of SCENARIOS) {
      const result = await runScenario(strategy, scenario);
      runs.push(GAPS_KEPT.has(scenario.id) ? result : { ...result, gaps: [] });
    }
  }
  const document = {
    seed: SEED,
    start: new Date(START).toISOString(),
    runHours: RUN_MS / 3_600_000,
    jwtLifetimeS: JWT_LIFETIME_S,
    networkOneWayMs: NETWORK_ONE_WAY_MS,
    rateLimitsPerMinute: BENCH_RATE_LIMITS,
    strategies: STRATEGIES.map(({ id, label, source }) => ({ id, label, source })),
    scenarios: SCENARIOS.map(({ id, label, tabs, clockSkewMs, recoveryImpossible }) => ({
      id,
      label,
      tabs,
      clockSkewMs,
      recoveryImpossible: recoveryImpossible ?? null,
    })),
    runs,
    wallTimeS: Math.round((performance.now() - started) / 100) / 10,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 1)}\n`);
}, 600_000);
