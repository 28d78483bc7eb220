import { invalidConfigError, unknownFieldError } from './errors';
import { DEV_MODE } from './dev-mode';
import { regionOf } from './genesys-regions';
import {
  MAX_TIMER_DELAY_MS,
  type RefreshPolicy,
  validateRefreshPolicy,
} from './refresh-policy-validation';

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

/** The shortest interactive-login window: anything shorter would not stop a login loop. */
export const MIN_REAUTH_WINDOW_MS = 10_000;

/** The shortest silent-authorization timeout: an IdP round trip needs at least this. */
export const MIN_SILENT_AUTHORIZATION_TIMEOUT_MS = 1_000;

const CONFIG_FIELDS: readonly (keyof MessengerAuthConfig)[] = [
  'deploymentId',
  'environment',
  'oidcConfigId',
  'clientId',
  'scope',
  'redirectPath',
  'signedOut',
  'refresh',
  'reauthWindowMs',
  'silentAuthorizationTimeoutMs',
  'reauthMode',
];

const DEPLOYMENT_ID = /^[A-Za-z0-9_-]{1,128}$/;
/** RFC 6749 §3.3 scope-token characters. */
const SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/;
const NO_SPACE = /^\S+$/;
const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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

function checkEnvironment(value: unknown): string {
  if (typeof value === 'string' && regionOf(value)) return value;
  const origin = typeof value === 'string' ? customOrigin(value) : undefined;
  if (origin) return origin;
  throw invalidConfigError(
    'environment',
    DEV_MODE &&
      'a Genesys environment ("prod", "prod-euw1"), a region ("euw1") or an https origin ' +
        '(http only on localhost) without path',
    value,
  );
}

function optionalString(config: Record<string, unknown>, field: string): string | undefined {
  const value = config[field];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && NO_SPACE.test(value)) return value;
  throw invalidConfigError(field, DEV_MODE && 'a non-empty string without spaces', value);
}

function checkScope(value: unknown): string {
  if (value === undefined) return DEFAULT_MESSENGER_AUTH_CONFIG.scope;
  if (typeof value === 'string' && SCOPE.test(value) && value.split(' ').includes('openid')) {
    return value;
  }
  throw invalidConfigError(
    'scope',
    DEV_MODE && 'scopes separated by single spaces, including "openid"',
    value,
  );
}

function checkRedirectPath(value: unknown): string {
  if (value === undefined) return DEFAULT_MESSENGER_AUTH_CONFIG.redirectPath;
  // "//host" and "/\host" are protocol-relative: they would send the code to another origin.
  if (typeof value === 'string' && /^\/(?![/\\])[^?#\s\\]*$/.test(value)) return value;
  throw invalidConfigError(
    'redirectPath',
    DEV_MODE && 'a path starting with a single "/", without "?", "#", "\\" or spaces',
    value,
  );
}

function checkSignedOut(value: unknown): 'anonymous' | 'none' {
  if (value === undefined) return DEFAULT_MESSENGER_AUTH_CONFIG.signedOut;
  if (value === 'anonymous' || value === 'none') return value;
  throw invalidConfigError('signedOut', DEV_MODE && '"anonymous" or "none"', value);
}

function checkReauthMode(value: unknown): MessengerReauthMode {
  if (value === undefined) return DEFAULT_MESSENGER_AUTH_CONFIG.reauthMode;
  if (value === 'silent-then-interactive' || value === 'silent-only') return value;
  throw invalidConfigError(
    'reauthMode',
    DEV_MODE && '"silent-then-interactive" or "silent-only"',
    value,
  );
}

function checkDuration(field: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (value >= min && value <= MAX_TIMER_DELAY_MS) return value;
  }
  throw invalidConfigError(
    field,
    DEV_MODE && `a number of ms from ${min} to ${MAX_TIMER_DELAY_MS}`,
    value,
  );
}

/**
 * Checks the library's configuration and applies its defaults. Fields present with the value
 * `undefined` count as left out.
 * @param config the configuration given to `provideMessengerAuth`
 * @returns the resolved, frozen configuration
 * @throws MessengerAuthError `INVALID_CONFIG` whose `field` names the offending path and whose
 *   message says what is expected, e.g. `NGMA4101: deploymentId must be 1–128 letters, digits, "-"
 *   or "_" (got "")`; unknown fields (typos) are rejected too
 * @usageNotes
 * ```ts
 * const resolved = validateMessengerAuthConfig({ deploymentId: 'abc-123', environment: 'prod-euw1' });
 * resolved.redirectPath; // '/messenger/callback'
 * ```
 */
export function validateMessengerAuthConfig(config: unknown): ResolvedMessengerAuthConfig {
  if (!isPlainObject(config)) throw invalidConfigError('config', DEV_MODE && 'an object', config);
  for (const key of Object.keys(config)) {
    if (!(CONFIG_FIELDS as string[]).includes(key)) {
      throw unknownFieldError('config', key, CONFIG_FIELDS);
    }
  }
  const deploymentId = config['deploymentId'];
  if (typeof deploymentId !== 'string' || !DEPLOYMENT_ID.test(deploymentId)) {
    throw invalidConfigError(
      'deploymentId',
      DEV_MODE && '1–128 letters, digits, "-" or "_"',
      deploymentId,
    );
  }
  const refresh = config['refresh'];
  if (refresh !== undefined && !isPlainObject(refresh)) {
    throw invalidConfigError('refresh', DEV_MODE && 'an object', refresh);
  }
  const defaults = DEFAULT_MESSENGER_AUTH_CONFIG;
  return Object.freeze({
    deploymentId,
    environment: checkEnvironment(config['environment']),
    oidcConfigId: optionalString(config, 'oidcConfigId'),
    clientId: optionalString(config, 'clientId'),
    scope: checkScope(config['scope']),
    redirectPath: checkRedirectPath(config['redirectPath']),
    signedOut: checkSignedOut(config['signedOut']),
    refresh: validateRefreshPolicy(refresh),
    reauthWindowMs: checkDuration(
      'reauthWindowMs',
      config['reauthWindowMs'],
      defaults.reauthWindowMs,
      MIN_REAUTH_WINDOW_MS,
    ),
    silentAuthorizationTimeoutMs: checkDuration(
      'silentAuthorizationTimeoutMs',
      config['silentAuthorizationTimeoutMs'],
      defaults.silentAuthorizationTimeoutMs,
      MIN_SILENT_AUTHORIZATION_TIMEOUT_MS,
    ),
    reauthMode: checkReauthMode(config['reauthMode']),
  });
}
