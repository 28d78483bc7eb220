/**
 * Runs the real profile server for specs: a SQLite file in a fresh temp dir (or, when
 * `PROFILE_DB_ENGINE=postgres`, a fresh schema of the test cluster), real HTTP on 127.0.0.1 with a
 * free port, tokens from a {@link LocalIssuer} (or a given authenticator).
 */
import type { FastifyInstance } from 'fastify';

import { createAuthenticator, type Authenticator } from '../src/auth';
import { createProfileServer } from '../src/profile-server';
import { profileRules, type ProfileRules } from '../src/profile-rules';
import type { ProfileStore } from '../src/profile-store';
import type { RateLimits } from '../src/rate-limits';
import { seedDemoProfile } from '../src/seed';
import type { StoreEngine } from '../src/sql-engine';
import { LocalIssuer, TEST_AUDIENCE, TEST_CLIENT_ID, TEST_ISSUER } from './local-issuer';
import { openTestStore, type TestStore } from './test-store';

export { TEST_ENGINE } from './test-store';

/** Admin origin the specs' server allows. */
export const TEST_ADMIN_ORIGIN = 'http://localhost:4300';
/** The Genesys environment origin the specs' server allows (the local simulator's). */
export const TEST_ENVIRONMENT_ORIGIN = 'http://localhost:4500';

/** An HTTP answer, its body parsed when it is JSON. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // Specs read arbitrary fields of JSON bodies.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/** Options of one call. */
export interface CallOptions {
  /** A JSON value, or a string sent as is. */
  readonly body?: unknown;
  readonly token?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A running server. */
export interface TestServer extends Pick<TestStore, 'sql' | 'storedText'> {
  readonly base: string;
  readonly app: FastifyInstance;
  readonly engine: StoreEngine;
  readonly store: ProfileStore;
  readonly rules: ProfileRules;
  /** `--db`: the SQLite file, or the PostgreSQL URL of the server's own schema. */
  readonly db: string;
  readonly issuer: LocalIssuer;
  /** The lines the server logged. */
  readonly logLines: string[];
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  /** Closes the server and the database and removes the database. */
  stop(): Promise<void>;
}

/** Options of {@link startTestServer}. */
export interface TestServerOptions {
  /** Whether to seed the demo profile (default no). */
  readonly seed?: boolean;
  /** An authenticator to use instead of the local issuer's. */
  readonly auth?: Authenticator;
  readonly now?: () => Date;
  /** Custom environment origins allowed; default {@link TEST_ENVIRONMENT_ORIGIN}. */
  readonly environmentOrigins?: readonly string[];
  readonly rateLimits?: RateLimits;
  /**
   * The PostgreSQL cluster to put the server's fresh schema in (a superuser URL); default the
   * jest project's database (see {@link openTestStore}).
   */
  readonly postgresClusterUrl?: string;
}

/**
 * Starts a server on a fresh database.
 * @param options seed, authenticator, clock, allow-list, rate limits and PostgreSQL cluster
 * @returns the running server
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { now, postgresClusterUrl } = options;
  const opened = await openTestStore({ now, postgresClusterUrl });
  const { store, engine, db } = opened;
  const rules = profileRules({
    environmentOrigins: options.environmentOrigins ?? [TEST_ENVIRONMENT_ORIGIN],
  });
  if (options.seed) await seedDemoProfile(store, rules);
  const issuer = await LocalIssuer.create();
  const auth =
    options.auth ??
    createAuthenticator({
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      clientId: TEST_CLIENT_ID,
      keySet: issuer.keySet,
    });
  const logLines: string[] = [];
  const app = await createProfileServer({
    store,
    auth,
    rules,
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    adminOrigins: [TEST_ADMIN_ORIGIN],
    log: (line) => logLines.push(line),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    base,
    app,
    engine,
    store,
    rules,
    db,
    issuer,
    logLines,
    call: (method, path, callOptions) => call(base, method, path, callOptions),
    sql: opened.sql,
    storedText: opened.storedText,
    stop: async () => {
      await app.close();
      await opened.close();
    },
  };
}

async function call(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return {
    status: response.status,
    headers: response.headers,
    body: json && text ? JSON.parse(text) : text,
  };
}
