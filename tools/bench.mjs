// `npm run bench [-- coverage|faults|bundle|profile-server|browser|admin ...] [--minutes N]`:
// runs benchmarks (all when none is named; --minutes sets the browser benchmark's length), keeps
// each one's results as JSON in dist/bench/, and regenerates its section of docs/benchmarks.md
// (and its charts) from that JSON — no number in those sections is typed by hand.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { browserBenchmark, takeMinutes } from './bench/browser-bench.mjs';
import { coverageMarkdown, coverageSvg, gapsSvg } from './bench/coverage-report.mjs';
import { machineFacts, machineLine, writeSection } from './bench/doc-sections.mjs';
import {
  matrix,
  matrixMarkdown,
  readCatalogue,
  readRecords,
  runRecordingTests,
} from './bench/fault-matrix.mjs';
import { ensureChromium, ensureDependencies, ensurePostgres, ROOT } from './setup.mjs';

const DOC = path.join(ROOT, 'docs/benchmarks.md');
const OUT = path.join(ROOT, 'dist/bench');

/** Runs a command, echoing its output; resolves with its stdout, rejects when it fails. */
function run(command, args, env = {}) {
  console.log(`$ ${command} ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

function saveJson(name, data) {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
  return file;
}

/** The printed results of a script: its output from the first line starting with `marker`. */
function resultsFrom(stdout, marker) {
  const at = stdout.startsWith(marker) ? 0 : stdout.indexOf(`\n${marker}`) + 1;
  if (at <= 0 && !stdout.startsWith(marker)) {
    throw new Error(`the benchmark printed no line starting with "${marker}"`);
  }
  return stdout.slice(at).trimEnd();
}

/** A benchmark that prints its results: the section is the command and what it printed. */
function printedBenchmark(name, title, script, marker) {
  return async () => {
    const command = `npm run bench -- ${name}`;
    const stdout = await run(process.execPath, [script]);
    const data = {
      command,
      script,
      output: resultsFrom(stdout, marker),
      machine: machineFacts(ROOT),
    };
    saveJson(name, data);
    writeSection(
      DOC,
      name,
      title,
      [
        '```bash',
        `${command}        # = node ${script}`,
        '```',
        '',
        machineLine(data.machine),
        '',
        '```text',
        data.output,
        '```',
      ].join('\n'),
    );
  };
}

async function coverage() {
  const json = path.join(OUT, 'coverage.json');
  await run('npx', ['jest', '--selectProjects', 'bench', '--ci'], {
    BENCH_RUN: '1',
    BENCH_OUT: json,
  });
  const data = JSON.parse(readFileSync(json, 'utf8'));
  data.machine = machineFacts(ROOT);
  saveJson('coverage', data);
  mkdirSync(path.join(ROOT, 'docs/benchmarks'), { recursive: true });
  writeFileSync(path.join(ROOT, 'docs/benchmarks/coverage.svg'), coverageSvg(data));
  writeFileSync(path.join(ROOT, 'docs/benchmarks/coverage-gaps.svg'), gapsSvg(data));
  const body = [
    '```bash',
    'npm run bench -- coverage     # jest project "bench" with BENCH_RUN=1: bench/coverage/*.bench.ts',
    '```',
    '',
    machineLine(data.machine),
    '',
    coverageMarkdown(data),
  ].join('\n');
  writeSection(DOC, 'coverage', 'Refresh coverage, one run, side by side', body);
  console.log(
    `coverage: ${data.runs.length} runs in ${data.wallTimeS} s; docs/benchmarks.md updated`,
  );
}

async function faults() {
  const dir = path.join(OUT, 'fault-matrix');
  const rows = readCatalogue(ROOT);
  const failed = runRecordingTests(ROOT, dir, rows);
  const result = matrix(rows, readRecords(dir));
  const data = { rows: result, failed, machine: machineFacts(ROOT) };
  saveJson('faults', data);
  const body = [
    '```bash',
    'npm run bench -- faults     # FAULT_MATRIX_DIR=dist/bench/fault-matrix: the tests below record their rows',
    '```',
    '',
    machineLine(data.machine),
    '',
    matrixMarkdown(result),
  ].join('\n');
  writeSection(DOC, 'faults', 'Fault matrix', body);
  const missing = result.filter((row) => !row.observed).map((row) => row.id);
  const stray = result.flatMap((row) => row.stray.map((test) => `${row.id} from ${test}`));
  if (failed.length || missing.length || stray.length) {
    throw new Error(
      [
        ...failed,
        missing.length && `rows missing: ${missing.join(', ')}`,
        stray.length && `rows recorded by tests faults.json does not name: ${stray.join(', ')}`,
      ]
        .filter(Boolean)
        .join('; '),
    );
  }
  console.log(`faults: ${result.length} rows; docs/benchmarks.md updated`);
}

const asked = process.argv.slice(2);
const browser = browserBenchmark({
  minutes: takeMinutes(asked),
  run,
  saveJson,
  out: OUT,
  doc: DOC,
});

const BENCHMARKS = {
  coverage,
  faults,
  bundle: printedBenchmark(
    'bundle',
    'Bundle cost of the bridge in the demo portal',
    'tools/bench-bundle-cost.mjs',
    'Initial JavaScript of the demo portal',
  ),
  'profile-server': printedBenchmark(
    'profile-server',
    'Profile server: the portal document',
    'tools/bench-profile-server.mjs',
    'profile server, portal document',
  ),
  browser,
  admin: printedBenchmark(
    'admin',
    'Admin app: initial bundle and first render',
    'tools/bench-admin.mjs',
    'admin app, production build',
  ),
};

const unknown = asked.filter((name) => !(name in BENCHMARKS));
if (unknown.length) {
  console.error(
    `bench: unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`,
  );
  process.exit(2);
}
const chosen = asked.length ? asked : Object.keys(BENCHMARKS);
// As `npm test` does, on a fresh clone too: npm dependencies, Chromium for the benchmarks that
// drive a browser, PostgreSQL for the profile server's second engine.
ensureDependencies();
if (chosen.some((name) => ['faults', 'browser', 'admin'].includes(name))) ensureChromium();
if (chosen.includes('profile-server')) ensurePostgres();
for (const name of chosen) {
  console.log(`\n== bench ${name}`);
  await BENCHMARKS[name]();
}
