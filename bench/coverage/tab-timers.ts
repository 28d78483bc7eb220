/*
 * The timers of one browser tab in the coverage benchmark, throttled as Chrome throttles a
 * hidden page, on top of jest's fake timers. Everything a strategy or the bridge waits for in a
 * tab goes through here, so its wake-ups can be counted.
 */
import { Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs';

/** Chrome aligns the timers of a hidden page to whole seconds. */
export const HIDDEN_ALIGNMENT_MS = 1000;
/** After this long hidden, chained timers are aligned to whole minutes (intensive throttling). */
export const INTENSIVE_AFTER_MS = 5 * 60_000;
/** The alignment of chained timers under intensive throttling. */
export const INTENSIVE_ALIGNMENT_MS = 60_000;

/** What the timers need to know about their page. */
export interface TimerPage {
  /** The page's monotonic time (ms): the wall clock minus the time the laptop slept. */
  monotonic(): number;
  /** Since when (monotonic ms) the page has been hidden; null while it is visible. */
  hiddenSince(): number | null;
}

interface Pending {
  readonly callback: () => void;
  /** When it asked to run, in monotonic ms. */
  due: number;
  /** Whether it was set from a timer callback (or repeats): Chrome's "chained" timers. */
  readonly chained: boolean;
  readonly intervalMs?: number;
  handle?: ReturnType<typeof setTimeout>;
}

const ceilTo = (ms: number, step: number) => Math.ceil(ms / step) * step;

/**
 * When a timer due at `due` runs (monotonic ms): at once when due in a visible page; in a hidden
 * one at the next whole second, or — chained and hidden for five minutes by then — the next whole
 * minute (https://developer.chrome.com/blog/timer-throttling-in-chrome-88).
 */
export function throttledFireTime(
  due: number,
  now: number,
  hiddenSince: number | null,
  chained: boolean,
): number {
  const earliest = Math.max(due, now);
  if (hiddenSince === null) return earliest;
  if (chained && earliest >= hiddenSince + INTENSIVE_AFTER_MS) {
    return ceilTo(earliest, INTENSIVE_ALIGNMENT_MS);
  }
  return ceilTo(earliest, HIDDEN_ALIGNMENT_MS);
}

/** One tab's `setTimeout`/`setInterval` and an RxJS scheduler over them, counting wake-ups. */
export class TabTimers {
  /** How many timer callbacks this tab ran. */
  wakeups = 0;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private inCallback = false;
  private suspended = false;
  /** The tab's RxJS scheduler (what the bridge's `scheduler` dependency is given). */
  readonly scheduler: SchedulerLike = {
    now: () => Date.now(),
    schedule: <T>(
      work: (this: SchedulerAction<T>, state?: T) => void,
      delay = 0,
      state?: T,
    ): Subscription => new TabAction(this, work).schedule(state, delay),
  };

  constructor(private readonly page: TimerPage) {}

  setTimeout(callback: () => void, delayMs: number): number {
    return this.add({ callback, due: this.page.monotonic() + Math.max(0, delayMs) });
  }

  setInterval(callback: () => void, intervalMs: number): number {
    const due = this.page.monotonic() + intervalMs;
    return this.add({ callback, due, intervalMs, chained: true });
  }

  clear(id: number | undefined): void {
    if (id === undefined) return;
    const timer = this.pending.get(id);
    if (timer?.handle !== undefined) clearTimeout(timer.handle);
    this.pending.delete(id);
  }

  /** Aims every pending timer again (the page was hidden or shown). */
  retime(): void {
    for (const timer of this.pending.values()) this.arm(timer);
  }

  /** The laptop sleeps: no timer runs until {@link resume}. */
  suspend(): void {
    this.suspended = true;
    for (const timer of this.pending.values()) {
      if (timer.handle !== undefined) clearTimeout(timer.handle);
      timer.handle = undefined;
    }
  }

  /** The laptop woke up: timers run when their (monotonic) time comes. */
  resume(): void {
    this.suspended = false;
    this.retime();
  }

  /** Stops every timer (the tab closed or navigated away). */
  clearAll(): void {
    for (const id of [...this.pending.keys()]) this.clear(id);
  }

  private add(init: Omit<Pending, 'chained'> & { chained?: boolean }): number {
    const id = this.nextId++;
    const timer: Pending = { ...init, chained: init.chained ?? this.inCallback };
    this.pending.set(id, timer);
    this.arm(timer, id);
    return id;
  }

  private arm(timer: Pending, id?: number): void {
    if (timer.handle !== undefined) clearTimeout(timer.handle);
    timer.handle = undefined;
    if (this.suspended) return;
    const now = this.page.monotonic();
    const at = throttledFireTime(timer.due, now, this.page.hiddenSince(), timer.chained);
    const key = id ?? this.keyOf(timer);
    timer.handle = setTimeout(() => this.fire(key), at - now);
  }

  private keyOf(timer: Pending): number {
    for (const [id, candidate] of this.pending) if (candidate === timer) return id;
    throw new Error('TabTimers: timer not pending');
  }

  private fire(id: number): void {
    const timer = this.pending.get(id);
    if (!timer) return;
    timer.handle = undefined;
    if (timer.intervalMs === undefined) this.pending.delete(id);
    else {
      // Chrome aims a repeating timer's next run from the moment this one ran.
      timer.due = this.page.monotonic() + timer.intervalMs;
      this.arm(timer, id);
    }
    this.wakeups++;
    this.inCallback = true;
    try {
      timer.callback();
    } finally {
      this.inCallback = false;
    }
  }
}

/** An RxJS action on a tab's timers: rescheduling from its own work makes a chained timer. */
class TabAction<T> extends Subscription implements SchedulerAction<T> {
  private id?: number;

  constructor(
    private readonly timers: TabTimers,
    private readonly work: (this: SchedulerAction<T>, state?: T) => void,
  ) {
    super();
  }

  schedule(state?: T, delay = 0): Subscription {
    if (this.closed) return this;
    this.timers.clear(this.id);
    this.id = this.timers.setTimeout(() => {
      this.id = undefined;
      this.work.call(this, state);
    }, delay);
    return this;
  }

  override unsubscribe(): void {
    this.timers.clear(this.id);
    this.id = undefined;
    super.unsubscribe();
  }
}
