// `npm run bench -- faults`: the fault matrix of issue 12 §4. Runs exactly the tests that record
// its rows (bench/fault-matrix/faults.json names them), with FAULT_MATRIX_DIR set, then renders
// what they recorded. A row no test recorded (it failed, or did not run) shows as missing and
// makes the command fail.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The rows the matrix must have, in order. */
export function readCatalogue(root) {
  const file = path.join(root, 'bench/fault-matrix/faults.json');
  return JSON.parse(readFileSync(file, 'utf8')).rows;
}

/** The spec files that record rows: jest's and Playwright's (those under e2e/). */
export function specsOf(rows) {
  const all = [...new Set(rows.flatMap((row) => row.tests))];
  return {
    jest: all.filter((file) => !file.startsWith('e2e/')),
    playwright: all.filter((file) => file.startsWith('e2e/')),
  };
}

/** Runs the recording tests into `dir`; resolves with the commands that failed. */
export function runRecordingTests(root, dir, rows) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = { ...process.env, FAULT_MATRIX_DIR: dir };
  const { jest, playwright } = specsOf(rows);
  const commands = [];
  if (jest.length) commands.push(['npx', ['jest', '--ci', '--runTestsByPath', ...jest]]);
  if (playwright.length) commands.push(['npx', ['playwright', 'test', ...playwright]]);
  const failed = [];
  for (const [command, args] of commands) {
    console.log(`$ FAULT_MATRIX_DIR=${path.relative(root, dir)} ${command} ${args.join(' ')}`);
    const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
    if (result.status !== 0) failed.push(`${command} ${args[0]} exited with ${result.status}`);
  }
  return failed;
}

/** What the tests recorded: row id → observations. */
export function readRecords(dir) {
  const records = new Map();
  if (!existsSync(dir)) return records;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    records.set(name.slice(0, -'.json'.length), JSON.parse(readFileSync(path.join(dir, name))));
  }
  return records;
}

/** The worst of several observations of one row (one per Messenger variant, or per test). */
function worst(observations) {
  const keys = ['longestGapS', 'prompts', 'loops', 'lostMessages', 'pageUnloads'];
  return Object.fromEntries(keys.map((k) => [k, Math.max(...observations.map((o) => o[k]))]));
}

/** Every catalogue row with its observation, or `missing` with the tests that did not record. */
export function matrix(rows, records) {
  return rows.map((row) => {
    const recorded = records.get(row.id) ?? [];
    const missing = row.tests.filter((test) => !recorded.some((r) => r.test === test));
    const stray = recorded.filter((r) => !row.tests.includes(r.test)).map((r) => r.test);
    return {
      ...row,
      missing,
      stray: [...new Set(stray)],
      runs: recorded.length,
      observed: recorded.length && !missing.length ? worst(recorded.map((r) => r.observed)) : null,
    };
  });
}

const cell = (text) => String(text).replaceAll('|', '\\|');

function duration(seconds) {
  if (seconds < 60) return `${Number(seconds.toFixed(1))} s`;
  if (seconds < 3600) return `${Number((seconds / 60).toFixed(1))} min`;
  return `${Number((seconds / 3600).toFixed(1))} h`;
}

/** The section's Markdown: the table, then what each column means. */
export function matrixMarkdown(result) {
  const lines = [
    '| fault | expected | longest gap | prompts | loops | lost data | checked by |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of result) {
    const tests = row.tests.map((t) => `\`${t}\``).join(', ');
    if (!row.observed) {
      const why = `**missing**: no row from ${row.missing.map((t) => `\`${t}\``).join(', ')}`;
      lines.push(`| ${cell(row.fault)} | ${cell(row.expected)} | — | — | — | — | ${why} |`);
      continue;
    }
    const o = row.observed;
    const lost = `${o.lostMessages} messages, ${o.pageUnloads} page unloads`;
    const runs = row.runs > 1 ? ` (worst of ${row.runs} runs)` : '';
    lines.push(
      `| ${cell(row.fault)} | ${cell(row.expected)} | ${duration(o.longestGapS)} | ${o.prompts} | ${o.loops} | ${lost} | ${tests}${runs} |`,
    );
  }
  return lines.join('\n');
}
