import type { RejectionReason } from './genesys-api-error';
import type { RateLimitedEndpoint, RateLimits } from './rate-limits';

/** A half-open interval of time in ms since the epoch: `[from, to)`. */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

/**
 * The intervals within `[from, to)` that no interval of `covered` covers — for a Genesys session,
 * the times it held no valid JWT.
 */
export function uncoveredIntervals(
  covered: readonly Interval[],
  from: number,
  to: number,
): Interval[] {
  const gaps: Interval[] = [];
  let cursor = from;
  for (const span of [...covered].sort((a, b) => a.from - b.from)) {
    if (span.to <= cursor) continue;
    if (span.from >= to) break;
    if (span.from > cursor) gaps.push({ from: cursor, to: Math.min(span.from, to) });
    cursor = Math.max(cursor, span.to);
    if (cursor >= to) break;
  }
  if (cursor < to) gaps.push({ from: cursor, to });
  return gaps;
}

/** What `GET /__sim/stats` reports about one session. */
export interface SessionStats {
  readonly id: string;
  readonly deploymentId: string;
  readonly subject: string;
  readonly createdAt: string;
  readonly endedAt?: string;
  readonly endReason?: string;
  readonly jwtsIssued: number;
  /** Intervals during which the session held no valid JWT (ISO times and length in seconds). */
  readonly gaps: readonly {
    readonly from: string;
    readonly to: string;
    readonly seconds: number;
  }[];
}

/** What `GET /__sim/stats` reports about one user across all of their sessions. */
export interface SubjectStats {
  readonly subject: string;
  readonly sessions: number;
  /**
   * Intervals during which the user held no valid JWT in any session, from their first sign-in
   * on, leaving out the time after a revocation (a sign-out) until they signed in again.
   */
  readonly gaps: readonly GapStats[];
}

/** One interval without a valid JWT. */
export interface GapStats {
  readonly from: string;
  readonly to: string;
  readonly seconds: number;
}

/** Counters of the token API. */
export interface TokenStats {
  readonly codesExchanged: number;
  readonly refreshes: number;
  readonly revokes: number;
  readonly rejections: Readonly<Partial<Record<RejectionReason, number>>>;
  /** The per-minute limits in force (`null`: none). */
  readonly limits: RateLimits;
  /** How many calls of each kind the limits refused with 429 (reason `rate-limited`). */
  readonly rateLimited: Readonly<Record<RateLimitedEndpoint, number>>;
  readonly sessions: readonly SessionStats[];
  readonly subjects: readonly SubjectStats[];
}

/** A time as an ISO string. */
export const iso = (ms: number): string => new Date(ms).toISOString();

/** The parts of the `windows` that no JWT interval covers, as reported. */
export function gapStats(jwts: readonly Interval[], windows: readonly Interval[]): GapStats[] {
  return mergeIntervals(windows)
    .flatMap((window) => uncoveredIntervals(jwts, window.from, window.to))
    .map((gap) => ({
      from: iso(gap.from),
      to: iso(gap.to),
      seconds: Math.round((gap.to - gap.from) / 1000),
    }));
}

function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const next of [...intervals].sort((a, b) => a.from - b.from)) {
    const last = merged[merged.length - 1];
    if (last && next.from <= last.to)
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, next.to) };
    else merged.push(next);
  }
  return merged;
}
