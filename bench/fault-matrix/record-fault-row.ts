/*
 * The fault matrix's recorder (issue 12 §4), for jest and Playwright alike: a test that checked a
 * fault calls recordFaultRow() after its assertions passed, with what it measured. Rows are
 * written only when FAULT_MATRIX_DIR is set (`npm run bench -- faults` sets it), so ordinary test
 * runs write nothing. tools/bench/fault-matrix.mjs renders them into docs/benchmarks.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What a test measured while a fault was in force. */
export interface FaultObservation {
  /** The longest time the user held no valid Genesys JWT, seconds (sleep or bfcache excluded). */
  readonly longestGapS: number;
  /** Login pages shown plus Messenger re-authenticate states the user saw (≥ 1 s). */
  readonly prompts: number;
  /** Codes Genesys refused as reused plus login pages beyond the first: sign-ins that repeat. */
  readonly loops: number;
  /** Messages refused for a user who sends one a minute from sign-in (ticks inside the gaps). */
  readonly lostMessages: number;
  /** Full-page navigations away from the portal page, which drop what the user had typed. */
  readonly pageUnloads: number;
}

/** One observation of a row, with the test that made it. */
export interface FaultRowRecord {
  /** The row's id in bench/fault-matrix/faults.json. */
  readonly id: string;
  /** The spec file, relative to the workspace root. */
  readonly test: string;
  /** The test's full title. */
  readonly title: string;
  readonly observed: FaultObservation;
}

/** The directory rows go to, or undefined when this run records none. */
export function faultMatrixDir(): string | undefined {
  return process.env['FAULT_MATRIX_DIR'] || undefined;
}

/**
 * Adds an observation to the row `id` (`<FAULT_MATRIX_DIR>/<id>.json`). A test that runs once per
 * Messenger variant adds one per variant; the table shows the worst of them.
 * @param record the row's id, the test that checked it and what it measured
 */
export function recordFaultRow(record: FaultRowRecord): void {
  const dir = faultMatrixDir();
  if (!dir) return;
  if (!/^[a-z0-9-]+$/.test(record.id)) throw new Error(`recordFaultRow: bad row id "${record.id}"`);
  for (const [key, value] of Object.entries(record.observed)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(`recordFaultRow(${record.id}): observed.${key} is ${value}`);
    }
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${record.id}.json`);
  const earlier: FaultRowRecord[] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const test = relative(process.cwd(), record.test).split('\\').join('/');
  writeFileSync(file, `${JSON.stringify([...earlier, { ...record, test }], null, 1)}\n`);
}

/**
 * Sign-ins that repeat ({@link FaultObservation.loops}): codes Genesys refused as reused plus
 * login pages beyond the first.
 */
export function loopsOf(codesReused: number, loginPages: number): number {
  return codesReused + Math.max(0, loginPages - 1);
}

/** The number of minute ticks from `signedInAt` that fall inside one of `gaps` (ms intervals). */
export function messagesLostIn(
  gaps: readonly { readonly from: number; readonly to: number }[],
  signedInAt: number,
): number {
  let lost = 0;
  for (const gap of gaps) {
    const first = Math.ceil((gap.from - signedInAt) / 60_000);
    const last = Math.ceil((gap.to - signedInAt) / 60_000) - 1;
    lost += Math.max(0, last - first + 1);
  }
  return lost;
}
