/**
 * Runs the real profile server for specs: a SQLite file in a fresh temp dir, real HTTP on
 * 127.0.0.1 with a free port, tokens from a {@link LocalIssuer} (or a given authenticator).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

import { createAuthenticator, type Authenticator } from '../src/auth';
import { openDatabase, type Db } from '../src/database';
import { createProfileServer } from '../src/profile-server';
import { ProfileStore } from '../src/profile-store';
import { seedDemoProfile } from '../src/seed';
import { LocalIssuer, TEST_AUDIENCE, TEST_CLIENT_ID, TEST_ISSUER } from './local-issuer';

/** Admin origin the specs' server allows. */
export const TEST_ADMIN_ORIGIN = 'http://localhost:4300';

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
export interface TestServer {
  readonly base: string;
  readonly app: FastifyInstance;
  readonly db: Db;
  readonly store: ProfileStore;
  readonly dbPath: string;
  readonly issuer: LocalIssuer;
  /** The lines the server logged. */
  readonly logLines: string[];
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  /** Closes the server and the database and removes the temp dir. */
  stop(): Promise<void>;
}

/**
 * Starts a server on a fresh database.
 * @param options whether to seed the demo profile (default no), an authenticator to use instead
 *   of the local issuer's, a clock
 * @returns the running server
 */
export async function startTestServer(
  options: { seed?: boolean; auth?: Authenticator; now?: () => Date } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'profile-server-'));
  const dbPath = join(dir, 'profiles.sqlite');
  const { db } = openDatabase(dbPath);
  const store = new ProfileStore(db, options.now);
  if (options.seed) seedDemoProfile(store);
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
    adminOrigins: [TEST_ADMIN_ORIGIN],
    log: (line) => logLines.push(line),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    base,
    app,
    db,
    store,
    dbPath,
    issuer,
    logLines,
    call: (method, path, callOptions) => call(base, method, path, callOptions),
    stop: async () => {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
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
