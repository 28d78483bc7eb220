/**
 * Two real profile-server processes on one PostgreSQL database, as behind a load balancer:
 * concurrent ETag-checked writes through both have exactly one winner, and the audit trail holds
 * exactly the accepted writes.
 */
import { createDefaultProfile } from 'ngx-genesys-messenger-auth/profile';
import pg from 'pg';

import { findFreePort } from '../../../dev-idp/testing';
import { serveIssuer, type IssuerServer } from '../../testing/issuer-server';
import { LocalIssuer, TEST_AUDIENCE, TEST_CLIENT_ID } from '../../testing/local-issuer';
import { freshSchemaUrl } from '../../testing/postgres';
import { runServer, waitForOutput, type ServerProcess } from '../../testing/server-process';
import { clusterUrl } from '../../testing/test-store';

const ENVIRONMENT_ORIGIN = 'http://localhost:4500';
const WRITERS = 20;

describe('two profile-server processes on one PostgreSQL database', () => {
  let schema: Awaited<ReturnType<typeof freshSchemaUrl>>;
  let issuerServer: IssuerServer;
  let servers: ServerProcess[] = [];
  let bases: string[] = [];
  let token: string;

  beforeAll(async () => {
    schema = await freshSchemaUrl(clusterUrl());
    const local = await LocalIssuer.create();
    issuerServer = await serveIssuer(local);
    const ports = [await findFreePort(), await findFreePort()];
    // Both start at once: the migrations run once, under the advisory lock.
    servers = ports.map((port) =>
      runServer([
        ...['--port', String(port), '--db', schema.url, '--issuer', issuerServer.issuer],
        ...['--audience', TEST_AUDIENCE, '--client-id', TEST_CLIENT_ID, '--seed', 'off'],
        ...['--allowed-environment-origins', ENVIRONMENT_ORIGIN, '--admin-rate-limit', '10000'],
      ]),
    );
    await Promise.all(servers.map((server) => waitForOutput(server, /ready at/)));
    bases = ports.map((port) => `http://127.0.0.1:${port}`);
    token = await local.token({
      issuer: issuerServer.issuer,
      sub: 'sub-ada',
      username: 'ada',
      roles: ['admin'],
    });
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGTERM');
    const exits = await Promise.all(servers.map((server) => server.exited));
    await issuerServer?.close();
    await schema?.drop();
    // A clean stop ends each pool (pool.end) and exits 0.
    expect(exits).toEqual(servers.map(() => ({ code: 0, signal: null })));
  });

  const call = async (base: string, method: string, path: string, init: RequestInit = {}) => {
    const response = await fetch(`${base}${path}`, {
      ...init,
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.headers as Record<string, string>),
      },
    });
    const text = await response.text();
    return { status: response.status, etag: response.headers.get('etag'), body: JSON.parse(text) };
  };

  async function rows<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  it('applied each migration once although both started together', async () => {
    expect(await rows('SELECT version FROM schema_migrations ORDER BY version', [])).toEqual([
      { version: 1 },
      { version: 2 },
    ]);
  });

  it(`lets exactly one of ${WRITERS} concurrent edits with one If-Match win, across both servers`, async () => {
    const created = await call(bases[0] as string, 'POST', '/admin/profiles', {
      body: JSON.stringify({ name: 'bank' }),
    });
    expect(created.status).toBe(201);
    const edits = Array.from({ length: WRITERS }, (_, i) => {
      const draft = structuredClone(createDefaultProfile('bank'));
      (draft.refresh as { leadSeconds: number }).leadSeconds = 100 + i;
      return call(bases[i % 2] as string, 'PUT', '/admin/profiles/bank', {
        body: JSON.stringify(draft),
        headers: { 'if-match': created.etag ?? '' },
      });
    });
    const answers = await Promise.all(edits);
    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 412)).toHaveLength(WRITERS - 1);
    const winner = winners[0] as (typeof answers)[number];

    // Both servers see the winner's draft and ETag; nothing of the losers is stored.
    for (const base of bases) {
      const now = await call(base, 'GET', '/admin/profiles/bank');
      expect([now.etag, now.body.draft.refresh.leadSeconds]).toEqual([
        winner.etag,
        winner.body.draft.refresh.leadSeconds,
      ]);
    }
    const audit = await call(bases[1] as string, 'GET', '/admin/audit?profile=bank&limit=100');
    expect(audit.body.entries.map((entry: { action: string }) => entry.action)).toEqual([
      'update',
      'create',
    ]);
    expect(audit.body.entries[0].detail.changes).toEqual([
      {
        path: 'refresh.leadSeconds',
        before: created.body.draft.refresh.leadSeconds,
        after: winner.body.draft.refresh.leadSeconds,
      },
    ]);
    expect(await rows('SELECT count(*)::int AS n FROM audit', [])).toEqual([{ n: 2 }]);
    expect(await rows('SELECT count(*)::int AS n FROM versions', [])).toEqual([{ n: 0 }]);
  });

  it('publishes a draft once when both servers are asked to at the same time', async () => {
    const draft = await call(bases[0] as string, 'GET', '/admin/profiles/bank');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(bases[i % 2] as string, 'POST', '/admin/profiles/bank/publish', {
          headers: { 'if-match': draft.etag ?? '' },
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, ...Array.from({ length: 9 }, () => 409)]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error)).toEqual(
      Array.from({ length: 9 }, () => 'nothing-to-publish'),
    );
    expect(await rows('SELECT number FROM versions WHERE profile = $1', ['bank'])).toEqual([
      { number: 1 },
    ]);
    const publishes = await rows('SELECT count(*)::int AS n FROM audit WHERE action = $1', [
      'publish',
    ]);
    expect(publishes).toEqual([{ n: 1 }]);
  });
});
