/*
 * The configuration's shape, its defaults and the origin rule of `environment`: what a portal's
 * start-up needs. The checks themselves (`validateMessengerAuthConfig`, `validateRefreshPolicy`)
 * are in `/core` and run when the bridge's engine has loaded.
 */

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

/** What a portal configures; everything but `deploymentId` and `environment` has a default. */
export interface MessengerAuthConfig {
  /** The Genesys web deployment's id: 1–128 letters, digits, `-` or `_`. */
  readonly deploymentId: string;
  /**
   * The Genesys environment (`prod`, `prod-euw1`), a region code (`euw1`), or — for a custom
   * domain or the local simulator — an https origin (http only on localhost).
   */
  readonly environment: string;
  /** The angular-auth-oidc-client `configId` to follow; default: its first configuration. */
  readonly oidcConfigId?: string;
  /** Messenger's client id at the IdP (the Genesys integration's); default: the portal's. */
  readonly clientId?: string;
  /** The scope of Messenger's authorization request; must include `openid`. */
  readonly scope?: string;
  /** The path Messenger's authorization request returns to; default `/messenger/callback`. */
  readonly redirectPath?: string;
  /** What Messenger does for a user not signed in to the portal; default `anonymous`. */
  readonly signedOut?: 'anonymous' | 'none';
  /** When to refresh the JWT and how to retry; see {@link RefreshPolicy}. */
  readonly refresh?: Partial<RefreshPolicy>;
  /** At most one interactive login per window of this many ms; default 120 000, at least 10 000. */
  readonly reauthWindowMs?: number;
  /** How long silent authorization (`prompt=none`) may take, in ms; default 10 000. */
  readonly silentAuthorizationTimeoutMs?: number;
  /**
   * What the bridge may do when Messenger needs a new code and the IdP needs the user:
   * `silent-then-interactive` (default) sends a visible tab to the login page once per window;
   * `silent-only` never shows a login page and ends the session with an action the portal offers.
   */
  readonly reauthMode?: MessengerReauthMode;
}

/** Whether the bridge may show the IdP's login page to sign Messenger in again. */
export type MessengerReauthMode = 'silent-then-interactive' | 'silent-only';

/** A checked configuration with every default applied. */
export interface ResolvedMessengerAuthConfig {
  /** The Genesys web deployment's id. */
  readonly deploymentId: string;
  /** A Genesys environment or region code as given, or a custom origin without trailing slash. */
  readonly environment: string;
  /** The angular-auth-oidc-client `configId` to follow; undefined for its first configuration. */
  readonly oidcConfigId: string | undefined;
  /** Messenger's client id at the IdP; undefined for the portal's own. */
  readonly clientId: string | undefined;
  /** Space-separated scopes, including `openid`. */
  readonly scope: string;
  /** An absolute path without query or fragment. */
  readonly redirectPath: string;
  /** What Messenger does for a user not signed in to the portal. */
  readonly signedOut: 'anonymous' | 'none';
  /** The complete refresh policy. */
  readonly refresh: RefreshPolicy;
  /** At most one interactive login per window of this many ms. */
  readonly reauthWindowMs: number;
  /** How long silent authorization may take, in ms. */
  readonly silentAuthorizationTimeoutMs: number;
  /** Whether the bridge may show the IdP's login page to sign Messenger in again. */
  readonly reauthMode: MessengerReauthMode;
}

/** The defaults of the optional fields. */
export const DEFAULT_MESSENGER_AUTH_CONFIG = Object.freeze({
  scope: 'openid profile',
  redirectPath: '/messenger/callback',
  signedOut: 'anonymous',
  reauthWindowMs: 120_000,
  silentAuthorizationTimeoutMs: 10_000,
  reauthMode: 'silent-then-interactive',
} as const);

const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** The origin an environment names, if acceptable: https (http on localhost only), bare. */
export function customOrigin(environment: string): string | undefined {
  let url: URL;
  try {
    url = new URL(environment);
  } catch {
    // Not a URL at all: the caller reports the environment as invalid.
    return undefined;
  }
  const secure =
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname));
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  return secure && bare && !environment.includes('?') && !environment.endsWith('#')
    ? url.origin
    : undefined;
}
