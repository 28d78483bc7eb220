import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { appliedMigrations, DatabaseError, openDatabase, type Db } from './database';
import { MIGRATIONS } from './migrations';

describe('openDatabase', () => {
  let dir: string;
  const opened: Db[] = [];
  const open = (...args: Parameters<typeof openDatabase>) => {
    const result = openDatabase(...args);
    opened.push(result.db);
    return result;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'profile-db-'));
  });
  afterEach(() => {
    opened.splice(0).forEach((db) => db.open && db.close());
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the file and its folder and applies every migration', () => {
    const path = join(dir, 'nested', 'profiles.sqlite');
    const { db, applied } = open(path);
    expect(existsSync(path)).toBe(true);
    expect(applied).toEqual(MIGRATIONS.map((m) => m.version));
    expect(appliedMigrations(db)).toEqual(applied);
  });

  it('applies nothing the second time a file is opened, and keeps its rows', () => {
    const path = join(dir, 'profiles.sqlite');
    const first = open(path).db;
    first
      .prepare(
        `INSERT INTO profiles (name, draft, draft_etag, created_at, updated_by, updated_at)
         VALUES ('kept', '{}', '"e"', 't', 'u', 't')`,
      )
      .run();
    first.close();
    const again = open(path);
    expect(again.applied).toEqual([]);
    expect(appliedMigrations(again.db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(again.db.prepare('SELECT name FROM profiles').all()).toEqual([{ name: 'kept' }]);
  });

  it('uses the WAL journal and enforces foreign keys', () => {
    const { db } = open(join(dir, 'profiles.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      db
        .prepare(
          `INSERT INTO versions (profile, number, document, published_by, published_at)
           VALUES ('nobody', 1, '{}', 'u', 't')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('applies only the migrations a database has not seen yet, in order', () => {
    const path = join(dir, 'profiles.sqlite');
    open(path, MIGRATIONS.slice(0, 1)).db.close();
    const extra = { version: MIGRATIONS.length + 1, name: 'extra', sql: 'CREATE TABLE extra (x)' };
    const { db, applied } = open(path, [...MIGRATIONS, extra]);
    const versions = [...MIGRATIONS, extra].map((m) => m.version);
    expect(applied).toEqual(versions.slice(1));
    expect(appliedMigrations(db)).toEqual(versions);
  });

  it('keeps the audit trail, its ids and its append-only rule when adding unpublish and republish', () => {
    const path = join(dir, 'profiles.sqlite');
    const old = open(path, MIGRATIONS.slice(0, 1)).db;
    old.exec(`INSERT INTO audit (profile, actor, actor_name, action, at, detail)
      VALUES ('p', 's', 'u', 'create', 't', '{}'), ('p', 's', 'u', 'delete', 't', '{}')`);
    old.close();
    const { db, applied } = open(path);
    expect(applied).toEqual([2]);
    expect(db.prepare('SELECT id, action FROM audit ORDER BY id').all()).toEqual([
      { id: 1, action: 'create' },
      { id: 2, action: 'delete' },
    ]);
    db.exec(`INSERT INTO audit (profile, actor, actor_name, action, at, detail)
      VALUES ('p', 's', 'u', 'unpublish', 't', '{}'), ('p', 's', 'u', 'republish', 't', '{}')`);
    expect(db.prepare('SELECT max(id) AS id FROM audit').get()).toEqual({ id: 4 });
    expect(() => db.exec('DELETE FROM audit')).toThrow(/append-only/);
    expect(() => db.exec(`UPDATE audit SET actor = 'm'`)).toThrow(/append-only/);
  });

  it('refuses a database written by a newer server, naming the file', () => {
    const path = join(dir, 'profiles.sqlite');
    const extra = { version: MIGRATIONS.length + 1, name: 'extra', sql: 'CREATE TABLE extra (x)' };
    open(path, [...MIGRATIONS, extra]).db.close();
    expect(() => open(path)).toThrow(
      expect.objectContaining({ code: 'newer-schema', message: expect.stringContaining(path) }),
    );
  });

  it('refuses migrations whose numbers have a gap', () => {
    const gap = [{ version: 2, name: 'two', sql: '' }];
    expect(() => open(join(dir, 'x.sqlite'), gap)).toThrow(DatabaseError);
  });

  it('reports a file it cannot open as one line', () => {
    const file = join(dir, 'a-file');
    new Database(file).close();
    expect(() => open(join(file, 'inside.sqlite'))).toThrow(
      expect.objectContaining({ code: 'cannot-open' }),
    );
  });

  it('refuses to change a published version or the audit trail', () => {
    const { db } = open(join(dir, 'profiles.sqlite'));
    db.exec(`
      INSERT INTO profiles (name, draft, draft_etag, created_at, updated_by, updated_at)
        VALUES ('p', '{}', '"e"', 't', 'u', 't');
      INSERT INTO versions (profile, number, document, published_by, published_at)
        VALUES ('p', 1, '{}', 'u', 't');
      INSERT INTO audit (profile, actor, actor_name, action, at, detail)
        VALUES ('p', 's', 'u', 'create', 't', '{}');`);
    expect(() => db.exec(`UPDATE versions SET document = '{"x":1}'`)).toThrow(/immutable/);
    expect(() => db.exec(`UPDATE audit SET actor = 'm'`)).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit')).toThrow(/append-only/);
  });
});
