/*
 * The fault matrix's rows of the coverage scenarios: the bridge's runs of the coverage benchmark,
 * recorded by its checks (bench/coverage/coverage.spec.ts) once every check of a scenario passed.
 */
import type { RunResult } from '../coverage/run-coverage';
import { loopsOf, messagesLostIn, recordFaultRow } from './record-fault-row';

/** Records one row per run, `coverage-<scenario>`, for the running spec file. */
export function recordCoverageRows(runs: readonly RunResult[]): void {
  const { testPath } = expect.getState();
  for (const run of runs) {
    // The run's gaps are seconds after sign-in, sleep left out.
    const gaps = run.gaps.map(([from, to]) => ({ from: from * 1000, to: to * 1000 }));
    recordFaultRow({
      id: `coverage-${run.scenario}`,
      test: testPath ?? 'unknown',
      title: "the coverage benchmark's checks on the bridge",
      observed: {
        longestGapS: run.longestGapS,
        prompts: run.prompts,
        loops: loopsOf(run.codesReused, run.loginPages),
        lostMessages: messagesLostIn(gaps, 0),
        pageUnloads: run.loginPages,
      },
    });
  }
}
