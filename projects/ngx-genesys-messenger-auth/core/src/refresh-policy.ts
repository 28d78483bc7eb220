import { invalidConfigError, unknownFieldError } from './errors';
import { DEV_MODE } from './dev-mode';
import { readJwtTimes } from './jwt-claims';
import { fingerprint } from './redaction';

/** When to refresh the Genesys JWT and how to retry. All durations in milliseconds. */
export interface RefreshPolicy {
  /** How long before expiry to refresh, for long-lived JWTs. */
  readonly leadMs: number;
  /** The largest share of a JWT's lifetime the lead may take, in (0, 1). */
  readonly maxLeadFraction: number;
  /** The shortest lead (unless the lifetime is so short that half of it is shorter). */
  readonly minLeadMs: number;
  /** The first retry delay after a transient failure (before jitter). */
  readonly backoffBaseMs: number;
  /** The longest retry delay (before jitter). */
  readonly backoffCapMs: number;
  /** How long a tab waits for the cross-tab refresh lock before giving up on this round. */
  readonly lockTimeoutMs: number;
}

/** The policy used for every field the configuration leaves out. */
export const DEFAULT_REFRESH_POLICY: RefreshPolicy = Object.freeze({
  leadMs: 60_000,
  maxLeadFraction: 0.25,
  minLeadMs: 5_000,
  backoffBaseMs: 1_000,
  backoffCapMs: 30_000,
  lockTimeoutMs: 10_000,
});

/** The longest delay `setTimeout` honours; a longer one fires at once. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

const POLICY_FIELDS = Object.keys(DEFAULT_REFRESH_POLICY) as (keyof RefreshPolicy)[];

function checkDuration(field: keyof RefreshPolicy, value: number, min: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw invalidConfigError(`refresh.${field}`, DEV_MODE && `a finite number ≥ ${min}`, value);
  }
  if (value > MAX_TIMER_DELAY_MS) {
    throw invalidConfigError(
      `refresh.${field}`,
      DEV_MODE && `at most ${MAX_TIMER_DELAY_MS} (2^31 − 1)`,
      value,
    );
  }
}

/**
 * Completes a partial refresh policy with {@link DEFAULT_REFRESH_POLICY} and checks it.
 * Fields present with the value `undefined` count as left out.
 * @param policy the configured fields (`config.refresh`)
 * @returns the complete policy
 * @throws MessengerAuthError `INVALID_CONFIG` naming the field (`refresh.leadMs`, ...) when a field
 *   is unknown, `policy` is not an object, a duration is not a finite number ≥ 0 (backoff base and lock timeout: ≥ 1) or over
 *   2^31 − 1, `maxLeadFraction` is outside (0, 1), `minLeadMs > leadMs` or `backoffCapMs <
 *   backoffBaseMs`
 */
export function validateRefreshPolicy(policy: Partial<RefreshPolicy> = {}): RefreshPolicy {
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
    throw invalidConfigError('refresh', DEV_MODE && 'an object', policy);
  }
  for (const key of Object.keys(policy)) {
    if (!(POLICY_FIELDS as string[]).includes(key)) {
      throw unknownFieldError('refresh', key, POLICY_FIELDS);
    }
  }
  const defined = Object.fromEntries(
    Object.entries(policy).filter(([, value]) => value !== undefined),
  ) as Partial<RefreshPolicy>;
  const resolved: RefreshPolicy = { ...DEFAULT_REFRESH_POLICY, ...defined };

  checkDuration('leadMs', resolved.leadMs, 0);
  checkDuration('minLeadMs', resolved.minLeadMs, 0);
  // A zero base would retry in a tight loop; a zero lock timeout could never be met.
  checkDuration('backoffBaseMs', resolved.backoffBaseMs, 1);
  checkDuration('backoffCapMs', resolved.backoffCapMs, 1);
  checkDuration('lockTimeoutMs', resolved.lockTimeoutMs, 1);
  const fraction = resolved.maxLeadFraction;
  if (typeof fraction !== 'number' || !(fraction > 0 && fraction < 1)) {
    throw invalidConfigError(
      'refresh.maxLeadFraction',
      DEV_MODE && 'a number between 0 and 1, exclusive',
      fraction,
    );
  }
  if (resolved.minLeadMs > resolved.leadMs) {
    throw invalidConfigError(
      'refresh.minLeadMs',
      DEV_MODE && `at most refresh.leadMs (${resolved.leadMs})`,
      resolved.minLeadMs,
    );
  }
  if (resolved.backoffCapMs < resolved.backoffBaseMs) {
    throw invalidConfigError(
      'refresh.backoffCapMs',
      DEV_MODE && `at least refresh.backoffBaseMs (${resolved.backoffBaseMs})`,
      resolved.backoffCapMs,
    );
  }
  return Object.freeze(resolved);
}

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
