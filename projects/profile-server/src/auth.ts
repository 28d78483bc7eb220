/**
 * Who is calling: bearer access tokens (RFC 9068 JWTs) from the IdP, verified against its JWKS
 * (found through discovery) with jose. Users of the admin client with the `reader` or `admin`
 * role may read; writing needs `admin`. Tokens are never logged or echoed.
 */
import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

import { ApiError } from './api-error';
import { discoveredKeySet, IdpUnavailable, type IdpKeyOptions } from './idp-keys';

/** The role that may write (and read). */
export const ADMIN_ROLE = 'admin';
/** The role that may read. */
export const READER_ROLE = 'reader';

/** Tolerated clock difference between the IdP and this server, in seconds. */
const CLOCK_TOLERANCE_S = 30;

/** Asymmetric algorithms only: an HMAC-signed token would need a shared secret. */
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

const REALM = 'Bearer realm="profile-server"';

/** Where the token is, as issue paths name it. */
const AUTHORIZATION = 'headers.authorization';

/** A verified caller. */
export interface Principal {
  /** The token's subject. */
  readonly sub: string;
  /** A readable name for the audit trail: `preferred_username`, else the subject. */
  readonly name: string;
  readonly roles: readonly string[];
  /** Whether the caller may read (role `reader` or `admin`). */
  readonly canRead: boolean;
  /** Whether the caller may write (role `admin`). */
  readonly isAdmin: boolean;
}

/** What the verifier checks. */
export interface AuthOptions {
  /** The IdP's issuer (`iss`). */
  readonly issuer: string;
  /** The `aud` the tokens must carry. */
  readonly audience: string;
  /** The admin app's client id (`client_id` / `azp`). */
  readonly clientId: string;
  /** The key set to verify with; by default the IdP's JWKS, found through discovery. */
  readonly keySet?: JWTVerifyGetKey;
  /** Deadline and key-rotation cooldown of the discovery and JWKS fetches. */
  readonly fetching?: Omit<IdpKeyOptions, 'issuer'>;
  /** Told why the IdP's keys could not be had (for the log; never sent to callers). */
  readonly onIdpFailure?: (detail: string) => void;
}

/** Verifies `Authorization` headers. */
export interface Authenticator {
  /**
   * Verifies the bearer token of a request.
   * @param authorization the `Authorization` header
   * @returns the caller
   * @throws ApiError 401 (with `WWW-Authenticate`) for a missing or bad token, 403 for a token of
   *   another client, 503 (naming no URL or cause) when the IdP's keys cannot be fetched
   */
  authenticate(authorization: string | undefined): Promise<Principal>;
}

/**
 * Creates the verifier. Discovery happens at the first request, and again after a failure, so the
 * server may start before the IdP.
 * @param options issuer, audience, client and (for tests) the key set
 * @returns the authenticator
 * @usageNotes
 * ```ts
 * const auth = createAuthenticator({ issuer, audience: 'http://localhost:4600', clientId: 'admin' });
 * const principal = await auth.authenticate(request.headers.authorization);
 * if (!principal.isAdmin) throw forbidden('...');
 * ```
 */
export function createAuthenticator(options: AuthOptions): Authenticator {
  const keys = options.keySet ?? discoveredKeySet({ issuer: options.issuer, ...options.fetching });

  return {
    async authenticate(authorization) {
      const token = bearerToken(authorization);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          typ: 'at+jwt',
          algorithms: ALGORITHMS,
          clockTolerance: CLOCK_TOLERANCE_S,
          requiredClaims: ['sub', 'exp'],
        }));
      } catch (error) {
        throw verificationError(error, options.onIdpFailure);
      }
      const client = payload['client_id'] ?? payload['azp'];
      if (client !== options.clientId) {
        const message = 'the access token was issued to another client';
        throw new ApiError(403, 'forbidden', message, {
          issues: [{ path: AUTHORIZATION, code: 'wrong-client', message }],
          headers: { 'www-authenticate': `${REALM}, error="insufficient_scope"` },
        });
      }
      return principalOf(payload);
    },
  };
}

/**
 * The 403 for a caller who may read but not write.
 * @param principal the caller
 * @returns the error to throw
 */
export function adminRequired(principal: Principal): ApiError {
  const roles = principal.roles.length ? principal.roles.join(', ') : 'none';
  const message = `writing needs the ${ADMIN_ROLE} role (yours: ${roles})`;
  return new ApiError(403, 'forbidden', message, {
    issues: [{ path: AUTHORIZATION, code: 'insufficient-role', message }],
    headers: {
      'www-authenticate': `${REALM}, error="insufficient_scope", error_description="the ${ADMIN_ROLE} role is required"`,
    },
  });
}

/**
 * The 403 for a user of the admin client with neither the reader nor the admin role.
 * @param principal the caller
 * @returns the error to throw
 */
export function readerRequired(principal: Principal): ApiError {
  const roles = principal.roles.length ? principal.roles.join(', ') : 'none';
  const message = `the admin API needs the ${READER_ROLE} or ${ADMIN_ROLE} role (yours: ${roles})`;
  return new ApiError(403, 'forbidden', message, {
    issues: [{ path: AUTHORIZATION, code: 'read-role-required', message }],
    headers: {
      'www-authenticate': `${REALM}, error="insufficient_scope", error_description="the ${READER_ROLE} or ${ADMIN_ROLE} role is required"`,
    },
  });
}

function bearerToken(authorization: string | undefined): string {
  if (!authorization) {
    const message = 'sign in: send Authorization: Bearer <access token>';
    throw new ApiError(401, 'unauthorized', message, {
      issues: [{ path: AUTHORIZATION, code: 'required', message }],
      headers: { 'www-authenticate': REALM },
    });
  }
  const match = /^Bearer +([\w.~+/-]+=*)$/i.exec(authorization.trim());
  if (!match) throw invalidToken('the Authorization header must be "Bearer <access token>"');
  return match[1];
}

function verificationError(error: unknown, onIdpFailure?: (detail: string) => void): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof joseErrors.JWTExpired) return invalidToken('the access token has expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return invalidToken(`the access token's "${error.claim}" claim is not accepted`);
  }
  if (keysUnavailable(error)) {
    onIdpFailure?.(`${(error as Error).name}: ${(error as Error).message}`);
    return idpUnavailable();
  }
  // Bad signature, unknown key, malformed JWT, wrong algorithm or type.
  return invalidToken('the access token is not valid');
}

function invalidToken(description: string): ApiError {
  return new ApiError(401, 'unauthorized', description, {
    issues: [{ path: AUTHORIZATION, code: 'invalid-token', message: description }],
    headers: {
      'www-authenticate': `${REALM}, error="invalid_token", error_description="${description.replace(/"/g, "'")}"`,
    },
  });
}

/** Whether verification failed because the keys could not be had (not because of the token). */
function keysUnavailable(error: unknown): boolean {
  return (
    error instanceof IdpUnavailable ||
    error instanceof joseErrors.JWKSTimeout ||
    error instanceof joseErrors.JWKSInvalid ||
    // A JWKS answer that is not 200 or not JSON: jose's generic error.
    (error instanceof joseErrors.JOSEError && error.code === 'ERR_JOSE_GENERIC') ||
    !(error instanceof joseErrors.JOSEError)
  );
}

/** The 503; it names no URL and no cause (those go to the log). */
function idpUnavailable(): ApiError {
  const message = 'the identity provider cannot be reached to check the token; retry shortly';
  return new ApiError(503, 'idp-unavailable', message, { headers: { 'retry-after': '5' } });
}

function principalOf(payload: JWTPayload): Principal {
  const claim = payload['roles'];
  const roles = Array.isArray(claim) ? claim.filter((r): r is string => typeof r === 'string') : [];
  const username = payload['preferred_username'];
  const sub = String(payload.sub);
  return {
    sub,
    name: typeof username === 'string' && username ? username : sub,
    roles,
    canRead: roles.includes(READER_ROLE) || roles.includes(ADMIN_ROLE),
    isAdmin: roles.includes(ADMIN_ROLE),
  };
}
