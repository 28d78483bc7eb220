/**
 * A throwaway PostgreSQL cluster for the specs: Debian's server binaries (`initdb`, `pg_ctl`), a
 * data dir in the temp dir, a free loopback port, its socket in the data dir and `fsync=off`.
 * PostgreSQL refuses to run as root, so under root the binaries run as `nobody` (who owns the data
 * dir). Each spec file gets its own schema ({@link freshSchemaUrl}), not its own cluster.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// The module itself, not the index: the jest globalSetup needs no more of the dev IdP's helpers.
import { findFreePort } from '../../dev-idp/testing/process';

/** The superuser of the test cluster (trust authentication on loopback only). */
const SUPERUSER = 'postgres';

/** A running test cluster. */
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  readonly dataDir: string;
  /** Stops the cluster (immediate mode: nothing in it is kept) and removes its data dir; again: nothing. */
  stop(): void;
  /**
   * Stops the server as an administrator's restart or a failover does (fast mode: open connections
   * are ended with `57P01`), keeping the data dir: the database is gone until {@link restart}. Not
   * immediate mode: the cluster commits asynchronously, and a crash would lose the last commits.
   */
  halt(): void;
  /** Starts the server again on the same port and data dir: the database is back. */
  restart(): void;
}

/**
 * Where a PostgreSQL program is: on PATH, else in Debian's versioned folder.
 * @param name e.g. `initdb`
 * @returns the command to run, or undefined when PostgreSQL is not installed
 */
export function postgresProgram(name: string): string | undefined {
  const onPath = (process.env['PATH'] ?? '')
    .split(':')
    .map((dir) => join(dir, name))
    .find((file) => existsSync(file));
  if (onPath) return onPath;
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(debian, v, 'bin', name)).find((file) => existsSync(file));
}

/**
 * Starts a cluster.
 * @returns the cluster
 * @throws Error naming the missing package when the binaries are absent
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const [initdb, pgCtl] = [postgresProgram('initdb'), postgresProgram('pg_ctl')];
  if (!initdb || !pgCtl) {
    throw new Error(
      'PostgreSQL tests need initdb and pg_ctl: run `npm test` (its setup installs ' +
        "Debian's postgresql) or apt-get install postgresql",
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'profile-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dataDir, 65534, 65534);
  const run = (command: string, args: string[]) => {
    const [file, ...rest] = asRoot
      ? ['runuser', '-u', 'nobody', '--', command, ...args]
      : [command, ...args];
    const result = spawnSync(file as string, rest, { encoding: 'utf8', cwd: tmpdir() });
    if (result.status !== 0) {
      throw new Error(
        `${command} ${args[0]} failed: ${result.stderr || result.stdout || result.error}`,
      );
    }
  };
  const cluster = join(dataDir, 'cluster');
  run(initdb, ['-D', cluster, '-U', SUPERUSER, '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const port = await findFreePort();
  const settings = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${dataDir}'`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const start = () =>
    run(pgCtl, ['start', '-w', '-D', cluster, '-l', join(dataDir, 'server.log'), '-o', settings]);
  const stop = (mode: 'fast' | 'immediate') =>
    run(pgCtl, ['stop', '-w', '-m', mode, '-D', cluster]);
  let running = true;
  start();
  return {
    url: `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop: () => {
      if (!existsSync(dataDir)) return; // Stopped already.
      if (running) stop('immediate');
      running = false;
      rmSync(dataDir, { recursive: true, force: true });
    },
    halt: () => {
      stop('fast');
      running = false;
    },
    restart: () => {
      start();
      running = true;
    },
  };
}

/**
 * Creates an empty schema and returns a URL whose connections use it (`search_path`), so every
 * test server starts on an empty database without the cost of CREATE DATABASE.
 * @param clusterUrl the cluster's URL
 * @returns the URL and a function dropping the schema
 */
export async function freshSchemaUrl(
  clusterUrl: string,
): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(clusterUrl, `CREATE SCHEMA ${schema}`);
  const url = `${clusterUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return { url, drop: () => adminQuery(clusterUrl, `DROP SCHEMA ${schema} CASCADE`) };
}

/** Runs one statement on its own connection. */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
