/*
 * The deployment profile: everything an admin sets up for one authenticated Messenger deployment
 * (GENESYS-CONTRACT.md §4–5). One schema for the admin app, the profile server and the library.
 * Every duration is in SECONDS (the units Genesys and the IdP consoles use); the bridge's
 * milliseconds are derived in `bridgeConfigFromProfile`.
 */

/** The identity providers whose token-lifetime settings the profile knows (see `IDP_KINDS`). */
export type IdpKind = 'okta' | 'auth0' | 'keycloak' | 'entra' | 'pingone' | 'cognito' | 'generic';

/**
 * What the bridge does when the Genesys session cannot be refreshed any more (Messenger calls
 * `reAuthenticate`):
 * - `silent-then-interactive`: try silent authorization (`prompt=none`) first and, if the IdP needs
 *   the user, start an interactive login (at most one per re-auth window);
 * - `silent-only`: try silent authorization only; if it fails, Messenger stays signed out and the
 *   user signs in again through the portal. For portals that must never redirect on their own.
 */
export type ReauthMode = 'silent-then-interactive' | 'silent-only';

/** Messenger configuration `authenticationSettings` (contract §5). */
export interface GenesysAuthenticationSettings {
  /** Whether authenticated web messaging is on for the deployment. */
  readonly enabled: boolean;
  /** The id of the "OpenID Connect Messenger Configuration" integration: 1–128 letters, digits, `-` or `_`. */
  readonly integrationId: string;
  /** Whether an anonymous conversation may be upgraded by signing in (`Auth.signIn`). */
  readonly allowSessionUpgrade: boolean;
}

/**
 * The "OpenID Connect Messenger Configuration" integration (contract §5). Its client secret is
 * write-only in Genesys and is **never** part of a profile: a `secret`/`clientSecret` field is refused.
 */
export interface GenesysOidcIntegration {
  /** The IdP's discovery document: https (http on localhost), ending in `/.well-known/openid-configuration`. */
  readonly discoveryUri: string;
  /** The client id Genesys uses at the IdP (Genesys recommends one separate from the portal's). */
  readonly clientId: string;
  /** "Max Refresh Token Lifetime" of the Genesys refresh token, in seconds: 900 – 7 776 000 (90 days). */
  readonly maxRefreshTokenLifetimeSeconds: number;
}

/** The Genesys side: environment, web deployment and integration. */
export interface GenesysDeploymentSettings {
  /**
   * The Genesys environment: a region of contract §5 as `prod`, `prod-<region>` or the bare code
   * (`euw1`), or — for the simulator or a custom domain — an https origin (http only on localhost).
   */
  readonly environment: string;
  /** The web deployment's id, a UUID. */
  readonly deploymentId: string;
  /** The deployment's name in Genesys: 1–100 characters. */
  readonly deploymentName: string;
  /** The deployment's description: at most 1000 characters (optional). */
  readonly deploymentDescription?: string;
  /** Whether every domain may load the deployment; `true` requires an empty `allowedDomains`. */
  readonly allowAllDomains: boolean;
  /** The hostnames (`portal.example.com`) or wildcards (`*.example.com`) that may load it; non-empty unless `allowAllDomains`. */
  readonly allowedDomains: readonly string[];
  /** The Messenger configuration's authentication settings. */
  readonly authentication: GenesysAuthenticationSettings;
  /** The OIDC integration Genesys exchanges codes and refreshes with. */
  readonly integration: GenesysOidcIntegration;
}

/**
 * The identity provider: as the portal uses it and as its console sets token lifetimes. Which of
 * the optional lifetimes a kind has, and their ranges, is in `IDP_KINDS`.
 */
export interface IdpSettings {
  /** Which IdP this is; decides the ranges, optional fields and hints. */
  readonly kind: IdpKind;
  /** The issuer URL: https (http on localhost), without query or fragment. */
  readonly issuer: string;
  /** The portal's own client id at the IdP. */
  readonly portalClientId: string;
  /** The scopes of Messenger's authorization request; must include `openid`, no duplicates. */
  readonly scopes: readonly string[];
  /** The access token's lifetime, in seconds (Keycloak: Access Token Lifespan). */
  readonly accessTokenLifetimeSeconds: number;
  /** The refresh token's absolute lifetime, in seconds (Keycloak: Client Session Max); absent = no limit set. */
  readonly refreshTokenLifetimeSeconds?: number;
  /** The refresh token's idle window, in seconds (Okta: "expire if not used every"; Keycloak: Client Session Idle). */
  readonly refreshTokenIdleSeconds?: number;
  /** Keycloak only: the realm's SSO Session Idle, in seconds. */
  readonly ssoSessionIdleSeconds?: number;
  /** Keycloak only: the realm's SSO Session Max, in seconds. */
  readonly ssoSessionMaxSeconds?: number;
}

/** How the bridge keeps the Genesys JWT fresh; seconds, mapped to the core's `RefreshPolicy`. */
export interface ProfileRefreshPolicy {
  /** How long before the JWT expires to refresh it, in seconds (scaled down for short JWTs). */
  readonly leadSeconds: number;
  /** The shortest lead, in seconds; at most `leadSeconds`. */
  readonly floorSeconds: number;
  /** The longest retry delay after a failed refresh, in seconds (at least 1). */
  readonly backoffCapSeconds: number;
  /** What to do when the session cannot be refreshed any more. */
  readonly reauthMode: ReauthMode;
}

/** One deployment profile. Derived values (JWT lifetime, cadence, session end) are never stored. */
export interface DeploymentProfile {
  /** The profile's name, used in URLs: 1–64 characters of `a-z`, `0-9`, `-`, starting with a letter. */
  readonly name: string;
  /** The Genesys side. */
  readonly genesys: GenesysDeploymentSettings;
  /** The identity provider. */
  readonly idp: IdpSettings;
  /** The bridge's refresh policy. */
  readonly refresh: ProfileRefreshPolicy;
}

/** The longest Genesys JWT, in seconds: the JWT lives min(15 min, the IdP access token) (contract §4). */
export const MAX_GENESYS_JWT_LIFETIME_SECONDS = 900;

/** The range of the integration's "Max Refresh Token Lifetime", in seconds (contract §4). */
export const MAX_REFRESH_TOKEN_LIFETIME_RANGE_SECONDS = Object.freeze({
  min: 900,
  max: 90 * 86_400,
});

/** A profile name: it appears in URLs, so lowercase letters, digits and `-`, starting with a letter. */
export const PROFILE_NAME_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;

/** The suffix every discovery URI ends in (OpenID Connect Discovery §4). */
export const DISCOVERY_SUFFIX = '/.well-known/openid-configuration';

/**
 * A valid profile for the local stack: the Genesys simulator on `http://localhost:4500`, the dev
 * IdP (generic) on `http://localhost:4400`, 300 s access tokens and 24 h refresh tokens.
 * @param name the profile's name; must match {@link PROFILE_NAME_PATTERN} for the profile to be valid
 * @returns a new profile
 * @usageNotes
 * ```ts
 * const profile = createDefaultProfile('local');
 * validateProfile(profile).valid; // true
 * ```
 */
export function createDefaultProfile(name: string): DeploymentProfile {
  return {
    name,
    genesys: {
      environment: 'http://localhost:4500',
      deploymentId: '6f1c2f5e-8a41-4d9b-9a57-3c1d2b7e0001',
      deploymentName: 'Meridian Bank — authenticated web messaging',
      allowAllDomains: false,
      allowedDomains: ['localhost'],
      authentication: {
        enabled: true,
        integrationId: 'local-oidc-integration',
        allowSessionUpgrade: true,
      },
      integration: {
        discoveryUri: `http://localhost:4400${DISCOVERY_SUFFIX}`,
        clientId: 'genesys-messenger',
        maxRefreshTokenLifetimeSeconds: 86_400,
      },
    },
    idp: {
      kind: 'generic',
      issuer: 'http://localhost:4400',
      portalClientId: 'demo-portal',
      scopes: ['openid', 'profile', 'offline_access'],
      accessTokenLifetimeSeconds: 300,
      refreshTokenLifetimeSeconds: 86_400,
    },
    refresh: {
      leadSeconds: 60,
      floorSeconds: 5,
      backoffCapSeconds: 30,
      reauthMode: 'silent-then-interactive',
    },
  };
}
