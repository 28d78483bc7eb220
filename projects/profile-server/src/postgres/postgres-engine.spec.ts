/**
 * The PostgreSQL engine itself: migrations (recorded, once, newer refused), immutability by
 * triggers, a one-line error when the database is unreachable at start, a 503 (not a crash) when
 * it goes away while the server runs, and never the password in a message.
 */
import pg from 'pg';

import { findFreePort } from '../../../dev-idp/testing';
import { freshSchemaUrl, startPostgresCluster } from '../../testing/postgres';
import { runServer } from '../../testing/server-process';
import { startTestServer } from '../../testing/test-server';
import { clusterUrl, openTestStore, TEST_ENGINE } from '../../testing/test-store';
import { DatabaseError } from '../database';
import { PG_MIGRATIONS } from './migrations';
import { appliedPostgresMigrations, openPostgres } from './postgres-database';

const ada = { sub: 'sub-ada', name: 'ada' };

describe('PostgreSQL engine', () => {
  let schema: Awaited<ReturnType<typeof freshSchemaUrl>>;
  let client: pg.Client;

  beforeEach(async () => {
    schema = await freshSchemaUrl(clusterUrl());
    client = new pg.Client({ connectionString: schema.url });
    await client.connect();
  });
  afterEach(async () => {
    await client.end();
    await schema.drop();
  });

  it('is what this jest project runs the store specs on', async () => {
    expect(TEST_ENGINE).toBe('postgres');
    const opened = await openTestStore();
    expect(opened.engine.kind).toBe('postgres');
    await opened.close();
  });

  it('applies every migration once and records it', async () => {
    const first = await openPostgres(schema.url);
    expect(first.applied).toEqual([1, 2]);
    await first.engine.close();
    const again = await openPostgres(schema.url);
    expect(again.applied).toEqual([]);
    await again.engine.close();
    expect(await appliedPostgresMigrations(client)).toEqual([1, 2]);
  });

  it('upgrades a version-1 database, keeping its audit trail and accepting the new actions', async () => {
    const old = await openPostgres(schema.url, { migrations: PG_MIGRATIONS.slice(0, 1) });
    await old.engine.close();
    await client.query(`INSERT INTO audit (profile, actor, actor_name, action, at, detail)
      VALUES ('p', 's', 'ada', 'create', 'then', '{}')`);
    const upgraded = await openPostgres(schema.url);
    expect(upgraded.applied).toEqual([2]);
    await upgraded.engine.close();
    await client.query(`INSERT INTO audit (profile, actor, actor_name, action, at, detail)
      VALUES ('p', 's', 'ada', 'unpublish', 'now', '{}')`);
    const { rows } = await client.query('SELECT action FROM audit ORDER BY id');
    expect(rows).toEqual([{ action: 'create' }, { action: 'unpublish' }]);
  });

  it('refuses a database written by a newer server, naming it without the password', async () => {
    await (await openPostgres(schema.url)).engine.close();
    await client.query(`INSERT INTO schema_migrations VALUES (99, 'future', 'now')`);
    const withPassword = schema.url.replace('postgres@', 'postgres:hunter2@');
    const refusal = openPostgres(withPassword);
    await expect(refusal).rejects.toThrow(DatabaseError);
    await expect(refusal).rejects.toThrow(/has schema version 99 but this profile-server knows/);
    await expect(refusal).rejects.not.toThrow(/hunter2/);
  });

  it('keeps published versions and the audit trail immutable (triggers)', async () => {
    const opened = await openTestStore();
    const created = await opened.store.create('bank', { a: 1 }, ada);
    await opened.store.publish('bank', created?.etag ?? '', ada, () => undefined);
    const refused = async (sql: string) =>
      (await opened
        .sql(sql)
        .then(() => 'changed')
        .catch((error: Error) => error.message)) ?? '';
    expect(await refused(`UPDATE versions SET document = '{}'`)).toBe(
      'published versions are immutable',
    );
    expect(await refused(`UPDATE audit SET actor = 'mallory'`)).toBe(
      'the audit trail is append-only',
    );
    expect(await refused('DELETE FROM audit')).toBe('the audit trail is append-only');
    expect(await refused('TRUNCATE audit')).toBe('the audit trail is append-only');
    await opened.close();
  });

  it('reports an unreachable database at start as one line without the password, exit 1', async () => {
    const port = await findFreePort();
    const server = runServer([
      ...['--port', String(await findFreePort())],
      ...['--db', `postgres://ada:s3cret-pw@127.0.0.1:${port}/profiles`],
    ]);
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.output().trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^profile-server: cannot connect to postgres://ada:\\*\\*\\*@127\\.0\\.0\\.1:${port}/profiles: `,
        ),
      ),
    ]);
    expect(server.output()).not.toContain('s3cret-pw');
  });
});

describe('PostgreSQL going away while the server runs', () => {
  it('answers 503 database-unavailable instead of crashing, and serves again once it is back', async () => {
    const cluster = await startPostgresCluster();
    const server = await startTestServer({ seed: true, postgresClusterUrl: cluster.url });
    const published = () => server.call('GET', '/profiles/demo/published');
    try {
      expect((await published()).status).toBe(200);
      cluster.halt();
      const answer = await published();
      expect([answer.status, answer.body.error]).toEqual([503, 'database-unavailable']);
      expect(answer.headers.get('retry-after')).toBe('5');
      expect((await server.call('GET', '/health')).status).toBe(200);

      // The same process, no restart: the pool's broken connections are replaced by new ones.
      cluster.restart();
      const back = await published();
      expect([back.status, back.body.name]).toEqual([200, 'demo']);
      const token = await server.issuer.admin('ada');
      const created = await server.call('POST', '/admin/profiles', {
        token,
        body: { name: 'after' },
      });
      expect(created.status).toBe(201);
      const audit = await server.call('GET', '/admin/audit?profile=after', { token });
      expect(audit.body.entries.map((entry: { action: string }) => entry.action)).toEqual([
        'create',
      ]);
    } finally {
      await server.app.close();
      await server.engine.close().catch(() => undefined);
      cluster.stop();
    }
  });
});
