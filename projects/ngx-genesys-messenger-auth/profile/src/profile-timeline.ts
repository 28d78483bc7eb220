import { deriveLifetimes, type DerivedLifetimes } from './derive-lifetimes';
import { formatDuration } from './format-duration';
import type { DeploymentProfile } from './profile-schema';

/** What a point on the timeline marks. */
export type TimelineMarkKind =
  | 'jwt-refresh'
  | 'jwt-expiry'
  | 'refresh-token-expiry'
  | 'idp-idle-limit'
  | 'idp-session-limit'
  | 'session-end';

/** A point on the timeline. */
export interface TimelineMark {
  /** Seconds after sign-in. */
  readonly atSeconds: number;
  /** What happens there. */
  readonly kind: TimelineMarkKind;
  /** A short English label for a tooltip. */
  readonly label: string;
}

/** A stretch of the timeline. */
export interface TimelineSpan {
  /** Seconds after sign-in where it starts. */
  readonly fromSeconds: number;
  /** Seconds after sign-in where it ends (clipped to the horizon). */
  readonly toSeconds: number;
  /** `jwt-valid`: one JWT's validity; `session`: the whole session. */
  readonly kind: 'jwt-valid' | 'session';
  /** A short English label for a tooltip. */
  readonly label: string;
}

/** The data of a timeline drawing, from sign-in to the horizon. Pure data, no drawing. */
export interface TimelineModel {
  /** The length of the timeline, in seconds. */
  readonly horizonSeconds: number;
  /** The marks, by time. */
  readonly marks: readonly TimelineMark[];
  /** The spans: the session first, then the JWTs shown. */
  readonly spans: readonly TimelineSpan[];
  /** How many refreshes happen within the horizon (before thinning). */
  readonly refreshCount: number;
  /** Only every `refreshStride`-th refresh (and JWT) is drawn; 1 when all are. */
  readonly refreshStride: number;
  /** The lifetimes the timeline shows. */
  readonly lifetimes: DerivedLifetimes;
}

/** Above this many refreshes, the timeline shows only every n-th. */
export const MAX_TIMELINE_REFRESH_MARKS = 200;

function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  const hh = Math.floor(minutes / 60);
  const mm = String(minutes % 60).padStart(2, '0');
  return rest ? `${hh}:${mm}:${String(rest).padStart(2, '0')}` : `${hh}:${mm}`;
}

function limitMarks(profile: DeploymentProfile, lifetimes: DerivedLifetimes): TimelineMark[] {
  const { idp } = profile;
  const genesys = profile.genesys.integration.maxRefreshTokenLifetimeSeconds;
  const marks: TimelineMark[] = [
    {
      atSeconds: lifetimes.jwtLifetimeSeconds,
      kind: 'jwt-expiry',
      label: `Without a refresh the first JWT expires (${formatDuration(lifetimes.jwtLifetimeSeconds)})`,
    },
    {
      atSeconds: genesys,
      kind: 'refresh-token-expiry',
      label: `Genesys refresh token expires (Max Refresh Token Lifetime ${formatDuration(genesys)})`,
    },
  ];
  if (idp.refreshTokenLifetimeSeconds !== undefined) {
    const at = idp.refreshTokenLifetimeSeconds;
    marks.push({
      atSeconds: at,
      kind: 'refresh-token-expiry',
      label: `IdP refresh token expires (${formatDuration(at)})`,
    });
  }
  if (lifetimes.idleLimitSeconds !== undefined) {
    const at = lifetimes.idleLimitSeconds;
    const label = `IdP idle limit: a session nobody refreshes for ${formatDuration(at)} ends`;
    marks.push({ atSeconds: at, kind: 'idp-idle-limit', label });
  }
  if (idp.ssoSessionMaxSeconds !== undefined) {
    const at = idp.ssoSessionMaxSeconds;
    marks.push({
      atSeconds: at,
      kind: 'idp-session-limit',
      label: `IdP SSO session max (${formatDuration(at)})`,
    });
  }
  const end = lifetimes.sessionEndsAfterSeconds;
  marks.push({
    atSeconds: end,
    kind: 'session-end',
    label: `Session ends after ${formatDuration(end)} (${lifetimes.sessionBoundBy})`,
  });
  return marks;
}

/**
 * The timeline of a valid profile's session: refreshes, expiries and limits over `hours` from
 * sign-in, for the admin app to draw. With more than {@link MAX_TIMELINE_REFRESH_MARKS} refreshes
 * only every n-th refresh (and JWT span) is included; `refreshCount` keeps the true number.
 * @param profile a profile `validateProfile` accepted
 * @param hours the horizon in hours; default 24
 * @returns the marks (by time) and spans within the horizon
 * @throws RangeError when `hours` is not a positive finite number
 * @usageNotes
 * ```ts
 * const { marks } = profileTimeline(createDefaultProfile('local'));
 * marks.filter((mark) => mark.kind === 'jwt-refresh').length; // 179 (every 2nd of 359)
 * ```
 */
export function profileTimeline(profile: DeploymentProfile, hours = 24): TimelineModel {
  if (!(hours > 0 && Number.isFinite(hours))) {
    throw new RangeError(`hours must be a positive number (got ${hours})`);
  }
  const horizonSeconds = hours * 3600;
  const lifetimes = deriveLifetimes(profile);
  const { jwtLifetimeSeconds: jwt, refreshEverySeconds: every } = lifetimes;
  const end = Math.min(lifetimes.sessionEndsAfterSeconds, horizonSeconds);
  // Refreshes happen strictly before the session ends: one at the very end would be refused.
  const refreshCount = Math.max(0, Math.ceil(end / every) - 1);
  const refreshStride = Math.max(1, Math.ceil(refreshCount / MAX_TIMELINE_REFRESH_MARKS));

  const marks: TimelineMark[] = [];
  const spans: TimelineSpan[] = [
    { fromSeconds: 0, toSeconds: end, kind: 'session', label: `Session (${formatDuration(end)})` },
  ];
  for (let k = 0; k <= refreshCount; k += refreshStride) {
    const at = k * every;
    if (k > 0)
      marks.push({ atSeconds: at, kind: 'jwt-refresh', label: `Refresh ${k} at ${clock(at)}` });
    const toSeconds = Math.min(at + jwt, horizonSeconds);
    spans.push({
      fromSeconds: at,
      toSeconds,
      kind: 'jwt-valid',
      label: `JWT ${k + 1} (${formatDuration(jwt)})`,
    });
  }
  marks.push(...limitMarks(profile, lifetimes).filter((mark) => mark.atSeconds <= horizonSeconds));
  marks.sort((a, b) => a.atSeconds - b.atSeconds);
  return { horizonSeconds, marks, spans, refreshCount, refreshStride, lifetimes };
}
