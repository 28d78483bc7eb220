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

/**
 * One JWT of a session, in ms of the simulator's clock: valid from the moment it was issued (not
 * its `iat`, which is whole seconds) until its `exp` claim, or until the session was revoked.
 */
export interface JwtRecord extends Interval {
  readonly jti: string;
}

/** What the token service keeps of one Genesys session; times in ms of the simulator's clock. */
export interface SessionRecord {
  readonly id: string;
  readonly deploymentId: string;
  readonly subject: string;
  readonly createdAt: number;
  readonly refreshToken?: string;
  readonly refreshExpiresAt: number;
  idpRefreshToken?: string;
  readonly jwts: JwtRecord[];
  /** One per refresh served, in order: see {@link SessionStats.refreshMargins}. */
  readonly refreshMargins: number[];
  endedAt?: number;
  endReason?: string;
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
  /**
   * For each refresh Genesys served in this session, in order: how long before the expiry of the
   * session's previous JWT (the one issued last before it) the refresh call arrived, in ms of the
   * simulator's clock. Negative when it arrived after that expiry (a late refresh, a gap).
   * Refused refreshes (a fault, a 429, a 400) have none.
   */
  readonly refreshMargins: readonly number[];
  /** Intervals during which the session held no valid JWT, to the ms. */
  readonly gaps: readonly GapStats[];
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
  /** Its start, an ISO time with ms. */
  readonly from: string;
  /** Its end (excluded), an ISO time with ms. */
  readonly to: string;
  /** Its length in ms. */
  readonly ms: number;
  /** Its length in seconds, `ms / 1000` (not rounded: a 400 ms gap is 0.4). */
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
  /** The smallest refresh margin of all sessions, in ms; `null` while no refresh was served. */
  readonly minRefreshMarginMs: number | null;
}

/** A time as an ISO string. */
export const iso = (ms: number): string => new Date(ms).toISOString();

/** The parts of the `windows` that no JWT interval covers, as reported. */
function gapStats(jwts: readonly Interval[], windows: readonly Interval[]): GapStats[] {
  return mergeIntervals(windows)
    .flatMap((window) => uncoveredIntervals(jwts, window.from, window.to))
    .map((gap) => ({
      from: iso(gap.from),
      to: iso(gap.to),
      ms: gap.to - gap.from,
      seconds: (gap.to - gap.from) / 1000,
    }));
}

/** The per-session and per-user part of the stats, as of `now`. */
export function timelineStats(
  sessions: readonly SessionRecord[],
  now: number,
): Pick<TokenStats, 'sessions' | 'subjects' | 'minRefreshMarginMs'> {
  const margins = sessions.flatMap((session) => session.refreshMargins);
  return {
    sessions: sessions.map((session) => sessionStats(session, now)),
    subjects: [...new Set(sessions.map((s) => s.subject))].map((subject) =>
      subjectStats(
        subject,
        sessions.filter((s) => s.subject === subject),
        now,
      ),
    ),
    minRefreshMarginMs: margins.length ? Math.min(...margins) : null,
  };
}

function sessionStats(session: SessionRecord, now: number): SessionStats {
  return {
    id: session.id,
    deploymentId: session.deploymentId,
    subject: session.subject,
    createdAt: iso(session.createdAt),
    ...(session.endedAt === undefined
      ? {}
      : { endedAt: iso(session.endedAt), endReason: session.endReason }),
    jwtsIssued: session.jwts.length,
    refreshMargins: [...session.refreshMargins],
    gaps: gapStats(session.jwts, [
      { from: session.createdAt, to: Math.min(session.endedAt ?? now, now) },
    ]),
  };
}

function subjectStats(subject: string, own: readonly SessionRecord[], now: number): SubjectStats {
  // Expected coverage: from each sign-in until now, or until a sign-out revoked it.
  const windows = own.map((s) => ({
    from: s.createdAt,
    to: s.endReason === 'revoked' ? (s.endedAt as number) : now,
  }));
  return {
    subject,
    sessions: own.length,
    gaps: gapStats(
      own.flatMap((s) => s.jwts),
      windows,
    ),
  };
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
