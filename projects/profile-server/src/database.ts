/**
 * Opens the SQLite database (better-sqlite3): WAL journal, foreign keys on, a busy timeout for a
 * second process on the same file, and the schema brought up to date by the ordered migrations.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import { MIGRATIONS, type Migration } from './migrations';

/** A better-sqlite3 connection. */
export type Db = Database.Database;

/** In-memory database: no file, no WAL (tests and `--db :memory:`). */
export const IN_MEMORY = ':memory:';

/** How long a write waits for another connection's lock before SQLITE_BUSY, in ms. */
const BUSY_TIMEOUT_MS = 5000;

/** Codes of {@link DatabaseError}. */
export type DatabaseErrorCode = 'cannot-open' | 'newer-schema' | 'bad-migrations';

/** The database cannot be used; the message is one line saying what to do. */
export class DatabaseError extends Error {
  override readonly name = 'DatabaseError';

  /**
   * @param code the rule that was broken
   * @param message one line naming the file and what to do
   */
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** An open database and the migrations this opening applied. */
export interface OpenedDatabase {
  readonly db: Db;
  /** Versions of the migrations applied now (empty when the schema was already current). */
  readonly applied: readonly number[];
}

/**
 * Opens (creating the file and its folder if needed) and migrates the database.
 * @param path the SQLite file, or `:memory:`
 * @param migrations the migrations to apply (the server's own by default)
 * @returns the connection and what was applied
 * @throws DatabaseError when the file cannot be opened or was written by a newer server
 */
export function openDatabase(
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): OpenedDatabase {
  let db: Db;
  try {
    if (path !== IN_MEMORY) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (path !== IN_MEMORY) db.pragma('journal_mode = WAL');
    // With WAL, NORMAL is durable across application crashes and much faster than FULL.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    throw new DatabaseError('cannot-open', `cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    return { db, applied: migrate(db, migrations) };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Applies the migrations the database has not seen yet, each in its own immediate transaction
 * (so two processes starting together do not both apply one).
 * @param db the connection
 * @param migrations every migration, oldest first
 * @returns the versions applied now
 * @throws DatabaseError when the database knows a migration this server does not
 */
export function migrate(db: Db, migrations: readonly Migration[]): number[] {
  checkOrder(migrations); // before touching the database
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const latest = () =>
    (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null })
      .v ?? 0;
  const applied: number[] = [];
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of pendingMigrations(migrations, latest(), db.name)) {
    const apply = db.transaction(() => {
      // Another process may have applied it since the check above.
      if (latest() >= migration.version) return false;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      return true;
    });
    if (apply.immediate()) applied.push(migration.version);
  }
  return applied;
}

/** Lists the versions of the applied migrations, ascending (the same SQL on every engine). */
export const SELECT_APPLIED_MIGRATIONS = 'SELECT version FROM schema_migrations ORDER BY version';

/**
 * The versions of the migrations a database has seen.
 * @param db the connection
 * @returns the versions, ascending
 */
export function appliedMigrations(db: Db): number[] {
  return (
    db.prepare(SELECT_APPLIED_MIGRATIONS).all() as {
      version: number;
    }[]
  ).map((row) => row.version);
}

/**
 * The engine-independent part of migrating: checks the order of `migrations`, refuses a database
 * written by a newer server and picks the migrations it has not seen yet. Each engine applies them
 * under its own lock.
 * @param migrations every migration, oldest first
 * @param latest the highest version the database has seen (0 when none)
 * @param shown how messages name the database (a path or a redacted URL)
 * @returns the migrations newer than `latest`, oldest first
 * @throws DatabaseError (`bad-migrations`) when they are not numbered 1, 2, 3 … in order
 * @throws DatabaseError (`newer-schema`) when the database knows a migration this server does not
 */
export function pendingMigrations(
  migrations: readonly Migration[],
  latest: number,
  shown: string,
): Migration[] {
  checkOrder(migrations);
  const known = migrations.at(-1)?.version ?? 0;
  if (latest > known) {
    throw new DatabaseError(
      'newer-schema',
      `${shown} has schema version ${latest} but this profile-server knows only up to ` +
        `${known}; run a newer profile-server or pass another --db`,
    );
  }
  return migrations.filter((migration) => migration.version > latest);
}

/** Refuses migrations not numbered 1, 2, 3 … in order. */
export function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new DatabaseError(
        'bad-migrations',
        `migration "${migration.name}" has version ${migration.version}, expected ${i + 1}`,
      );
    }
  });
}
