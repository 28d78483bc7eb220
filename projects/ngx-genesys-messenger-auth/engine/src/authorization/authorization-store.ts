import {
  ɵMAX_PENDING_AGE_MS as MAX_PENDING_AGE_MS,
  ɵPendingAuthorizations as PendingAuthorizations,
  ɵreadList as readList,
  ɵwriteList as writeList,
  type ɵPendingAuthorization as PendingAuthorization,
} from 'ngx-genesys-messenger-auth/core';

/** The navigations the bridge guards: each at most once per re-authentication window. */
export type GuardedNavigation = 'silent-redirect' | 'interactive';

/**
 * Where the bridge keeps what must survive a full-page redirect, in this tab's sessionStorage
 * (like the portal's own OIDC library): its authorization attempts until their answers arrive,
 * when it last navigated to the IdP, and the codes Messenger got since it was last signed in
 * (the loop guard, DESIGN.md "The recovery policy"). Reading the attempts is shared with the
 * start-up capture (`PendingAuthorizations` in /core).
 */
export class AuthorizationStore extends PendingAuthorizations {
  private readonly handoversKey: string;
  private readonly prefix: string;

  constructor(storage: Storage, namespace: string) {
    super(storage, namespace);
    this.prefix = namespace;
    this.handoversKey = `${namespace}:handovers`;
  }

  /** Keeps an attempt until its answer arrives; attempts older than 10 minutes are dropped. */
  save(pending: PendingAuthorization, now: number): void {
    const kept = this.all().filter((p) => now - p.createdAt < MAX_PENDING_AGE_MS);
    writeList(this.storage, this.pendingKey, [...kept, pending]);
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
    writeList(this.storage, this.handoversKey, [
      ...readList<number>(this.storage, this.handoversKey),
      now,
    ]);
  }

  /**
   * How many codes Messenger got in a row since it was last signed in: the latest within the
   * window before now, each earlier one within the window before the next. A loop that runs slowly
   * (throttled timers, backoff) still counts; a quiet window ends the streak.
   */
  handoverStreak(windowMs: number, now: number): number {
    const newestFirst = readList<number>(this.storage, this.handoversKey).sort((a, b) => b - a);
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
}
