/*
 * Test-only: the Web Locks of one browser, for tabs of the spec world. Like the browser's lock
 * manager, it grants a lock to one tab at a time, in request order, and drops everything a tab held
 * (its lock and its notes) when the tab is closed, even while that tab's task is still running.
 */
import { RefreshLock, type LockOutcome, type RefreshLockOptions } from '../tabs/refresh-lock';
import type { Tab } from './origin.spec-helpers';

interface Waiter {
  readonly lock: TabLock;
  readonly grant: (granted: boolean) => void;
}

/** Every tab's locks and notes. */
export class BrowserLocks {
  private readonly holders = new Map<string, TabLock>();
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly perTab = new Map<Tab, TabLock>();

  /** The lock manager as `tab` sees it. */
  forTab(tab: Tab): RefreshLock {
    const lock = new TabLock(this);
    this.perTab.set(tab, lock);
    return lock;
  }

  /** The tab holding the lock `name`, if any. */
  holder(name: string): Tab | undefined {
    const lock = this.holders.get(name);
    return [...this.perTab].find(([, own]) => own === lock)?.[0];
  }

  /** The browser closed `tab`: what it held is released at once. */
  closeTab(tab: Tab): void {
    const lock = this.perTab.get(tab);
    if (!lock) return;
    this.perTab.delete(tab);
    lock.closed = true;
    for (const [name, queue] of this.waiting) {
      this.waiting.set(
        name,
        queue.filter((w) => w.lock !== lock),
      );
    }
    for (const [name, holder] of [...this.holders]) if (holder === lock) this.release(lock, name);
  }

  /** The notes of the open tabs beside `name`. */
  notes(name: string): string[] {
    return [...this.perTab.values()].flatMap((lock) => lock.noteOf(name) ?? []);
  }

  acquire(lock: TabLock, name: string, timeoutMs: number): Promise<boolean> {
    if (!this.holders.has(name)) {
      this.holders.set(name, lock);
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        lock,
        grant: (granted) => {
          clearTimeout(timer);
          resolve(granted);
        },
      };
      const timer = setTimeout(() => {
        this.waiting.set(
          name,
          (this.waiting.get(name) ?? []).filter((w) => w !== waiter),
        );
        resolve(false);
      }, timeoutMs);
      this.waiting.set(name, [...(this.waiting.get(name) ?? []), waiter]);
    });
  }

  release(lock: TabLock, name: string): void {
    if (this.holders.get(name) !== lock) return;
    this.holders.delete(name);
    const [next, ...rest] = this.waiting.get(name) ?? [];
    this.waiting.set(name, rest);
    if (!next) return;
    this.holders.set(name, next.lock);
    next.grant(true);
  }
}

/** One tab's view of {@link BrowserLocks}. */
class TabLock extends RefreshLock {
  closed = false;
  private readonly notesLeft = new Map<string, string>();

  constructor(private readonly browser: BrowserLocks) {
    super();
  }

  noteOf(name: string): string | undefined {
    return this.notesLeft.get(name);
  }

  override async leaveNote(name: string, note: string): Promise<void> {
    if (!this.closed) this.notesLeft.set(name, note);
  }

  override async readNotes(name: string): Promise<string[]> {
    return this.browser.notes(name);
  }

  override withdrawNote(name: string): void {
    this.notesLeft.delete(name);
  }

  override async run<T>(
    name: string,
    task: () => Promise<T>,
    { timeoutMs }: RefreshLockOptions,
  ): Promise<LockOutcome<T>> {
    if (!(await this.browser.acquire(this, name, timeoutMs))) {
      return { acquired: false, reason: 'timeout' };
    }
    try {
      return { acquired: true, value: await task() };
    } finally {
      this.browser.release(this, name);
    }
  }
}
