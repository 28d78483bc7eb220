import type { PendingAuthorization } from './authorization-request';

const MAX_PENDING_AGE_MS = 10 * 60_000;

/**
 * Where the bridge keeps its authorization attempts across the redirect to the IdP (this tab's
 * sessionStorage, like the portal's own OIDC library) and when it last sent the user to a login
 * page (the loop guard).
 */
export class AuthorizationStore {
  private readonly pendingKey: string;
  private readonly loginKey: string;

  constructor(
    private readonly storage: Storage,
    namespace: string,
  ) {
    this.pendingKey = `${namespace}:pending-authorizations`;
    this.loginKey = `${namespace}:interactive-logins`;
  }

  /** Keeps an attempt until its answer arrives; attempts older than 10 minutes are dropped. */
  save(pending: PendingAuthorization, now: number): void {
    const kept = this.read().filter((p) => now - p.createdAt < MAX_PENDING_AGE_MS);
    this.write([...kept, pending]);
  }

  /** Removes and returns the attempt with this state, if there is one. */
  take(state: string): PendingAuthorization | undefined {
    const all = this.read();
    const found = all.find((p) => p.state === state);
    if (found) this.write(all.filter((p) => p !== found));
    return found;
  }

  /** Whether an attempt with this state is waiting (without taking it). */
  has(state: string): boolean {
    return this.read().some((p) => p.state === state);
  }

  /** Records that the user was sent to an interactive login now. */
  recordInteractiveLogin(now: number): void {
    this.storage.setItem(this.loginKey, String(now));
  }

  /** When the user was last sent to an interactive login, if ever in this tab. */
  lastInteractiveLogin(): number | undefined {
    const value = Number(this.storage.getItem(this.loginKey));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  }

  private read(): PendingAuthorization[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(this.pendingKey) ?? '[]');
      return Array.isArray(parsed) ? (parsed as PendingAuthorization[]) : [];
    } catch {
      // A damaged entry is as good as none: the attempt will be started again.
      return [];
    }
  }

  private write(pending: PendingAuthorization[]): void {
    if (pending.length) this.storage.setItem(this.pendingKey, JSON.stringify(pending));
    else this.storage.removeItem(this.pendingKey);
  }
}
