/**
 * The SQLite engine (better-sqlite3, synchronous) behind the async {@link StoreEngine}: one
 * connection, so work is queued and each transaction is `BEGIN IMMEDIATE` … `COMMIT` with nothing
 * of another request in between.
 */
import type { Statement } from 'better-sqlite3';

import type { Db } from './database';
import type { SqlSession, SqlValue, StoreEngine } from './sql-engine';

/** A migrated better-sqlite3 connection as a store engine. */
export class SqliteEngine implements StoreEngine {
  readonly kind = 'sqlite';
  readonly lockProfileSql = undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, Statement>();
  private readonly session: SqlSession = {
    get: async <T>(sql: string, params: readonly SqlValue[] = []) =>
      this.statement(sql).get(...params) as T | undefined,
    all: async <T>(sql: string, params: readonly SqlValue[] = []) =>
      this.statement(sql).all(...params) as T[],
    run: async (sql: string, params: readonly SqlValue[] = []) =>
      this.statement(sql).run(...params).changes,
  };

  /** @param db an open, migrated connection (the engine closes it) */
  constructor(readonly db: Db) {}

  read<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.serial(() => work(this.session));
  }

  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.session);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.queue;
    // Closing checkpoints the WAL into the database file and removes the -wal/-shm files.
    this.db.close();
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
