import { PerTabRefreshLock, WebLocksRefreshLock, createRefreshLock } from './refresh-lock';
import { deferred } from './tabs.browser.spec-helpers';

describe(PerTabRefreshLock.name, () => {
  it('keeps one note per name, for its own tasks', async () => {
    const lock = new PerTabRefreshLock();
    await lock.leaveNote('n', 'first');
    await lock.leaveNote('n', 'second');
    expect(await lock.readNotes('n')).toEqual(['second']);
    lock.withdrawNote('n');
    expect(await lock.readNotes('n')).toEqual([]);
  });

  it('runs tasks of one name one after the other', async () => {
    const lock = new PerTabRefreshLock();
    const events: string[] = [];
    const release = deferred<void>();
    const first = lock.run(
      'n',
      async () => {
        events.push('first:start');
        await release.promise;
        events.push('first:end');
      },
      { timeoutMs: 1000 },
    );
    const second = lock.run('n', async () => void events.push('second:start'), {
      timeoutMs: 1000,
    });
    // A run of another name, started after the second, goes the same way to its task: once it
    // is done, the second would have started too, had nothing held it back.
    await lock.run('other', async () => undefined, { timeoutMs: 1000 });
    expect(events).toEqual(['first:start']);
    release.resolve();
    await Promise.all([first, second]);
    expect(events).toEqual(['first:start', 'first:end', 'second:start']);
  });

  it('reports a timeout while a flight is in progress, and releases after a failing task', async () => {
    const lock = new PerTabRefreshLock();
    const release = deferred<void>();
    const first = lock.run('n', () => release.promise, { timeoutMs: 1000 });
    expect(await lock.run('n', async () => 1, { timeoutMs: 20 })).toEqual({
      acquired: false,
      reason: 'timeout',
    });
    release.resolve();
    await first;
    await expectAsync(
      lock.run('n', () => Promise.reject(new Error('x')), { timeoutMs: 20 }),
    ).toBeRejected();
    expect(await lock.run('n', async () => 2, { timeoutMs: 20 })).toEqual({
      acquired: true,
      value: 2,
    });
  });
});

describe(createRefreshLock.name, () => {
  it('picks Web Locks in Chromium', () => {
    expect(createRefreshLock()).toBeInstanceOf(WebLocksRefreshLock);
  });

  it('falls back to the per-tab lock when Web Locks are missing', () => {
    expect(createRefreshLock({} as Navigator)).toBeInstanceOf(PerTabRefreshLock);
  });
});
