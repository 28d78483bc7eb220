import {
  fingerprint,
  observeJwt,
  observeStoredJwt,
  type JwtArrival,
  type JwtObservation,
  messengerTokenKeys,
} from 'ngx-genesys-messenger-auth/core';

/**
 * Knows which JWT Messenger holds and since when, in this tab's clock. Arrival times are kept in
 * localStorage beside Messenger's tokens (by fingerprint, never the token), so another tab or the
 * next page load can schedule from the true arrival instead of guessing from `exp`.
 */
export class JwtTracker {
  private readonly arrivalKey: string;
  private readonly keys: ReturnType<typeof messengerTokenKeys>;
  private expectingArrival = false;
  /** Whether Messenger's tokens were ever seen where the tracker looks for them. */
  private storageReadable = false;

  constructor(
    private readonly storage: Storage,
    deploymentId: string,
    private readonly now: () => number,
  ) {
    this.arrivalKey = `ngma:${deploymentId}:jwt-arrival`;
    this.keys = messengerTokenKeys(deploymentId);
  }

  /** The JWT in Messenger's storage, if it can be read there. */
  storedJwt(): string | null {
    const jwt = this.storage.getItem(this.keys.jwt);
    if (jwt !== null) this.storageReadable = true;
    return jwt;
  }

  /**
   * Whether Messenger may hold a refresh token: its storage shows one, or this tab has never seen
   * Messenger's tokens there (Messenger may keep them elsewhere). Storage that showed a JWT and now
   * shows neither was cleared: nothing is left to refresh with.
   */
  mayHaveRefreshToken(): boolean {
    if (this.storage.getItem(this.keys.refreshToken) !== null) return true;
    return this.storedJwt() === null && !this.storageReadable;
  }

  /** Messenger is about to get a new JWT (a code or a refresh is on its way to Genesys). */
  expectArrival(): void {
    this.expectingArrival = true;
  }

  /**
   * The JWT Messenger announces (`Auth.authenticated`): one that arrives just now when one was
   * expected, else one whose arrival this tab did not see.
   * @param jwt the announced JWT; absent, the one in storage
   */
  announced(jwt: string | undefined): JwtObservation | undefined {
    if (jwt && this.expectingArrival) return this.arrived(jwt);
    const observation = jwt ? this.known(jwt) : this.current();
    if (observation) this.expectingArrival = false;
    return observation;
  }

  /** A JWT that arrived just now: observed from now, and the arrival recorded for the others. */
  arrived(jwt: string): JwtObservation | undefined {
    this.expectingArrival = false;
    const observation = observeJwt(jwt, this.now());
    if (observation)
      this.record({ fingerprint: observation.fingerprint, receivedAt: observation.receivedAt });
    return observation;
  }

  /** A JWT whose arrival this tab did not see (storage, a replayed event, another tab). */
  known(jwt: string): JwtObservation | undefined {
    return this.withArrival(jwt, this.readArrival());
  }

  /**
   * A JWT another tab reports having received at `receivedAt` (that tab's clock, which is this
   * machine's clock too). An arrival later than now — the clock was set back — counts as now,
   * which can only bring the refresh forward.
   */
  withArrival(jwt: string, arrival: JwtArrival | undefined): JwtObservation | undefined {
    const now = this.now();
    const usable = arrival && arrival.receivedAt > now ? { ...arrival, receivedAt: now } : arrival;
    return observeStoredJwt(jwt, now, usable);
  }

  /** The JWT Messenger's storage holds now, observed as well as can be known. */
  current(): JwtObservation | undefined {
    const jwt = this.storedJwt();
    return jwt ? this.known(jwt) : undefined;
  }

  /**
   * The note a tab leaves beside the refresh lock after a refresh: which JWT arrived when, and
   * for how long it lives (never the JWT itself).
   */
  noteOf({ fingerprint: print, receivedAt, lifetimeMs }: JwtObservation): string {
    return JSON.stringify({ fingerprint: print, receivedAt, lifetimeMs });
  }

  /**
   * What this tab knows under the refresh lock from its storage and the notes other tabs left
   * beside the lock. A note about the JWT storage shows may date its arrival later (its lifetime
   * stays the JWT's own, so no note can postpone a refresh beyond it). A note about another, newer
   * JWT is not believed — its JWT was never seen here — but says this tab's copy of storage may lag
   * behind (as Chromium's per-process copies do): the caller may look again shortly.
   * @param notes the notes left beside the lock (unreadable ones are ignored)
   * @returns the JWT storage shows (none: Messenger is signed out, whatever the notes say), and
   *   whether a note tells of a newer one storage does not show yet
   */
  underLock(notes: readonly string[]): {
    readonly current: JwtObservation | undefined;
    readonly lagging: boolean;
  } {
    let current = this.current();
    let lagging = false;
    if (!current) return { current, lagging };
    for (const note of notes) {
      const noted = this.fromNote(note);
      if (!noted || noted.receivedAt <= current.receivedAt) continue;
      if (noted.fingerprint !== current.fingerprint) lagging = true;
      else
        current = {
          ...current,
          receivedAt: noted.receivedAt,
          expiresAt: noted.receivedAt + current.lifetimeMs,
        };
    }
    return { current, lagging };
  }

  /** Forgets the arrival record (sign-out), unless it dates the JWT storage shows now. */
  clear(): void {
    const jwt = this.storedJwt();
    if (jwt && this.readArrival()?.fingerprint === fingerprint(jwt)) return;
    this.storage.removeItem(this.arrivalKey);
  }

  private record(arrival: JwtArrival): void {
    this.storage.setItem(this.arrivalKey, JSON.stringify(arrival));
  }

  private fromNote(note: string): JwtObservation | undefined {
    let value: Partial<Record<'fingerprint' | 'receivedAt' | 'lifetimeMs', unknown>> | null;
    try {
      value = JSON.parse(note) as typeof value;
    } catch {
      return undefined;
    }
    const { fingerprint: print, receivedAt, lifetimeMs } = value ?? {};
    if (
      typeof print !== 'string' ||
      typeof receivedAt !== 'number' ||
      !Number.isFinite(receivedAt) ||
      typeof lifetimeMs !== 'number' ||
      !(lifetimeMs > 0 && lifetimeMs < Number.MAX_SAFE_INTEGER)
    ) {
      return undefined;
    }
    const arrival = Math.min(receivedAt, this.now());
    return { fingerprint: print, lifetimeMs, receivedAt: arrival, expiresAt: arrival + lifetimeMs };
  }

  private readArrival(): JwtArrival | undefined {
    try {
      const value: unknown = JSON.parse(this.storage.getItem(this.arrivalKey) ?? 'null');
      const arrival = value as Partial<JwtArrival> | null;
      return typeof arrival?.fingerprint === 'string' && typeof arrival.receivedAt === 'number'
        ? { fingerprint: arrival.fingerprint, receivedAt: arrival.receivedAt }
        : undefined;
    } catch {
      // A damaged record only costs the conservative estimate.
      return undefined;
    }
  }
}
