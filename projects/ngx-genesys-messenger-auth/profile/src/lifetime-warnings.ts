/*
 * The lifetime rules of GENESYS-CONTRACT.md §4–5 that warn rather than refuse. Each rule is one
 * function adding to the log; `lifetimeWarnings` runs them all on a valid profile.
 */
import { formatDuration as fmt } from './format-duration';
import { IDP_KINDS, type IdpDurationField } from './idp-kinds';
import { IssueLog, type ProfileIssue } from './profile-issue';
import { MAX_GENESYS_JWT_LIFETIME_SECONDS, type DeploymentProfile } from './profile-schema';
import { idpIdleLimit, idpSessionLimit } from './session-limits';

/** The derived values the rules need. */
interface Derived {
  readonly jwtLifetimeSeconds: number;
  readonly leadSeconds: number;
  readonly refreshEverySeconds: number;
}

const ENTRA_SPA_REFRESH_SECONDS = 86_400;
/** A configured lead above this share of the JWT lifetime is scaled down by the bridge. */
const LEAD_WARNING_FRACTION = 0.5;

function jwtFromAccessToken(log: IssueLog, profile: DeploymentProfile, derived: Derived): void {
  const access = profile.idp.accessTokenLifetimeSeconds;
  if (access >= MAX_GENESYS_JWT_LIFETIME_SECONDS) return;
  log.inform(
    'idp.accessTokenLifetimeSeconds',
    'jwt-lifetime-from-access-token',
    `The Genesys JWT lives min(15 min, IdP access token) = ${fmt(access)}, not 15 min. Messenger ` +
      'does not refresh it before it expires (a reload after expiry shows "Re-authenticate"), so ' +
      `the bridge refreshes it every ${fmt(derived.refreshEverySeconds)}.`,
  );
}

function offlineAccess(log: IssueLog, profile: DeploymentProfile): void {
  const spec = IDP_KINDS[profile.idp.kind];
  if (!spec.refreshTokenNeedsOfflineAccess || profile.idp.scopes.includes('offline_access')) return;
  log.warn(
    'idp.scopes',
    'missing-offline-access',
    `${spec.label} issues refresh tokens only for the "offline_access" scope, and Genesys relies ` +
      'on the IdP refresh token to refresh its JWT; add "offline_access" to idp.scopes.',
  );
}

function oktaWindowOrder(log: IssueLog, profile: DeploymentProfile): void {
  if (profile.idp.kind !== 'okta') return;
  const fields: readonly IdpDurationField[] = [
    'accessTokenLifetimeSeconds',
    'refreshTokenIdleSeconds',
    'refreshTokenLifetimeSeconds',
  ];
  const chain = fields.filter((field) => profile.idp[field] !== undefined);
  for (let i = 1; i < chain.length; i++) {
    const [shorter, longer] = [profile.idp[chain[i - 1]] ?? 0, profile.idp[chain[i]] ?? 0];
    if (shorter <= longer) continue;
    log.warn(
      `idp.${chain[i]}`,
      'okta-window-order',
      'Okta needs access token lifetime ≤ refresh window ≤ refresh token lifetime: ' +
        `idp.${chain[i]} (${fmt(longer)}) is shorter than idp.${chain[i - 1]} (${fmt(shorter)}).`,
    );
  }
}

function entraSpaRefresh(log: IssueLog, profile: DeploymentProfile): void {
  const refresh = profile.idp.refreshTokenLifetimeSeconds;
  if (profile.idp.kind !== 'entra' || refresh === ENTRA_SPA_REFRESH_SECONDS) return;
  log.warn(
    'idp.refreshTokenLifetimeSeconds',
    'entra-spa-refresh-fixed',
    'Entra ID fixes the lifetime of refresh tokens issued to single-page-app redirect URIs at ' +
      `24 h (not configurable); ${fmt(refresh ?? 0)} holds only for a Web redirect URI.`,
  );
}

function keycloakClientWithinSso(log: IssueLog, profile: DeploymentProfile): void {
  const { idp } = profile;
  if (idp.kind !== 'keycloak') return;
  const pairs = [
    ['refreshTokenIdleSeconds', 'Client Session Idle', 'ssoSessionIdleSeconds', 'SSO Session Idle'],
    [
      'refreshTokenLifetimeSeconds',
      'Client Session Max',
      'ssoSessionMaxSeconds',
      'SSO Session Max',
    ],
  ] as const;
  for (const [client, clientLabel, sso, ssoLabel] of pairs) {
    const [clientValue, ssoValue] = [idp[client], idp[sso]];
    if (clientValue === undefined || ssoValue === undefined || clientValue <= ssoValue) continue;
    log.warn(
      `idp.${client}`,
      'keycloak-client-exceeds-sso',
      `Keycloak client values must not exceed the realm's SSO values: ${clientLabel} ` +
        `(${fmt(clientValue)}) is longer than ${ssoLabel} (${fmt(ssoValue)}), which applies instead.`,
    );
  }
}

function leadCloseToLifetime(log: IssueLog, profile: DeploymentProfile, derived: Derived): void {
  const lead = profile.refresh.leadSeconds;
  if (lead <= LEAD_WARNING_FRACTION * derived.jwtLifetimeSeconds) return;
  log.warn(
    'refresh.leadSeconds',
    'lead-close-to-jwt-lifetime',
    `refresh.leadSeconds (${fmt(lead)}) is more than half the JWT lifetime ` +
      `(${fmt(derived.jwtLifetimeSeconds)}); the bridge uses a ${fmt(derived.leadSeconds)} lead instead.`,
  );
}

function idpShorterThanGenesys(log: IssueLog, profile: DeploymentProfile): void {
  const idpLimit = idpSessionLimit(profile.idp);
  const genesys = profile.genesys.integration.maxRefreshTokenLifetimeSeconds;
  if (!idpLimit || idpLimit.seconds >= genesys) return;
  log.warn(
    idpLimit.path,
    'idp-session-shorter-than-genesys',
    `The IdP ends the session after ${fmt(idpLimit.seconds)} (${idpLimit.path}), before the ` +
      `Genesys refresh token's ${fmt(genesys)}: Genesys checks the IdP session when it ` +
      'refreshes, so the session ends earlier than Genesys suggests.',
  );
}

function idleShorterThanRefresh(log: IssueLog, profile: DeploymentProfile, derived: Derived): void {
  const idle = idpIdleLimit(profile.idp);
  if (!idle || idle.seconds > derived.refreshEverySeconds) return;
  log.warn(
    idle.path,
    'idle-window-shorter-than-refresh',
    `The IdP idle window (${fmt(idle.seconds)}) is not longer than the refresh cadence ` +
      `(${fmt(derived.refreshEverySeconds)}): refreshes cannot renew it, so every session ends ` +
      `after ${fmt(idle.seconds)}.`,
  );
}

function recommendedRanges(log: IssueLog, profile: DeploymentProfile): void {
  const spec = IDP_KINDS[profile.idp.kind];
  for (const [field, fieldSpec] of Object.entries(spec.fields)) {
    const value = profile.idp[field as IdpDurationField];
    const recommended = fieldSpec.recommended;
    if (!recommended || value === undefined) continue;
    if (value >= recommended.min && value <= recommended.max) continue;
    log.warn(
      `idp.${field}`,
      'outside-recommended-range',
      `${recommended.reason}: ${fieldSpec.label} is usually ${fmt(recommended.min)} – ` +
        `${fmt(recommended.max)} (got ${fmt(value)}).`,
    );
  }
}

/**
 * Runs every lifetime rule on a valid profile.
 * @returns the warnings (and the JWT-lifetime information), in rule order
 */
export function lifetimeWarnings(profile: DeploymentProfile, derived: Derived): ProfileIssue[] {
  const log = new IssueLog();
  jwtFromAccessToken(log, profile, derived);
  offlineAccess(log, profile);
  oktaWindowOrder(log, profile);
  entraSpaRefresh(log, profile);
  keycloakClientWithinSso(log, profile);
  leadCloseToLifetime(log, profile, derived);
  idpShorterThanGenesys(log, profile);
  idleShorterThanRefresh(log, profile, derived);
  recommendedRanges(log, profile);
  return log.warnings;
}
