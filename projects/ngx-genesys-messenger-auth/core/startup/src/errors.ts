/** See dev-mode.ts. */
declare const ngDevMode: unknown;

/**
 * The codes of the errors the library raises, in the reserved range 4100–4199 (after
 * `RuntimeErrorCode` in angular/angular `packages/core/src/errors.ts`). A code never changes
 * meaning once released; retired codes are not reused.
 *
 * - 4101–4119: configuration and start-up
 * - 4120–4139: Messenger's own authorization request (code + PKCE)
 * - 4140–4159: the Messenger JavaScript API
 * - 4160–4179: keeping the JWT fresh, tabs and the session
 * - 4180–4199: deployment profiles
 */
export enum MessengerAuthErrorCode {
  /** The configuration object is invalid; `field` names the offending path. */
  INVALID_CONFIG = 4101,
  /** The angular-auth-oidc-client configuration to follow does not exist. */
  MISSING_OIDC_CONFIG = 4102,
  /** The IdP's discovery document is unavailable or lacks an authorization endpoint. */
  DISCOVERY_FAILED = 4103,
  /** The page is not a secure context: Web Crypto (PKCE) and storage are unavailable. */
  INSECURE_CONTEXT = 4104,

  /** The callback's `state` does not match the pending authorization request. */
  AUTHORIZATION_STATE_MISMATCH = 4120,
  /** The callback's `iss` does not name the IdP the request went to (mix-up defence). */
  AUTHORIZATION_ISSUER_MISMATCH = 4121,
  /** The IdP answered the authorization request with an `error` other than `login_required`. */
  AUTHORIZATION_ERROR = 4122,
  /** Silent authorization needs the user (`login_required`, `interaction_required`, ...). */
  LOGIN_REQUIRED = 4123,
  /** Silent authorization did not answer within `silentAuthorizationTimeoutMs`. */
  SILENT_AUTHORIZATION_TIMEOUT = 4124,
  /** An interactive login was refused: one already happened within `reauthWindowMs`. */
  LOGIN_LOOP_PREVENTED = 4125,
  /** The callback carries neither a `code` nor an `error`, or no request is pending. */
  AUTHORIZATION_CALLBACK_INVALID = 4126,
  /** An authorization code was asked for a second time; codes are handed to Messenger once. */
  AUTHORIZATION_CODE_CONSUMED = 4127,
  /** Messenger asked for a code while nobody is signed in to the portal. */
  PORTAL_SIGNED_OUT = 4128,

  /** `window.Genesys` did not appear (snippet missing, blocked or failed to load). */
  MESSENGER_NOT_LOADED = 4140,
  /** A Messenger command rejected. */
  MESSENGER_COMMAND_FAILED = 4141,
  /** A Messenger command did not settle in time. */
  MESSENGER_COMMAND_TIMEOUT = 4142,
  /** Messenger's Auth plugin is not ready (not configured for authentication?). */
  MESSENGER_AUTH_UNAVAILABLE = 4143,

  /** A refresh failed; it may be retried (see `isTransientFailure`). */
  REFRESH_FAILED = 4160,
  /** The session cannot be kept: the refresh token is invalid, expired or revoked. */
  SESSION_ENDED = 4161,
  /** A JWT could not be read (not three segments, no numeric `iat`/`exp`, `exp <= iat`). */
  MALFORMED_JWT = 4162,
  /** The cross-tab refresh lock was not granted within `refresh.lockTimeoutMs`. */
  REFRESH_LOCK_TIMEOUT = 4163,
  /** Messenger's logout (revocation) failed; local state was cleared anyway. */
  LOGOUT_FAILED = 4164,

  /** The deployment profile could not be loaded. */
  PROFILE_UNAVAILABLE = 4180,
  /** The deployment profile was loaded but is invalid. */
  INVALID_PROFILE = 4181,
}

/**
 * Formats an error code as it appears in messages and documentation.
 * @param code the code
 * @returns `NGMA` followed by the number, e.g. `NGMA4101`
 */
export function formatErrorCode(code: MessengerAuthErrorCode): string {
  return `NGMA${code}`;
}

/** Options of a {@link MessengerAuthError}. */
export interface MessengerAuthErrorOptions {
  /** For configuration errors: the path of the offending field, e.g. `refresh.leadMs`. */
  readonly field?: string;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/** Where production builds, which carry no texts, send the reader. */
const SEE_README = 'see "Error codes" in the ngx-genesys-messenger-auth README';

/**
 * An error of the library. Its message starts with the formatted code (`NGMA4101: ...`) so that
 * logs, bug reports and documentation can be matched by code. Production builds leave the texts
 * out, as Angular does with its own errors: the message is then the code, the field if any and a
 * pointer to the README's table of codes (`NGMA4101 (refresh.leadMs): see "Error codes" in ...`).
 */
export class MessengerAuthError extends Error {
  override readonly name = 'MessengerAuthError';

  /** For configuration errors: the path of the offending field, e.g. `refresh.leadMs`. */
  readonly field?: string;

  /**
   * @param code what went wrong, as a stable number
   * @param message a human explanation, without the code prefix; `false` in production builds
   *   (write `DEV_MODE && '…'` so that the text is left out of them)
   * @param options the offending field and the underlying error
   */
  constructor(
    readonly code: MessengerAuthErrorCode,
    message: string | false,
    options: MessengerAuthErrorOptions = {},
  ) {
    const field = options.field === undefined ? '' : ` (${options.field})`;
    super(
      message === false
        ? `${formatErrorCode(code)}${field}: ${SEE_README}`
        : `${formatErrorCode(code)}: ${message}`,
      'cause' in options ? { cause: options.cause } : undefined,
    );
    if (options.field !== undefined) this.field = options.field;
  }
}

/**
 * Whether a value is a {@link MessengerAuthError}, optionally of one code.
 * @param error any thrown value
 * @param code the code to match; any code when omitted
 */
export function isMessengerAuthError(
  error: unknown,
  code?: MessengerAuthErrorCode,
): error is MessengerAuthError {
  return error instanceof MessengerAuthError && (code === undefined || error.code === code);
}

/**
 * The message of a thrown value, for logs and timeline events (never a token: the library's own
 * errors carry none, and other errors are only ever network or Messenger failures).
 * @param error any thrown value
 * @returns its `message` when it is an `Error`, else the value as a string
 */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const MAX_SHOWN_STRING = 60;

/**
 * Describes a value for an error message: strings quoted (and shortened), numbers as written,
 * everything else by its kind.
 * @returns e.g. `""`, `-1`, `NaN`, `null`, `an array`
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown =
      value.length > MAX_SHOWN_STRING ? `${value.slice(0, MAX_SHOWN_STRING - 1)}…` : value;
    return JSON.stringify(shown);
  }
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return String(value);
}

/**
 * Creates the `INVALID_CONFIG` error for one field.
 * @param field the field's path, e.g. `refresh.leadMs`
 * @param expected what the field must be, phrased to follow "must be"; `false` in production
 *   builds (call it with `DEV_MODE && '…'`, see dev-mode.ts)
 * @param actual the value found
 * @returns e.g. `NGMA4101: refresh.leadMs must be a finite number ≥ 0 (got -1)`; in production
 *   builds `NGMA4101 (refresh.leadMs): see "Error codes" in the ngx-genesys-messenger-auth README`
 */
export function invalidConfigError(
  field: string,
  expected: string | false,
  actual: unknown,
): MessengerAuthError {
  return new MessengerAuthError(
    MessengerAuthErrorCode.INVALID_CONFIG,
    // Not DEV_MODE: esbuild folds this test as it parses, which also drops describeValue() from
    // production bundles when nothing else uses it.
    (typeof ngDevMode === 'undefined' || !!ngDevMode) &&
      expected !== false &&
      `${field} must be ${expected} (got ${describeValue(actual)})`,
    { field },
  );
}
