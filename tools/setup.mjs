// Installs what the workspace needs and is missing: npm dependencies (npm ci, when the lockfile
// changed since the last install) and, for `npm test` only, Debian's chromium (browser tests) and
// postgresql (the profile server's specs on its second storage engine; never needed to run it).
// Uses nothing but Node's standard library: it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = '/usr/bin/chromium';

const STAMP = join(ROOT, 'node_modules', '.install-stamp');

/** Runs a command in the workspace root, inheriting stdio; throws when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

function lockfileHash() {
  return createHash('sha256')
    .update(readFileSync(join(ROOT, 'package-lock.json')))
    .digest('hex');
}

/** Runs `npm ci` unless node_modules was installed from the current lockfile. */
export function ensureDependencies() {
  const wanted = lockfileHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === wanted) return;
  console.log('setup: installing npm dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  writeFileSync(STAMP, `${wanted}\n`);
}

/** Installs a Debian package with apt-get (as root, or through passwordless sudo). */
function aptInstall(pkg, needed) {
  console.log(`setup: installing Debian ${pkg} (apt-get)…`);
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) => {
    const [command, ...rest] = [...sudo, 'apt-get', ...args];
    run(command, rest, { env });
  };
  try {
    apt('update', '-qq');
    apt('install', '-y', '-qq', pkg);
  } catch (error) {
    throw new Error(
      `could not install ${pkg} with apt-get (${error.message}); install the Debian package ` +
        `"${pkg}" so that ${needed} exists, then run again`,
    );
  }
}

/** Installs Debian's chromium with apt-get when /usr/bin/chromium is absent. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  aptInstall('chromium', CHROMIUM);
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get finished but ${CHROMIUM} is still missing`);
}

/** Whether PostgreSQL's server programs are on PATH or in Debian's versioned folder. */
export function hasPostgres() {
  const onPath = (process.env.PATH ?? '')
    .split(':')
    .some((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  const debian = '/usr/lib/postgresql';
  return (
    onPath ||
    (existsSync(debian) &&
      readdirSync(debian).some((version) => existsSync(join(debian, version, 'bin', 'initdb'))))
  );
}

/**
 * Installs Debian's postgresql when `initdb`/`pg_ctl` are missing: the profile server's specs
 * start a throwaway cluster with them. `npm start` never needs it (it runs on SQLite).
 */
export function ensurePostgres() {
  if (hasPostgres()) return;
  aptInstall('postgresql', 'initdb');
  if (!hasPostgres()) throw new Error('apt-get finished but initdb and pg_ctl are still missing');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureDependencies();
    if (process.argv.includes('--browsers')) ensureChromium();
    if (process.argv.includes('--postgres')) ensurePostgres();
  } catch (error) {
    console.error(`setup: ${error.message}`);
    process.exit(1);
  }
}
