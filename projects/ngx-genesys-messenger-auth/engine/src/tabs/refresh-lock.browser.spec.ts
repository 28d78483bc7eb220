import { RefreshLock, WebLocksRefreshLock } from './refresh-lock';
import { deferred, sameOriginFrame, uniqueName } from './tabs.browser.spec-helpers';

async function pendingCount(name: string): Promise<number> {
  const snapshot = await navigator.locks.query();
  return (snapshot.pending ?? []).filter((lock) => lock.name === name).length;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not met within 1 s');
}

describe(WebLocksRefreshLock.name, () => {
  let lock: RefreshLock;
  let name: string;

  beforeEach(() => {
    lock = new WebLocksRefreshLock(navigator.locks);
    name = uniqueName('refresh-lock-spec');
  });

  it('runs the task under the lock and returns its value', async () => {
    const outcome = await lock.run(
      name,
      async () => {
        const held = (await navigator.locks.query()).held ?? [];
        return held.some((l) => l.name === name && l.mode === 'exclusive');
      },
      { timeoutMs: 1000 },
    );
    expect(outcome).toEqual({ acquired: true, value: true });
  });

  it('makes a second run wait until the first finishes, then hands the lock over', async () => {
    const events: string[] = [];
    const release = deferred<void>();
    const first = lock.run(
      name,
      async () => {
        events.push('first:start');
        await release.promise;
        events.push('first:end');
        return 1;
      },
      { timeoutMs: 1000 },
    );
    const second = lock.run(
      name,
      async () => {
        events.push('second:start');
        return 2;
      },
      { timeoutMs: 5000 },
    );
    await until(async () => (await pendingCount(name)) === 1);
    expect(events).toEqual(['first:start']);

    release.resolve();
    expect(await first).toEqual({ acquired: true, value: 1 });
    expect(await second).toEqual({ acquired: true, value: 2 });
    expect(events).toEqual(['first:start', 'first:end', 'second:start']);
  });

  it('reports a timeout when the lock stays held longer than the wait', async () => {
    const release = deferred<void>();
    const first = lock.run(name, () => release.promise, { timeoutMs: 1000 });
    let ran = false;
    const second = await lock.run(name, async () => (ran = true), { timeoutMs: 50 });
    expect(second).toEqual({ acquired: false, reason: 'timeout' });
    expect(ran).toBeFalse();
    release.resolve();
    await first;
  });

  it('treats a zero wait as a try-lock', async () => {
    const release = deferred<void>();
    const first = lock.run(name, () => release.promise, { timeoutMs: 1000 });
    expect(await lock.run(name, async () => 'x', { timeoutMs: 0 })).toEqual({
      acquired: false,
      reason: 'timeout',
    });
    release.resolve();
    await first;
    expect(await lock.run(name, async () => 'y', { timeoutMs: 0 })).toEqual({
      acquired: true,
      value: 'y',
    });
  });

  it('rejects with the task error and releases the lock', async () => {
    const failure = new Error('refresh failed');
    await expectAsync(
      lock.run(name, () => Promise.reject(failure), { timeoutMs: 1000 }),
    ).toBeRejectedWith(failure);
    expect(await lock.run(name, async () => 'next', { timeoutMs: 100 })).toEqual({
      acquired: true,
      value: 'next',
    });
  });

  it('rejects (not times out) when the task itself throws a TimeoutError', async () => {
    const failure = new DOMException('fetch timed out', 'TimeoutError');
    await expectAsync(
      lock.run(name, () => Promise.reject(failure), { timeoutMs: 1000 }),
    ).toBeRejectedWith(failure);
  });

  describe('across browsing contexts', () => {
    let frame: HTMLIFrameElement;

    beforeEach(() => (frame = sameOriginFrame()));
    afterEach(() => frame.remove());

    it('waits while another context holds the lock and acquires it once that one releases', async () => {
      const frameLocks = frame.contentWindow!.navigator.locks;
      const release = deferred<void>();
      const granted = deferred<void>();
      const held = frameLocks.request(name, () => {
        granted.resolve();
        return release.promise;
      });
      await granted.promise;

      let ran = false;
      const run = lock.run(name, async () => (ran = true), { timeoutMs: 5000 });
      await until(async () => (await pendingCount(name)) === 1);
      expect(ran).toBeFalse();

      release.resolve();
      await held;
      expect(await run).toEqual({ acquired: true, value: true });
    });

    it('hands the lock over when the holding context goes away without releasing it', async () => {
      const granted = deferred<void>();
      // The frame "tab" never finishes its refresh; only its closing frees the lock.
      void frame.contentWindow!.navigator.locks.request(name, () => {
        granted.resolve();
        return new Promise<void>(() => undefined);
      });
      await granted.promise;

      let ran = false;
      const run = lock.run(name, async () => (ran = true), { timeoutMs: 5000 });
      await until(async () => (await pendingCount(name)) === 1);
      expect(ran).toBeFalse();

      frame.remove();
      expect(await run).toEqual({ acquired: true, value: true });
    });

    it('times out in this context while another context holds the lock', async () => {
      const release = deferred<void>();
      const granted = deferred<void>();
      const held = frame.contentWindow!.navigator.locks.request(name, () => {
        granted.resolve();
        return release.promise;
      });
      await granted.promise;
      expect(await lock.run(name, async () => 1, { timeoutMs: 50 })).toEqual({
        acquired: false,
        reason: 'timeout',
      });
      release.resolve();
      await held;
    });

    it('shows a note left in another context to this one, and drops it when that context goes away', async () => {
      const frameLock = new WebLocksRefreshLock(frame.contentWindow!.navigator.locks);
      await frameLock.run(name, () => frameLock.leaveNote(name, '{"n":1}'), { timeoutMs: 1000 });
      const seen = await lock.run(name, () => lock.readNotes(name), { timeoutMs: 1000 });
      expect(seen).toEqual({ acquired: true, value: ['{"n":1}'] });

      frame.remove();
      await until(async () => (await lock.readNotes(name)).length === 0);
    });
  });

  describe('notes', () => {
    it('are none at first', async () => {
      expect(await lock.readNotes(name)).toEqual([]);
    });

    it("replace the tab's earlier note, and other tabs' notes stay beside it", async () => {
      const other = new WebLocksRefreshLock(navigator.locks);
      await other.leaveNote(name, 'theirs');
      await lock.leaveNote(name, 'first');
      await lock.leaveNote(name, 'second');
      expect((await lock.readNotes(name)).sort()).toEqual(['second', 'theirs']);
      other.withdrawNote(name);
    });

    it('may be the same in two tabs', async () => {
      const other = new WebLocksRefreshLock(navigator.locks);
      await other.leaveNote(name, 'same');
      await lock.leaveNote(name, 'same');
      expect(await lock.readNotes(name)).toEqual(['same', 'same']);
      other.withdrawNote(name);
    });

    it('are taken back on withdrawal, and only those of this name', async () => {
      const otherName = uniqueName('refresh-lock-spec');
      await lock.leaveNote(name, 'mine');
      await lock.leaveNote(otherName, 'kept');
      lock.withdrawNote(name);
      await until(async () => (await lock.readNotes(name)).length === 0);
      expect(await lock.readNotes(otherName)).toEqual(['kept']);
      lock.withdrawNote(otherName);
    });

    it('never get in the way of the lock itself', async () => {
      await lock.leaveNote(name, 'note');
      expect(await lock.run(name, async () => 'ran', { timeoutMs: 0 })).toEqual({
        acquired: true,
        value: 'ran',
      });
      lock.withdrawNote(name);
    });

    it('are missing, not failing, where the lock manager refuses', async () => {
      const refusing = {
        request: () => Promise.reject(new DOMException('opaque origin', 'SecurityError')),
        query: () => Promise.reject(new DOMException('opaque origin', 'SecurityError')),
      } as unknown as LockManager;
      const refused = new WebLocksRefreshLock(refusing);
      await expectAsync(refused.leaveNote(name, 'x')).toBeResolved();
      expect(await refused.readNotes(name)).toEqual([]);
    });
  });
});
