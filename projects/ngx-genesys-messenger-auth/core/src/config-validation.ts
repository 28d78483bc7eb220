import {
  DEFAULT_MESSENGER_AUTH_CONFIG,
  MAX_TIMER_DELAY_MS,
  regionOf,
  ɵcustomOrigin as customOrigin,
  ɵDEV_MODE as DEV_MODE,
  ɵinvalidConfigError as invalidConfigError,
  type MessengerAuthConfig,
  type MessengerReauthMode,
  type ResolvedMessengerAuthConfig,
} from 'ngx-genesys-messenger-auth/core/startup';
import { validateRefreshPolicy } from './refresh-policy-validation';
import { unknownFieldError } from './unknown-field';

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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
