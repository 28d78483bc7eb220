import { DEFAULT_REFRESH_POLICY, leadTimeMs } from 'ngx-genesys-messenger-auth/core';

import {
  MAX_GENESYS_JWT_LIFETIME_SECONDS,
  type DeploymentProfile,
  type IdpSettings,
} from './profile-schema';

/** What ends a session first (see `DerivedLifetimes.sessionBoundBy`). */
export type SessionBound =
  /** The Genesys integration's "Max Refresh Token Lifetime". */
  | 'genesys-max-refresh-token-lifetime'
  /** The IdP refresh token's absolute lifetime (Keycloak: Client Session Max). */
  | 'idp-refresh-token-lifetime'
  /** Keycloak's SSO Session Max. */
  | 'idp-sso-session-max'
  /** The IdP's idle window, when it is shorter than the refresh cadence and so never renewed. */
  | 'idp-idle-window';

/** A lifetime that may end the session, and the field that sets it. */
export interface SessionLimit {
  readonly seconds: number;
  readonly bound: SessionBound;
  readonly path: string;
}

/**
 * The Genesys JWT's lifetime: min(15 min, the IdP access token's lifetime) (contract §4).
 * @returns seconds
 */
export function jwtLifetimeOf(idp: Pick<IdpSettings, 'accessTokenLifetimeSeconds'>): number {
  return Math.min(MAX_GENESYS_JWT_LIFETIME_SECONDS, idp.accessTokenLifetimeSeconds);
}

/** The limit with the fewest seconds; the first of equals. */
export function smallest(limits: readonly (SessionLimit | undefined)[]): SessionLimit | undefined {
  let best: SessionLimit | undefined;
  for (const limit of limits) {
    if (limit && (!best || limit.seconds < best.seconds)) best = limit;
  }
  return best;
}

function limit(
  seconds: number | undefined,
  bound: SessionBound,
  path: string,
): SessionLimit | undefined {
  return seconds === undefined ? undefined : { seconds, bound, path };
}

/** The IdP's absolute limit on the session: refresh-token lifetime or SSO Session Max. */
export function idpSessionLimit(idp: IdpSettings): SessionLimit | undefined {
  return smallest([
    limit(
      idp.refreshTokenLifetimeSeconds,
      'idp-refresh-token-lifetime',
      'idp.refreshTokenLifetimeSeconds',
    ),
    limit(idp.ssoSessionMaxSeconds, 'idp-sso-session-max', 'idp.ssoSessionMaxSeconds'),
  ]);
}

/** The IdP's idle window: refresh-token idle window or (Keycloak) SSO Session Idle, the smaller. */
export function idpIdleLimit(idp: IdpSettings): SessionLimit | undefined {
  return smallest([
    limit(idp.refreshTokenIdleSeconds, 'idp-idle-window', 'idp.refreshTokenIdleSeconds'),
    limit(idp.ssoSessionIdleSeconds, 'idp-idle-window', 'idp.ssoSessionIdleSeconds'),
  ]);
}

/**
 * The bridge's lead for a profile, through the core's `leadTimeMs` (the profile gives lead and
 * floor; the share of the lifetime is the core's default).
 * @returns seconds
 */
export function leadSecondsOf(profile: Pick<DeploymentProfile, 'idp' | 'refresh'>): number {
  const lifetimeMs = jwtLifetimeOf(profile.idp) * 1000;
  const leadMs = leadTimeMs(lifetimeMs, {
    leadMs: profile.refresh.leadSeconds * 1000,
    minLeadMs: profile.refresh.floorSeconds * 1000,
    maxLeadFraction: DEFAULT_REFRESH_POLICY.maxLeadFraction,
  });
  return leadMs / 1000;
}
