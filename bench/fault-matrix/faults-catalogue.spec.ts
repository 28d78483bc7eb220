/*
 * The fault matrix's catalogue (faults.json) names, for every row, the spec files that record it;
 * `npm run bench -- faults` runs exactly those files. A file that moved or a row id that no spec
 * records any more would only show there, as a missing row: these checks catch it in `npm test`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS } from '../coverage/scenarios';

interface CatalogueRow {
  readonly id: string;
  readonly tests: readonly string[];
}

const ROOT = join(__dirname, '../..');
const ROWS = (
  JSON.parse(readFileSync(join(__dirname, 'faults.json'), 'utf8')) as { rows: CatalogueRow[] }
).rows;
/** The coverage spec records one row per scenario, `coverage-<scenario>` (coverage-rows.ts). */
const COVERAGE_SPEC = 'bench/coverage/coverage.spec.ts';

describe('the fault matrix catalogue (bench/fault-matrix/faults.json)', () => {
  it('has rows with unique ids, each naming at least one spec file', () => {
    expect(new Set(ROWS.map((row) => row.id)).size).toBe(ROWS.length);
    expect(ROWS.filter((row) => row.tests.length === 0).map((row) => row.id)).toEqual([]);
  });

  it('names spec files that exist', () => {
    const missing = ROWS.flatMap((row) =>
      row.tests.filter((test) => !existsSync(join(ROOT, test))).map((test) => `${row.id}: ${test}`),
    );
    expect(missing).toEqual([]);
  });

  it('names, for every row, a spec that records that id', () => {
    const scenarios = new Set(SCENARIOS.map((scenario) => `coverage-${scenario.id}`));
    const unrecorded = ROWS.filter(
      (row) =>
        !row.tests.some((test) =>
          test === COVERAGE_SPEC
            ? scenarios.has(row.id)
            : existsSync(join(ROOT, test)) &&
              readFileSync(join(ROOT, test), 'utf8').includes(`record('${row.id}'`),
        ),
    ).map((row) => row.id);
    expect(unrecorded).toEqual([]);
  });
});
