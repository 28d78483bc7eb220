/**
 * What the profile store needs from a database engine: sessions that run parameterised SQL (`?`
 * placeholders, the dialect both engines share) and transactions. SQLite and PostgreSQL implement
 * it; the store's logic is written once against it.
 */

/** A parameter of a statement. */
export type SqlValue = string | number | null;

/** Runs statements on one connection (inside a transaction when the engine opened one). */
export interface SqlSession {
  /** The first row, or undefined. */
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Every row. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

/** A database the profile store can run on. */
export interface StoreEngine {
  /** `sqlite` or `postgres`. */
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Locks a profile's row until the transaction ends (one `?`: the name); undefined when a
   * transaction already excludes every other writer (SQLite's immediate transactions).
   */
  readonly lockProfileSql: string | undefined;
  /** Runs reads on a session. */
  read<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Runs work in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Closes the connection(s). */
  close(): Promise<void>;
}

/** The database stopped answering while the server runs; requests get a 503, not a crash. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}
