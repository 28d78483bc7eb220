import type { PendingAuthorization } from './authorization-request';

/** How long an authorization attempt waits for its answer; older answers are refused. */
export const MAX_PENDING_AGE_MS = 10 * 60_000;

/** The navigations the bridge guards: each at most once per re-authentication window. */
export type GuardedNavigation = 'silent-redirect' | 'interactive';

/**
 * Where the bridge keeps what must survive a full-page redirect, in this tab's sessionStorage
 * (like the portal's own OIDC library): its authorization attempts until their answers arrive,
 * when it last navigated to the IdP, and the codes Messenger got since it was last signed in
 * (the loop guard, DESIGN.md "The recovery policy").
 */
export class AuthorizationStore {
  private readonly pendingKey: string;
  private readonly handoversKey: string;
  private readonly prefix: string;

  constructor(
    private readonly storage: Storage,
    namespace: string,
  ) {
    this.prefix = namespace;
    this.pendingKey = `${namespace}:pending-authorizations`;
    this.handoversKey = `${namespace}:handovers`;
  }

  /** Keeps an attempt until its answer arrives; attempts older than 10 minutes are dropped. */
  save(pending: PendingAuthorization, now: number): void {
    const kept = this.read<PendingAuthorization>(this.pendingKey).filter(
      (p) => now - p.createdAt < MAX_PENDING_AGE_MS,
    );
    this.write(this.pendingKey, [...kept, pending]);
  }

  /** Removes and returns the attempt with this state, if there is one. */
  take(state: string): PendingAuthorization | undefined {
    const all = this.read<PendingAuthorization>(this.pendingKey);
    const found = all.find((p) => p.state === state);
    if (found)
      this.write(
        this.pendingKey,
        all.filter((p) => p !== found),
      );
    return found;
  }

  /** Whether an attempt with this state is waiting (without taking it). */
  has(state: string): boolean {
    return this.read<PendingAuthorization>(this.pendingKey).some((p) => p.state === state);
  }

  /** Records that the page navigated to the IdP now. */
  recordNavigation(kind: GuardedNavigation, now: number): void {
    this.storage.setItem(this.navigationKey(kind), String(now));
  }

  /** When the page last navigated to the IdP this way, if ever in this tab. */
  lastNavigation(kind: GuardedNavigation): number | undefined {
    const value = Number(this.storage.getItem(this.navigationKey(kind)));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  }

  /** Records that a code was handed to Messenger now. */
  recordHandover(now: number): void {
    this.write(this.handoversKey, [...this.read<number>(this.handoversKey), now]);
  }

  /**
   * How many codes Messenger got in a row since it was last signed in: the latest within the
   * window before now, each earlier one within the window before the next. A loop that runs slowly
   * (throttled timers, backoff) still counts; a quiet window ends the streak.
   */
  handoverStreak(windowMs: number, now: number): number {
    const newestFirst = this.read<number>(this.handoversKey).sort((a, b) => b - a);
    let count = 0;
    let later = now;
    for (const at of newestFirst) {
      if (later - at >= windowMs) break;
      count++;
      later = at;
    }
    return count;
  }

  /** Messenger is signed in: the codes it got did their job. */
  clearHandovers(): void {
    this.storage.removeItem(this.handoversKey);
  }

  /** The user asked to sign in: the guards start afresh. */
  clearGuards(): void {
    this.clearHandovers();
    this.storage.removeItem(this.navigationKey('silent-redirect'));
    this.storage.removeItem(this.navigationKey('interactive'));
  }

  private navigationKey(kind: GuardedNavigation): string {
    return kind === 'interactive'
      ? `${this.prefix}:interactive-logins`
      : `${this.prefix}:silent-redirects`;
  }

  private read<T>(key: string): T[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as T[]) : [];
    } catch {
      // A damaged entry is as good as none: the guard or the attempt starts again.
      return [];
    }
  }

  private write(key: string, values: readonly unknown[]): void {
    if (values.length) this.storage.setItem(key, JSON.stringify(values));
    else this.storage.removeItem(key);
  }
}
