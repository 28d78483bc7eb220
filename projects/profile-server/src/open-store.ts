/**
 * Opens the store `--db` names: a PostgreSQL database for `postgres://…` / `postgresql://…`, a
 * SQLite file (or `:memory:`) for anything else.
 */
import { openDatabase } from './database';
import { openPostgres } from './postgres/postgres-database';
import { isPostgresUrl } from './postgres/postgres-url';
import { ProfileStore } from './profile-store';
import type { StoreEngine } from './sql-engine';
import { SqliteEngine } from './sqlite-engine';

/** An open store and the migrations this opening applied. */
export interface OpenedStore {
  readonly store: ProfileStore;
  readonly engine: StoreEngine;
  readonly applied: readonly number[];
}

/**
 * Opens and migrates the database.
 * @param db `--db`: a PostgreSQL URL, a SQLite path or `:memory:`
 * @param options the clock and the logger of broken idle PostgreSQL connections
 * @returns the store
 * @throws DatabaseError when the database cannot be used
 */
export async function openStore(
  db: string,
  options: { readonly now?: () => Date; readonly log?: (line: string) => void } = {},
): Promise<OpenedStore> {
  if (isPostgresUrl(db)) {
    const log = options.log ?? (() => undefined);
    const onIdleError = (message: string) => log(`PostgreSQL connection lost: ${message}`);
    const { engine, applied } = await openPostgres(db, { onIdleError });
    return { store: new ProfileStore(engine, options.now), engine, applied };
  }
  const opened = openDatabase(db);
  const engine = new SqliteEngine(opened.db);
  return { store: new ProfileStore(engine, options.now), engine, applied: opened.applied };
}
