/**
 * Opens a PostgreSQL database for the profile server: connects (a clear one-line error when it
 * cannot), then applies the ordered migrations under an advisory lock, so several servers started
 * together apply each migration once.
 */
import type pg from 'pg';

import {
  checkOrder,
  DatabaseError,
  pendingMigrations,
  SELECT_APPLIED_MIGRATIONS,
} from '../database';
import type { Migration } from '../migrations';
import { PG_MIGRATIONS } from './migrations';
import { createPool, PostgresEngine } from './postgres-engine';
import { redactPostgresUrl } from './postgres-url';

/** The advisory lock key migrations run under (any constant; "ngma" in ASCII). */
const MIGRATION_LOCK = 0x6e676d61;

/** An open PostgreSQL engine and the migrations this opening applied. */
export interface OpenedPostgres {
  readonly engine: PostgresEngine;
  /** Versions of the migrations applied now (empty when the schema was already current). */
  readonly applied: readonly number[];
}

/** Options of {@link openPostgres}. */
export interface PostgresOptions {
  /** The migrations to apply (the server's own by default). */
  readonly migrations?: readonly Migration[];
  /** Reports a pooled connection that broke while idle. */
  readonly onIdleError?: (message: string) => void;
}

/**
 * Connects and migrates.
 * @param url `postgres://user[:password]@host:port/database`
 * @param options migrations and the idle-error logger
 * @returns the engine and what was applied
 * @throws DatabaseError when the database cannot be reached or was written by a newer server
 */
export async function openPostgres(
  url: string,
  options: PostgresOptions = {},
): Promise<OpenedPostgres> {
  const shown = redactPostgresUrl(url);
  const migrations = options.migrations ?? PG_MIGRATIONS;
  checkOrder(migrations); // before connecting
  const pool = createPool(url, options.onIdleError ?? (() => undefined));
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseError(
      'cannot-open',
      `cannot connect to ${shown}: ${(error as Error).message}; is PostgreSQL running there?`,
    );
  }
  try {
    const applied = await migrate(client, migrations, shown);
    client.release();
    return { engine: new PostgresEngine(pool), applied };
  } catch (error) {
    client.release(true);
    await pool.end().catch(() => undefined);
    throw error;
  }
}

async function migrate(
  client: pg.PoolClient,
  migrations: readonly Migration[],
  shown: string,
): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const latest = (await appliedPostgresMigrations(client)).at(-1) ?? 0;
    const applied: number[] = [];
    for (const migration of pendingMigrations(migrations, latest, shown)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
          [migration.version, migration.name, new Date().toISOString()],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/**
 * The versions of the migrations a database has seen.
 * @param client a connection (or the pool)
 * @returns the versions, ascending
 */
export async function appliedPostgresMigrations(
  client: Pick<pg.PoolClient, 'query'>,
): Promise<number[]> {
  const { rows } = await client.query<{ version: number }>(SELECT_APPLIED_MIGRATIONS);
  return rows.map((row) => row.version);
}
