/**
 * The real process (`node --import tsx src/main.ts`): start-up, one-line configuration errors and a
 * graceful stop that closes the database.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { findFreePort } from '../../dev-idp/testing';
import {
  runServer as run,
  waitForOutput as waitFor,
  type ServerProcess as Run,
} from '../testing/server-process';

describe('profile-server process', () => {
  let dir: string;
  const running: Run[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'profile-main-'));
  });
  afterEach(() => {
    for (const r of running.splice(0)) if (r.child.exitCode === null) r.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates and seeds a new database, serves, and on SIGTERM stops and closes the database', async () => {
    const db = join(dir, 'profiles.sqlite');
    const port = await findFreePort();
    const server = run([
      '--port',
      String(port),
      '--db',
      db,
      '--allowed-environment-origins',
      'http://localhost:4500',
    ]);
    running.push(server);
    await waitFor(server, /profile-server: ready at http:\/\/localhost:\d+ \(bound 127\.0\.0\.1:/);
    expect(server.output()).toContain('seeded profile "demo"');
    const answer = await fetch(`http://127.0.0.1:${port}/profiles/demo/published`);
    expect([answer.status, ((await answer.json()) as { version: number }).version]).toEqual([
      200, 1,
    ]);
    expect(existsSync(`${db}-wal`)).toBe(true);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/SIGTERM: stopping\nprofile-server: stopped\n$/);
    // A clean close checkpoints the WAL and removes it.
    expect(existsSync(`${db}-wal`)).toBe(false);
    const reopened = new Database(db, { readonly: true });
    expect(reopened.prepare('SELECT count(*) AS n FROM versions').get()).toEqual({ n: 1 });
    reopened.close();
  });

  it('reports a bad flag as one line and exits 2 without touching the database', async () => {
    const db = join(dir, 'never.sqlite');
    const bad = run(['--db', db, '--seed', 'maybe']);
    running.push(bad);
    expect(await bad.exited).toEqual({ code: 2, signal: null });
    expect(bad.output()).toBe('profile-server: --seed must be one of on, off, got "maybe"\n');
    expect(existsSync(db)).toBe(false);
  });

  it('reports a database written by a newer server as one line and exits 1', async () => {
    const db = join(dir, 'newer.sqlite');
    const file = new Database(db);
    file.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT);
      INSERT INTO schema_migrations VALUES (99, 'future', 'now');`);
    file.close();
    const old = run(['--db', db, '--port', String(await findFreePort())]);
    running.push(old);
    expect(await old.exited).toEqual({ code: 1, signal: null });
    expect(old.output().trim().split('\n')).toEqual([
      expect.stringMatching(/^profile-server: .*newer\.sqlite has schema version 99/),
    ]);
  });
});
