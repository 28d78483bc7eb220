/**
 * The PostgreSQL engine: a bounded connection pool, each transaction on one pooled client
 * (READ COMMITTED; ETag-checked writes lock the profile's row with `SELECT … FOR UPDATE`). When the
 * database goes away while the server runs, calls fail with {@link DatabaseUnavailableError}
 * (answered 503) instead of crashing the process.
 */
import pg from 'pg';

import { DatabaseUnavailableError, type SqlSession, type StoreEngine } from '../sql-engine';

/** The most connections one server process opens. */
export const POOL_SIZE = 10;

/** How long a request waits for a free (or new) connection before it is a 503, in ms. */
const CONNECT_TIMEOUT_MS = 5000;

/** Errors that mean "the database is not there" rather than "this statement is wrong". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);

/** Whether an error of `pg` means the database cannot be reached. */
export function isUnavailable(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return /connection terminated|timeout exceeded when trying to connect|not queryable/i.test(
    message ?? '',
  );
}

/**
 * Opens a pool (no connection is made until the first query).
 * @param url the connection URL
 * @param onIdleError reports a pooled connection that broke while idle (without the URL)
 * @returns the pool
 */
export function createPool(url: string, onIdleError: (message: string) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'profile-server',
  });
  // Without a listener an idle client's error (e.g. the server restarting) kills the process.
  pool.on('error', (error) => onIdleError(error.message));
  return pool;
}

/** A migrated PostgreSQL database as a store engine. */
export class PostgresEngine implements StoreEngine {
  readonly kind = 'postgres';
  readonly lockProfileSql = 'SELECT 1 AS locked FROM profiles WHERE name = ? FOR UPDATE';

  /** @param pool the pool (the engine ends it) */
  constructor(readonly pool: pg.Pool) {}

  read<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.withClient((client) => work(sessionOf(client)));
  }

  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await work(sessionOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw unavailable(error);
    }
    let broken: Error | undefined;
    // pg emits a dead socket's error on the checked-out client too; unheard, it would crash us.
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      return await work(client);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      broken = error as Error;
      throw unavailable(error);
    } finally {
      client.removeListener('error', onError);
      // A broken connection is dropped from the pool, not handed to the next request.
      client.release(broken);
    }
  }
}

function unavailable(error: unknown): DatabaseUnavailableError {
  return new DatabaseUnavailableError(`PostgreSQL unavailable: ${(error as Error).message}`);
}

const PLACEHOLDERS = new Map<string, string>();

/** `?` placeholders as PostgreSQL's `$1, $2 …` (the store's SQL has no `?` elsewhere). */
function numbered(sql: string): string {
  let converted = PLACEHOLDERS.get(sql);
  if (converted === undefined) {
    let n = 0;
    converted = sql.replace(/\?/g, () => `$${++n}`);
    PLACEHOLDERS.set(sql, converted);
  }
  return converted;
}

function sessionOf(client: pg.PoolClient): SqlSession {
  const query = (sql: string, params: readonly unknown[] = []) =>
    client.query(numbered(sql), [...params]);
  return {
    get: async <T>(sql: string, params?: readonly unknown[]) =>
      (await query(sql, params)).rows[0] as T | undefined,
    all: async <T>(sql: string, params?: readonly unknown[]) =>
      (await query(sql, params)).rows as T[],
    run: async (sql: string, params?: readonly unknown[]) =>
      (await query(sql, params)).rowCount ?? 0,
  };
}
