import {
  PerTabRefreshLock,
  RefreshLock,
  WebLocksRefreshLock,
  createRefreshLock,
} from './refresh-lock';

function deferred<T>(): { readonly promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function uniqueName(): string {
  return `refresh-lock-spec:${Math.random().toString(36).slice(2)}`;
}

/** A second same-origin browsing context: shares `navigator.locks` with this page. */
function sameOriginFrame(): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  document.body.appendChild(frame);
  return frame;
}

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
    name = uniqueName();
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
  });
});

describe(PerTabRefreshLock.name, () => {
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
    await new Promise((resolve) => setTimeout(resolve, 20));
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
