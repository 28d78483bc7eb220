import { MAX_TIMER_DELAY_MS, type RefreshPolicy } from 'ngx-genesys-messenger-auth/core/startup';
import { readJwtTimes } from './jwt-claims';
import { fingerprint } from './redaction';

/**
 * How long before expiry a JWT of the given lifetime is refreshed:
 *
 *     lead = max( min(leadMs, maxLeadFraction × lifetime), min(minLeadMs, lifetime / 2) )
 *
 * The configured lead is scaled down for short lifetimes (a 60 s lead on a 60 s JWT would refresh
 * at once, for ever), the floor keeps a margin for latency and late timers, and the floor itself
 * shrinks to half the lifetime for tiny lifetimes. As `maxLeadFraction < 1` and `1/2 < 1`, the lead
 * is always strictly below the lifetime, so every JWT is used for a while before it is replaced.
 * With the defaults: 1 s → 0.5 s, 10 s → 5 s, 60 s → 15 s, 300 s and 900 s → 60 s.
 * @param lifetimeMs the JWT's lifetime (`exp − iat`) in ms
 * @param policy the refresh policy
 * @returns the lead in ms; 0 for a lifetime that is not a positive finite number
 */
export function leadTimeMs(
  lifetimeMs: number,
  policy: Pick<RefreshPolicy, 'leadMs' | 'maxLeadFraction' | 'minLeadMs'>,
): number {
  if (!(lifetimeMs > 0 && Number.isFinite(lifetimeMs))) return 0;
  const scaled = Math.min(policy.leadMs, policy.maxLeadFraction * lifetimeMs);
  const floor = Math.min(policy.minLeadMs, lifetimeMs / 2);
  return Math.max(scaled, floor);
}

/** What the bridge knows about one JWT, with times in the LOCAL clock (ms since the epoch). */
export interface JwtObservation {
  /** The JWT's {@link fingerprint}, for logs and to match arrival records. */
  readonly fingerprint: string;
  /** `exp − iat` in ms: the lifetime the issuer granted, independent of any clock's offset. */
  readonly lifetimeMs: number;
  /** When the JWT arrived (or, for an uncertain stored one, when it is assumed to have). */
  readonly receivedAt: number;
  /** When the JWT expires, by the local clock: `receivedAt + lifetimeMs` or an earlier estimate. */
  readonly expiresAt: number;
}

function lifetimeOf(jwt: string): number | undefined {
  const times = readJwtTimes(jwt);
  return times && (times.exp - times.iat) * 1000;
}

/**
 * Observes a JWT that has just arrived (from `Auth.authenticated` or `Auth.refreshToken`).
 *
 * Only the difference `exp − iat` is taken from the issuer; it is added to the local arrival time.
 * A client clock hours off therefore gives the same refresh schedule as a correct one, whereas
 * comparing `exp` with `Date.now()` would refresh hours late (or at once, for ever). The price is
 * that the JWT's transit time counts as lifetime; the lead time covers it.
 * @param jwt the JWT
 * @param receivedAt the local time (ms) it arrived
 * @returns the observation, or undefined when the JWT is malformed
 */
export function observeJwt(jwt: string, receivedAt: number): JwtObservation | undefined {
  const lifetimeMs = lifetimeOf(jwt);
  if (lifetimeMs === undefined) return undefined;
  return {
    fingerprint: fingerprint(jwt),
    lifetimeMs,
    receivedAt,
    expiresAt: receivedAt + lifetimeMs,
  };
}

/** A record of when a JWT arrived, kept beside it (e.g. in storage shared by the tabs). */
export interface JwtArrival {
  /** The {@link fingerprint} of the JWT that arrived. */
  readonly fingerprint: string;
  /** The local time (ms) it arrived. */
  readonly receivedAt: number;
}

/**
 * Observes a JWT found in storage (left by an earlier page or another tab), whose arrival this page
 * did not see.
 *
 * - With an arrival record for this very JWT (same fingerprint) taken no later than `now`, the
 *   record is used as if the JWT had just been observed: the clock-independent answer.
 * - Otherwise only the issuer's `iat`/`exp` are left, in a clock whose offset from the local one
 *   is unknown: a local clock minutes behind would read `exp` minutes too late and refresh late by
 *   as much, every time. Nothing can be vouched for, so the JWT is taken as expiring now
 *   (`expiresAt = now`) and is therefore due: an early refresh costs one request, a late one
 *   costs the session. (A record dated after `now` — the clock went back — counts as none.)
 * @param jwt the stored JWT
 * @param now the local time (ms)
 * @param arrival the arrival record kept with the stored JWT, if any
 * @returns the observation, or undefined when the JWT is malformed
 */
export function observeStoredJwt(
  jwt: string,
  now: number,
  arrival?: JwtArrival,
): JwtObservation | undefined {
  const times = readJwtTimes(jwt);
  if (!times) return undefined;
  const print = fingerprint(jwt);
  const lifetimeMs = (times.exp - times.iat) * 1000;
  if (
    arrival?.fingerprint === print &&
    Number.isFinite(arrival.receivedAt) &&
    arrival.receivedAt <= now
  ) {
    return observeJwt(jwt, arrival.receivedAt);
  }
  return { fingerprint: print, lifetimeMs, receivedAt: now - lifetimeMs, expiresAt: now };
}

/**
 * The local time at which a JWT should be refreshed: its expiry minus {@link leadTimeMs}.
 * @returns ms since the epoch, local clock
 */
export function refreshDeadline(observation: JwtObservation, policy: RefreshPolicy): number {
  return observation.expiresAt - leadTimeMs(observation.lifetimeMs, policy);
}

/**
 * Whether a JWT is due for refresh at `now` (its refresh deadline has come).
 * @param now the local time (ms)
 */
export function isDue(observation: JwtObservation, policy: RefreshPolicy, now: number): boolean {
  return now >= refreshDeadline(observation, policy);
}

/**
 * The `setTimeout` delay that aims at a deadline: clamped to [0, {@link MAX_TIMER_DELAY_MS}], since
 * a longer delay fires at once. A deadline past or not a number gives 0. The timer's callback must
 * re-check the wall clock: timers fire late in hidden tabs and after sleep, and a clamped one early.
 * @param deadline the local time (ms) to aim at
 * @param now the local time (ms)
 * @returns the delay in ms
 */
export function timerDelay(deadline: number, now: number): number {
  const delay = deadline - now;
  if (!(delay > 0)) return 0;
  return Math.min(delay, MAX_TIMER_DELAY_MS);
}
