/**
 * A store on a fresh, empty database for specs, on the engine of the jest project: a SQLite file
 * in a temp dir, or (`PROFILE_DB_ENGINE=postgres`) a fresh schema of the test cluster.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openStore } from '../src/open-store';
import type { ProfileStore } from '../src/profile-store';
import type { SqlValue, StoreEngine } from '../src/sql-engine';
import { SqliteEngine } from '../src/sqlite-engine';
import { freshSchemaUrl } from './postgres';

/** The engine this jest project's stores run on (`PROFILE_DB_ENGINE`, SQLite by default). */
export const TEST_ENGINE: StoreEngine['kind'] =
  process.env['PROFILE_DB_ENGINE'] === 'postgres' ? 'postgres' : 'sqlite';

/** An open store on its own database. */
export interface TestStore {
  readonly store: ProfileStore;
  readonly engine: StoreEngine;
  /** `--db`: the SQLite file, or the PostgreSQL URL of the store's own schema. */
  readonly db: string;
  /** Runs a statement behind the store's back (`?` placeholders); resolves to the rows changed. */
  sql(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Everything the database holds, as text (the SQLite file; PostgreSQL's rows). */
  storedText(): Promise<string>;
  /** Closes the store and removes its database. */
  close(): Promise<void>;
}

/** Options of {@link openTestStore}. */
export interface TestStoreOptions {
  /** The clock (default the real one). */
  readonly now?: () => Date;
  /**
   * The PostgreSQL cluster to make the store's fresh schema in (a superuser URL), on this engine
   * whatever the jest project's; default the jest globalSetup's test cluster (PostgreSQL project)
   * or a SQLite file.
   */
  readonly postgresClusterUrl?: string;
}

/**
 * Opens a store on a new database.
 * @param options the clock and the PostgreSQL cluster
 * @returns the store
 */
export async function openTestStore(options: TestStoreOptions = {}): Promise<TestStore> {
  const { now, postgresClusterUrl } = options;
  const dir = mkdtempSync(join(tmpdir(), 'profile-store-'));
  const cluster = postgresClusterUrl ?? (TEST_ENGINE === 'postgres' ? clusterUrl() : undefined);
  const schema = cluster === undefined ? undefined : await freshSchemaUrl(cluster);
  const db = schema?.url ?? join(dir, 'profiles.sqlite');
  const { store, engine } = await openStore(db, now ? { now } : {});
  return {
    store,
    engine,
    db,
    sql: (sql, params) => engine.transaction((session) => session.run(sql, params)),
    storedText: () => storedText(engine, db),
    close: async () => {
      await engine.close();
      await schema?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The test cluster's URL, from the jest globalSetup. */
export function clusterUrl(): string {
  const url = process.env['PROFILE_PG_URL'];
  if (!url) throw new Error('PROFILE_DB_ENGINE=postgres needs the jest globalSetup that starts it');
  return url;
}

async function storedText(engine: StoreEngine, db: string): Promise<string> {
  if (engine instanceof SqliteEngine) {
    engine.db.pragma('wal_checkpoint(TRUNCATE)');
    return readFileSync(db, 'latin1');
  }
  const tables = ['profiles', 'versions', 'audit', 'schema_migrations'];
  const rows = await engine.read(async (session) => {
    const all: unknown[] = [];
    for (const table of tables) all.push(await session.all(`SELECT * FROM ${table}`));
    return all;
  });
  return JSON.stringify(rows);
}
