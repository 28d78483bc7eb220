/** The SQLite engine's queue: one connection, so transactions and reads never interleave. */
import { openDatabase } from './database';
import { SqliteEngine } from './sqlite-engine';

const pause = () => new Promise((wake) => setTimeout(wake, 20));

describe('SqliteEngine', () => {
  let engine: SqliteEngine;

  beforeEach(() => {
    engine = new SqliteEngine(openDatabase(':memory:').db);
  });
  afterEach(() => engine.close());

  const insert = (name: string) =>
    engine.transaction(async (s) => {
      await s.run(
        `INSERT INTO profiles (name, draft, draft_etag, created_at, updated_by, updated_at)
         VALUES (?, '{}', 'e', 'now', 'ada', 'now')`,
        [name],
      );
      await pause(); // Another request's turn would come here if nothing queued it.
      return s.get<{ n: number }>('SELECT count(*) AS n FROM profiles');
    });

  it('runs transactions one after another even when their work awaits', async () => {
    const counts = await Promise.all([insert('a'), insert('b'), insert('c')]);
    expect(counts).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('does not let a read see what a transaction still open (and later rolled back) wrote', async () => {
    const write = engine.transaction(async (s) => {
      await s.run(
        `INSERT INTO profiles (name, draft, draft_etag, created_at, updated_by, updated_at)
         VALUES ('a', '{}', 'e', 'now', 'ada', 'now')`,
      );
      await pause();
      throw new Error('changed its mind');
    });
    const read = engine.read((s) => s.get<{ n: number }>('SELECT count(*) AS n FROM profiles'));
    await expect(write).rejects.toThrow('changed its mind');
    expect(await read).toEqual({ n: 0 });
  });

  it('rolls back a transaction whose work throws, and keeps serving', async () => {
    const failing = engine.transaction(async (s) => {
      await s.run(
        `INSERT INTO profiles (name, draft, draft_etag, created_at, updated_by, updated_at)
         VALUES ('x', '{}', 'e', 'now', 'ada', 'now')`,
      );
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await engine.read((s) => s.all('SELECT name FROM profiles'))).toEqual([]);
  });
});
