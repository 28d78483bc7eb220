// `npm run bench -- browser [--minutes N]`: the bridged portal and the baseline page side by side
// in Chromium (bench/browser/), then dist/bench/browser.json, docs/benchmarks/browser.svg and the
// doc's bench:browser section, beside the deterministic run's matching rows.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../setup.mjs';
import { browserMarkdown, browserSvg, deterministicRows } from './browser-report.mjs';
import { machineFacts, machineLine, writeSection } from './doc-sections.mjs';

/** The access-token lifetime of the run, seconds (issue 12: "the dev IdP with 60 s tokens"). */
const TOKEN_LIFETIME_S = 60;
const DEFAULT_MINUTES = 3;

/**
 * The `--minutes N` (or `--minutes=N`) of the command line, removed from `args`; exits on junk.
 * At least 2: the baseline's JWT must run out inside the window for the run's check.
 */
export function takeMinutes(args) {
  const at = args.findIndex((arg) => arg === '--minutes' || arg.startsWith('--minutes='));
  if (at < 0) return DEFAULT_MINUTES;
  const [flag] = args.splice(at, 1);
  const text = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : args.splice(at, 1)[0];
  const minutes = Number(text);
  if (!Number.isInteger(minutes) || minutes < 2 || minutes > 120) {
    console.error(`bench: --minutes must be a whole number from 2 to 120, got "${text ?? ''}"`);
    process.exit(2);
  }
  return minutes;
}

/**
 * The browser benchmark, for tools/bench.mjs.
 * @param {{ minutes: number, run: Function, saveJson: Function, out: string, doc: string }} options
 */
export function browserBenchmark({ minutes, run, saveJson, out, doc }) {
  return async () => {
    const raw = path.join(out, 'browser-run.json');
    await run('npx', ['playwright', 'test', '-c', 'bench/browser/playwright.bench.config.ts'], {
      BENCH_BROWSER_MINUTES: String(minutes),
      BENCH_BROWSER_TOKEN_S: String(TOKEN_LIFETIME_S),
      BENCH_BROWSER_OUT: raw,
    });
    const coverageJson = path.join(out, 'coverage.json');
    const coverage = existsSync(coverageJson)
      ? JSON.parse(readFileSync(coverageJson, 'utf8'))
      : null;
    const data = {
      command: `npm run bench -- browser --minutes ${minutes}`,
      ...JSON.parse(readFileSync(raw, 'utf8')),
      deterministic: deterministicRows(coverage),
      machine: machineFacts(ROOT),
    };
    saveJson('browser', data);
    mkdirSync(path.join(ROOT, 'docs/benchmarks'), { recursive: true });
    writeFileSync(path.join(ROOT, 'docs/benchmarks/browser.svg'), browserSvg(data));
    const body = [
      '```bash',
      `${data.command}   # = playwright test -c bench/browser/playwright.bench.config.ts`,
      '```',
      '',
      machineLine(data.machine),
      '',
      browserMarkdown(data),
    ].join('\n');
    writeSection(doc, 'browser', 'The same in the browser: two users side by side', body);
    for (const r of data.results) {
      console.log(
        `browser: ${r.page}: valid JWT ${(r.coverage * 100).toFixed(2)} %, ` +
          `${r.refreshes} refreshes, ${r.prompts} prompts`,
      );
    }
  };
}
