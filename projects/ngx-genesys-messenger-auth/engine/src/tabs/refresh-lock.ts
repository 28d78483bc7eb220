/** The result of {@link RefreshLock.run}: the task's value, or why the task did not run. */
export type LockOutcome<T> =
  | { readonly acquired: true; readonly value: T }
  | { readonly acquired: false; readonly reason: 'timeout' | 'unsupported' };

/** Options of {@link RefreshLock.run}. */
export interface RefreshLockOptions {
  /** How long to wait for the lock before giving up with `reason: 'timeout'`. */
  readonly timeoutMs: number;
}

/**
 * Mutual exclusion for "one tab refreshes for the browser": at most one task per lock name runs at a
 * time. A strategy behind an abstract class so that tests and platforms can swap it.
 *
 * Beside the lock, each tab may leave one short note for the tabs that take the lock after it.
 * Notes exist because localStorage is not a safe hand-over between tabs: Chromium keeps a copy of
 * it in each renderer process and brings the copies up to date asynchronously, so a tab granted
 * the lock can still read what the previous holder replaced. Notes live where the lock does and
 * are seen by whoever is granted the lock after the note was left.
 */
export abstract class RefreshLock {
  /**
   * Runs `task` while holding the lock `name`, waiting at most `options.timeoutMs` for it.
   * @param name the lock's name, shared by every tab that must not refresh concurrently
   * @param task the work to do under the lock; the lock is released when its promise settles
   * @param options how long to wait for the lock
   * @returns the task's value, or `{ acquired: false }` when the task did not run
   * @throws whatever `task` rejects with (the lock is released first)
   */
  abstract run<T>(
    name: string,
    task: () => Promise<T>,
    options: RefreshLockOptions,
  ): Promise<LockOutcome<T>>;

  /**
   * Leaves this tab's note beside the lock `name`, replacing its earlier one. Call it while holding
   * the lock: it resolves once a later holder is sure to see the note. Never rejects; a note that
   * cannot be left is simply missing.
   */
  abstract leaveNote(name: string, note: string): Promise<void>;

  /** The notes the live tabs left beside the lock `name` (this tab's included); never rejects. */
  abstract readNotes(name: string): Promise<string[]>;

  /** Takes this tab's note beside the lock `name` back (on sign-out). */
  abstract withdrawNote(name: string): void;
}

/** Separates a lock's name from a note in the name of the lock that carries the note. */
const NOTE_MARK = '#note:';

/**
 * A lock shared by every same-origin tab, worker and frame through the Web Locks API. A note is
 * the name of a second lock the tab keeps holding: the browser's lock manager is the one place
 * every tab sees in the same state, and it drops the note by itself when the tab goes away.
 */
export class WebLocksRefreshLock extends RefreshLock {
  /** This tab's current note per lock name: how to release it, and when it is released. */
  private readonly notesHeld = new Map<
    string,
    { readonly release: () => void; readonly released: Promise<unknown> }
  >();

  /** @param locks the lock manager, usually `navigator.locks` */
  constructor(private readonly locks: LockManager) {
    super();
  }

  override async leaveNote(name: string, note: string): Promise<void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let released: Promise<unknown> = Promise.resolve();
    const granted = await new Promise<boolean>((resolve) => {
      // Shared: two tabs may leave the same note. A fresh name is granted at once.
      released = this.locks
        .request(`${name}${NOTE_MARK}${note}`, { mode: 'shared' }, () => {
          resolve(true);
          return held;
        })
        .catch(() => resolve(false));
    });
    const previous = this.notesHeld.get(name);
    if (granted) this.notesHeld.set(name, { release, released });
    else this.notesHeld.delete(name);
    if (previous) {
      previous.release();
      await previous.released;
    }
  }

  override async readNotes(name: string): Promise<string[]> {
    const prefix = `${name}${NOTE_MARK}`;
    try {
      const { held = [] } = await this.locks.query();
      return held.flatMap(({ name: lockName }) =>
        lockName?.startsWith(prefix) ? [lockName.slice(prefix.length)] : [],
      );
    } catch {
      return [];
    }
  }

  override withdrawNote(name: string): void {
    this.notesHeld.get(name)?.release();
    this.notesHeld.delete(name);
  }

  override async run<T>(
    name: string,
    task: () => Promise<T>,
    { timeoutMs }: RefreshLockOptions,
  ): Promise<LockOutcome<T>> {
    let started = false;
    const underLock = async (lock: Lock | null): Promise<LockOutcome<T>> => {
      if (!lock) return { acquired: false, reason: 'timeout' };
      started = true;
      return { acquired: true, value: await task() };
    };
    // A zero wait is a try-lock; AbortSignal.timeout(0) would race the grant instead.
    const options: LockOptions =
      timeoutMs > 0
        ? { mode: 'exclusive', signal: AbortSignal.timeout(timeoutMs) }
        : { mode: 'exclusive', ifAvailable: true };
    try {
      return await this.locks.request(name, options, underLock);
    } catch (error) {
      // An error thrown by the task itself is the caller's business, whatever its name.
      if (started) throw error;
      const name = error instanceof DOMException ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') {
        return { acquired: false, reason: 'timeout' };
      }
      // Opaque origins (sandboxed frames, some file: pages) have a lock manager that always refuses.
      if (name === 'SecurityError') return { acquired: false, reason: 'unsupported' };
      throw error;
    }
  }
}

/**
 * The fallback where Web Locks are missing: tasks of one tab (one instance) with the same name run
 * one after the other, so a tab never has two refreshes in flight. Other tabs are not excluded,
 * and notes reach only the tasks of the same instance.
 */
export class PerTabRefreshLock extends RefreshLock {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly notes = new Map<string, string>();

  override async leaveNote(name: string, note: string): Promise<void> {
    this.notes.set(name, note);
  }

  override async readNotes(name: string): Promise<string[]> {
    const note = this.notes.get(name);
    return note === undefined ? [] : [note];
  }

  override withdrawNote(name: string): void {
    this.notes.delete(name);
  }

  override async run<T>(
    name: string,
    task: () => Promise<T>,
    { timeoutMs }: RefreshLockOptions,
  ): Promise<LockOutcome<T>> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    // Later callers wait for both the previous holder and this one, even if this one gives up.
    const tail = previous.then(() => turn);
    this.tails.set(name, tail);
    void tail.then(() => {
      if (this.tails.get(name) === tail) this.tails.delete(name);
    });
    if (!(await settlesWithin(previous, timeoutMs))) {
      release();
      return { acquired: false, reason: 'timeout' };
    }
    try {
      return { acquired: true, value: await task() };
    } finally {
      release();
    }
  }
}

function settlesWithin(promise: Promise<void>, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, timeoutMs));
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Picks the cross-tab Web Locks implementation when the browser has it, the per-tab fallback if not.
 * @param nav the navigator to inspect (a parameter so tests and frames can pass their own)
 * @returns a lock for "one refresh at a time"
 */
export function createRefreshLock(nav: Navigator = navigator): RefreshLock {
  const locks = (nav as Partial<Navigator>).locks;
  return locks && typeof locks.request === 'function' && typeof AbortSignal.timeout === 'function'
    ? new WebLocksRefreshLock(locks)
    : new PerTabRefreshLock();
}
