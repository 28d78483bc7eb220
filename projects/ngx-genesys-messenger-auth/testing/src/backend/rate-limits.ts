import { GenesysApiError } from './genesys-api-error';
import { requireObject } from './request-validation';

/** The token calls Genesys limits per minute (contract §4). */
export const RATE_LIMITED_ENDPOINTS = ['exchange', 'refresh', 'revoke'] as const;
/** One of {@link RATE_LIMITED_ENDPOINTS}. */
export type RateLimitedEndpoint = (typeof RATE_LIMITED_ENDPOINTS)[number];

/** Calls per minute and deployment allowed for each token call; `null`: no limit. */
export type RateLimits = Readonly<Record<RateLimitedEndpoint, number | null>>;

/** No limit on any call: the simulator's default. */
export const NO_RATE_LIMITS: RateLimits = { exchange: null, refresh: null, revoke: null };

/** The largest limit accepted, in calls per minute. */
export const MAX_RATE_LIMIT = 100_000;

/** The window the limits count calls in. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** The names of Genesys' own settings, used in the 429 message (contract §4). */
const SETTING: Record<RateLimitedEndpoint, string> = {
  exchange: 'exchange.token.rate.per.minute',
  refresh: 'refresh.token.rate.per.minute',
  revoke: 'revoke.token.rate.per.minute',
};

/**
 * Validates a change of limits (`POST /__sim/limits`, `--rate-limits`): an object whose keys are
 * token calls and whose values are `null` (no limit) or calls per minute, 1 to {@link MAX_RATE_LIMIT}.
 * @throws GenesysApiError a 400 naming the bad field
 */
export function parseRateLimits(body: unknown): Partial<RateLimits> {
  const given = requireObject(body, 'body');
  const changes: Partial<Record<RateLimitedEndpoint, number | null>> = {};
  for (const [key, value] of Object.entries(given)) {
    if (!(RATE_LIMITED_ENDPOINTS as readonly string[]).includes(key)) {
      throw GenesysApiError.malformed(
        `unknown limit ${key}; known: ${RATE_LIMITED_ENDPOINTS.join(', ')}`,
      );
    }
    const valid =
      value === null ||
      (typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= 1 &&
        value <= MAX_RATE_LIMIT);
    if (!valid) {
      throw GenesysApiError.malformed(
        `${key} must be null (no limit) or a whole number of calls per minute, 1–${MAX_RATE_LIMIT}`,
      );
    }
    changes[key as RateLimitedEndpoint] = value as number | null;
  }
  return changes;
}

/**
 * Genesys' per-minute limits on the token calls (contract §4), per deployment, over a sliding
 * one-minute window of the simulator's clock: a call is let through while fewer than `limit` calls
 * of the same kind and deployment were let through in the last 60 s. Every call let through counts,
 * also while no limit is set and whether or not it then succeeds; a refused call counts nothing,
 * so the window frees exactly `Retry-After` seconds later.
 */
export class RateLimiter {
  private readonly defaults: RateLimits;
  private limits: RateLimits;
  private readonly accepted = new Map<string, number[]>();
  private refused = zeroCounts();

  /**
   * @param clock the simulator's clock, ms since the epoch
   * @param configured the limits at start and after each reset (absent: no limit)
   */
  constructor(
    private readonly clock: () => number,
    configured: Partial<RateLimits> = {},
  ) {
    try {
      this.defaults = { ...NO_RATE_LIMITS, ...parseRateLimits(configured) };
    } catch (error) {
      throw new RangeError(`rateLimits: ${(error as Error).message}`);
    }
    this.limits = this.defaults;
  }

  /** The limits in force. */
  current(): RateLimits {
    return { ...this.limits };
  }

  /** Changes some limits (validated by {@link parseRateLimits}); returns the limits in force. */
  set(changes: Partial<RateLimits>): RateLimits {
    this.limits = { ...this.limits, ...changes };
    return this.current();
  }

  /** How many calls of each kind the limits refused. */
  refusals(): Readonly<Record<RateLimitedEndpoint, number>> {
    return { ...this.refused };
  }

  /**
   * Lets one call through and counts it, or refuses it.
   * @throws GenesysApiError a 429 `too.many.requests` with `retryAfterSeconds`, reason `rate-limited`
   */
  take(endpoint: RateLimitedEndpoint, deploymentId: string): void {
    const now = this.clock();
    const key = `${endpoint} ${deploymentId}`;
    // A clock moved back leaves calls "in the future"; they no longer count.
    const inWindow = (this.accepted.get(key) ?? []).filter(
      (at) => at > now - RATE_LIMIT_WINDOW_MS && at <= now,
    );
    this.accepted.set(key, inWindow);
    const limit = this.limits[endpoint];
    if (limit !== null && inWindow.length >= limit) {
      this.refused[endpoint]++;
      const frees = inWindow[inWindow.length - limit] + RATE_LIMIT_WINDOW_MS;
      const retryAfterSeconds = Math.max(1, Math.ceil((frees - now) / 1000));
      throw new GenesysApiError(
        429,
        'too.many.requests',
        `Too many requests: rate limit exceeded the maximum [${limit}] requests within [60] seconds ` +
          `(${SETTING[endpoint]}); retry in ${retryAfterSeconds} s`,
        'rate-limited',
        retryAfterSeconds,
      );
    }
    inWindow.push(now);
  }

  /** Back to the configured limits, with empty windows and no refusals. */
  reset(): void {
    this.limits = this.defaults;
    this.accepted.clear();
    this.refused = zeroCounts();
  }
}

function zeroCounts(): Record<RateLimitedEndpoint, number> {
  return { exchange: 0, refresh: 0, revoke: 0 };
}
