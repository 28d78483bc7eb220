// Checks the library's package as npm would publish it, after `npm run build` (the library and
// its schematics in dist/ngx-genesys-messenger-auth):
//   1. `npm pack` into dist/package/, printing the tarball's size and file count;
//   2. publint on the tarball, strict: errors and warnings fail, suggestions are printed;
//   3. @arethetypeswrong/cli on the tarball: do the types resolve as the code does;
//   4. the library README's table of entry points against the package's `exports`;
//   5. the API reports of every entry point (tools/api-report.mjs).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { apiReport, DIST, entryPoints, UPDATE_COMMAND } from './api-report.mjs';
import { ROOT } from './setup.mjs';

const PACKAGE_FOLDER = join(ROOT, 'dist', 'package');

/**
 * publint warnings we accept, by code, each with the reason. Empty: none is accepted today.
 * @type {Record<string, string>}
 */
const ACCEPTED_PUBLINT_WARNINGS = {};

/** Packs dist/ngx-genesys-messenger-auth; returns the tarball's path. */
function pack() {
  rmSync(PACKAGE_FOLDER, { recursive: true, force: true });
  mkdirSync(PACKAGE_FOLDER, { recursive: true });
  const result = spawnSync(
    'npm',
    ['pack', DIST, '--pack-destination', PACKAGE_FOLDER, '--json', '--ignore-scripts'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
  const [tarball] = JSON.parse(result.stdout);
  const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
  console.log(
    `package: ${tarball.name}@${tarball.version}: ${tarball.entryCount} files, ` +
      `${kB(tarball.size)} packed, ${kB(tarball.unpackedSize)} unpacked ` +
      `(${relative(ROOT, join(PACKAGE_FOLDER, tarball.filename))})`,
  );
  return join(PACKAGE_FOLDER, tarball.filename);
}

/** Runs publint on the tarball; returns the problems. */
async function lint(tarballPath) {
  const bytes = readFileSync(tarballPath);
  const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball }, strict: true, level: 'suggestion' });
  const problems = [];
  for (const message of messages) {
    const text = `publint ${message.type} ${message.code}: ${formatMessage(message, pkg, { color: false })}`;
    if (message.type === 'suggestion') console.log(`package: ${text}`);
    else if (message.type === 'warning' && ACCEPTED_PUBLINT_WARNINGS[message.code]) {
      console.log(`package: ${text} (accepted: ${ACCEPTED_PUBLINT_WARNINGS[message.code]})`);
    } else problems.push(text);
  }
  if (problems.length === 0) console.log('package: publint (strict) found no problem');
  return problems;
}

/**
 * The resolutions attw's `esm-only` profile leaves out. An Angular Package Format library ships ES
 * modules only (`"type": "module"`, fesm2022), as Angular itself does, so two resolutions cannot
 * apply: `node16` from CommonJS (a `require` of ESM) and `node10` (it knows no `exports`, and the
 * nested package.json files APF writes for it stay out of the tarball by APF's own .npmignore).
 * Every other resolution (bundler, node16 from ESM) must find matching types for every entry point.
 */
const IGNORED_RESOLUTIONS = ['node10', 'node16-cjs'];

/** Runs arethetypeswrong on the tarball; returns the problems. */
function typesResolve(tarballPath) {
  const attw = join(ROOT, 'node_modules', '.bin', 'attw');
  const args = [tarballPath, '--profile', 'esm-only'];
  // Into a file: attw exits before a pipe takes its whole JSON.
  const json = join(PACKAGE_FOLDER, 'attw.json');
  const out = openSync(json, 'w');
  spawnSync(attw, [...args, '--format', 'json'], { cwd: ROOT, stdio: ['ignore', out, 'inherit'] });
  closeSync(out);
  const { analysis } = JSON.parse(readFileSync(json, 'utf8'));
  if (!analysis.types) return ['arethetypeswrong found no types in the package'];
  // attw's own exit code also counts an import inside our types that fails under node10 (it files
  // that under `resolutionOption`, which the profile does not filter): judge by the list instead.
  const problems = analysis.problems
    .filter((p) => !IGNORED_RESOLUTIONS.includes(p.resolutionKind ?? p.resolutionOption))
    .map(
      (p) =>
        `arethetypeswrong ${p.kind}: ${p.entrypoint ?? p.fileName} (${p.resolutionKind ?? p.resolutionOption})`,
    );
  if (problems.length === 0) {
    console.log('package: arethetypeswrong (esm-only) found no problem');
  } else {
    spawnSync(attw, [...args, '--format', 'ascii'], { cwd: ROOT, stdio: 'inherit' });
  }
  return problems;
}

/** The library README's table of entry points lists exactly the package's entry points. */
function readmeListsEntryPoints() {
  const readme = readFileSync(
    join(ROOT, 'projects', 'ngx-genesys-messenger-auth', 'README.md'),
    'utf8',
  );
  const listed = new Set(
    [...readme.matchAll(/^\| `(ngx-genesys-messenger-auth(?:\/[a-z/-]+)?)` \|/gm)].map((m) => m[1]),
  );
  const shipped = entryPoints().map((entry) => entry.importPath);
  const problems = [
    ...shipped
      .filter((path) => !listed.has(path))
      .map((path) => `README: no table row for ${path}`),
    ...[...listed]
      .filter((path) => !shipped.includes(path))
      .map((path) => `README: a table row for ${path}, which the package does not have`),
  ];
  if (problems.length === 0) console.log('package: the README lists every entry point');
  return problems;
}

async function main() {
  if (!existsSync(join(DIST, 'package.json'))) {
    console.error(
      'package: no built package in dist/ngx-genesys-messenger-auth; run `npm run build`',
    );
    process.exit(1);
  }
  const tarball = pack();
  const problems = [
    ...(await lint(tarball)),
    ...typesResolve(tarball),
    ...readmeListsEntryPoints(),
  ];
  const apiProblems = apiReport();
  problems.push(...apiProblems.map((problem) => `api-report: ${problem}`));
  if (apiProblems.length === 0) console.log('package: the API reports match every entry point');
  if (problems.length) {
    for (const problem of problems) console.error(`package: ${problem}`);
    if (apiProblems.length) {
      console.error(
        `package: if the API change is intended, run \`${UPDATE_COMMAND}\` and commit it`,
      );
    }
    process.exit(1);
  }
  console.log('package: ok');
}

await main();
