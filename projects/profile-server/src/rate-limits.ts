/** How many requests one client address may make per minute, per API. */

/** Requests per minute and client address. */
export interface RateLimits {
  /** To `/admin` (counted before the token is checked). */
  readonly adminPerMinute: number;
  /** To the anonymous portal document. */
  readonly portalPerMinute: number;
}

/**
 * Generous enough for a team of admins, the demo portals and the test suites (which all come from
 * 127.0.0.1), low enough to stop a flood or a token-guessing loop.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { adminPerMinute: 600, portalPerMinute: 1200 };
