// The public API of every entry point of the library, as api-extractor reports it from the
// bundled `.d.ts` files of the built package (`ng build ngx-genesys-messenger-auth` first).
// The reports are checked in under projects/ngx-genesys-messenger-auth/api/, so that a change to
// the public API shows up as a diff in review.
//
//   node tools/api-report.mjs            compares; fails with a diff when an API changed
//   node tools/api-report.mjs --update   rewrites the reports (then review and commit them)
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './setup.mjs';

const PACKAGE = 'ngx-genesys-messenger-auth';
export const DIST = join(ROOT, 'dist', PACKAGE);
const REPORTS = join(ROOT, 'projects', PACKAGE, 'api');
export const UPDATE_COMMAND = 'npm run api:report:update';

/**
 * The entry points of the built package, from its `exports`: import path, bundled `.d.ts` and the
 * name of its report (`ngx-genesys-messenger-auth-testing-angular.api.md` for `./testing/angular`).
 */
export function entryPoints() {
  const { exports } = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8'));
  return Object.entries(exports)
    .filter(([, target]) => typeof target === 'object' && target.types)
    .map(([subpath, target]) => {
      const sub = subpath.replace(/^\.\/?/, '');
      return {
        importPath: sub ? `${PACKAGE}/${sub}` : PACKAGE,
        dts: join(DIST, target.types),
        report: `${sub ? `${PACKAGE}-${sub.replaceAll('/', '-')}` : PACKAGE}.api.md`,
      };
    });
}

// The entry points import each other by package name. Each is analysed from a copy outside the
// package, which reaches the others through a link in a node_modules folder: a type of `/core` that
// the main entry uses shows up as an import from `/core` in its report, not as its own declaration.
const WORK = join(ROOT, 'dist', 'api-report');
const COPIES = join(WORK, 'entries');
const LINK = join(WORK, 'node_modules', PACKAGE);
const NEW_REPORTS = join(WORK, 'reports');

function prepareWorkFolder(entries) {
  rmSync(WORK, { recursive: true, force: true });
  for (const folder of [COPIES, NEW_REPORTS, dirname(LINK), REPORTS]) {
    mkdirSync(folder, { recursive: true });
  }
  symlinkSync(relative(dirname(LINK), DIST), LINK, 'dir');
  for (const { dts } of entries) copyFileSync(dts, join(COPIES, basename(dts)));
}

// Our doc comments use Angular's tags (`@usageNotes`) and link to symbols that are not exported;
// neither is an API change, so TSDoc's checks stay quiet. Release tags (@public, @beta) are not
// used: everything an entry point exports is public, `ɵ`-prefixed names excepted by convention.
const MESSAGES = {
  compilerMessageReporting: { default: { logLevel: 'error' } },
  extractorMessageReporting: {
    default: { logLevel: 'warning', addToApiReportFile: true },
    'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
    'ae-unresolved-link': { logLevel: 'none', addToApiReportFile: false },
    'ae-internal-missing-underscore': { logLevel: 'none', addToApiReportFile: false },
    // Undocumented members (mostly fields of plain data interfaces) are listed with the absolute
    // path and line of the built file, which would change the report on every unrelated edit.
    'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
  },
  tsdocMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
};

function configFor(entry) {
  return ExtractorConfig.prepare({
    configObjectFullPath: join(REPORTS, 'api-extractor.json'),
    packageJsonFullPath: join(DIST, 'package.json'),
    configObject: {
      projectFolder: ROOT,
      mainEntryPointFilePath: join(COPIES, basename(entry.dts)),
      bundledPackages: [],
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'es2022',
            module: 'es2022',
            moduleResolution: 'bundler',
            lib: ['es2022', 'dom'],
            strict: true,
            skipLibCheck: true,
            types: [],
            preserveSymlinks: true,
          },
          files: [join(COPIES, basename(entry.dts))],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: entry.report.replace(/\.api\.md$/, ''),
        reportFolder: REPORTS,
        reportTempFolder: NEW_REPORTS,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: 'lf',
      messages: MESSAGES,
    },
  });
}

/** Prints a unified diff of the checked-in report and the one just made. */
function printDiff(report) {
  const before = relative(ROOT, join(REPORTS, report));
  const after = relative(ROOT, join(NEW_REPORTS, report));
  spawnSync('git', ['diff', '--no-index', '--no-color', '--', before, after], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/**
 * Makes every report; with `update` rewrites the checked-in ones.
 * @returns {string[]} the problems found (an empty list: the reports match the package)
 */
export function apiReport({ update = false } = {}) {
  if (!existsSync(join(DIST, 'package.json'))) {
    return [`no built package in dist/${PACKAGE}; run \`npm run build\` first`];
  }
  const entries = entryPoints();
  const missing = entries.filter(({ dts }) => !existsSync(dts));
  if (missing.length) {
    return [`the package names types it lacks: ${missing.map((e) => e.dts).join(', ')}`];
  }
  prepareWorkFolder(entries);
  try {
    return [
      ...entries.flatMap((entry) => checkEntry(entry, update)),
      ...staleReports(entries, update),
    ];
  } finally {
    // The link would make dist/ look like a second copy of the package to other tools.
    rmSync(dirname(LINK), { recursive: true, force: true });
  }
}

/** Reports of entry points the package no longer has: removed by `--update`, a problem otherwise. */
function staleReports(entries, update) {
  const wanted = new Set(entries.map((entry) => entry.report));
  const stale = readdirSync(REPORTS).filter(
    (file) => file.endsWith('.api.md') && !wanted.has(file),
  );
  if (update) {
    for (const file of stale) {
      rmSync(join(REPORTS, file));
      console.log(`api-report: removed api/${file} (no such entry point)`);
    }
    return [];
  }
  return stale.map((file) => `api/${file} belongs to no entry point of the package`);
}

// Notices that the report itself makes plain (it changed, it was made, which compiler ran).
const QUIET = new Set([
  'console-api-report-not-copied',
  'console-api-report-created',
  'console-api-report-copied',
  'console-api-report-diff',
  'console-compiler-version-notice',
  'console-preamble',
]);

/** Makes one entry point's report; returns its problems. */
function checkEntry(entry, update) {
  const result = Extractor.invoke(configFor(entry), {
    localBuild: update,
    messageCallback: (message) => {
      if (QUIET.has(message.messageId)) message.handled = true;
    },
  });
  if (result.errorCount > 0) {
    return [`${entry.importPath}: api-extractor found ${result.errorCount} error(s) (above)`];
  }
  if (!result.apiReportChanged) return [];
  if (update) {
    console.log(`api-report: wrote api/${entry.report}`);
    return [];
  }
  if (!existsSync(join(REPORTS, entry.report))) {
    return [`${entry.importPath}: api/${entry.report} is missing`];
  }
  printDiff(entry.report);
  return [`${entry.importPath}: the public API differs from api/${entry.report} (diff above)`];
}

function main() {
  const update = process.argv.includes('--update');
  const problems = apiReport({ update });
  if (problems.length) {
    for (const problem of problems) console.error(`api-report: ${problem}`);
    if (!update) {
      console.error(
        `api-report: if the change is intended, run \`${UPDATE_COMMAND}\` and commit ` +
          `projects/${PACKAGE}/api/ with it`,
      );
    }
    process.exit(1);
  }
  console.log(
    update
      ? `api-report: the reports in projects/${PACKAGE}/api/ match the package`
      : `api-report: the public API of every entry point matches projects/${PACKAGE}/api/`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
