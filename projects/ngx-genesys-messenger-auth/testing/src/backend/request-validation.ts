import { GenesysApiError } from './genesys-api-error';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a required non-empty string field, or throws a 400 naming its path. */
export function requireString(body: Json, key: string, path = key, maxLength = 4096): string {
  const value = body[key];
  if (typeof value !== 'string' || value.length === 0) {
    throw GenesysApiError.malformed(`${path} is required and must be a non-empty string`);
  }
  if (value.length > maxLength) {
    throw GenesysApiError.malformed(`${path} must be at most ${maxLength} characters`);
  }
  return value;
}

/** Reads an optional string field, or throws a 400 naming its path. */
export function optionalString(
  body: Json,
  key: string,
  path = key,
  maxLength = 4096,
): string | undefined {
  return body[key] === undefined ? undefined : requireString(body, key, path, maxLength);
}

/** Reads an optional non-negative whole number, or throws a 400 naming its path. */
export function optionalWholeNumber(body: Json, key: string, path = key): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw GenesysApiError.malformed(`${path} must be a non-negative whole number`);
  }
  return value;
}

/** Requires a JSON object, or throws a 400 naming its path. */
export function requireObject(value: unknown, path: string): Json {
  if (!isObject(value)) throw GenesysApiError.malformed(`${path} must be a JSON object`);
  return value;
}

/** The `oauth` part of a code-exchange request (contract §4). */
export interface OAuthExchangeParameters {
  readonly code?: string;
  readonly idToken?: string;
  readonly redirectUri: string;
  readonly nonce?: string;
  readonly maxAge?: number;
  readonly codeVerifier?: string;
  readonly iss?: string;
}

/** A code-exchange request body, validated. */
export interface CodeExchangeRequest {
  readonly deploymentId: string;
  readonly journeyContext?: Json;
  readonly oauth: OAuthExchangeParameters;
}

/** A refresh request body, validated. */
export interface RefreshRequest {
  readonly refreshToken: string;
  readonly deploymentId: string;
}

/** Validates `POST .../oauthcodegrantjwtexchange`'s body. */
export function parseCodeExchange(body: unknown): CodeExchangeRequest {
  const root = requireObject(body, 'body');
  const deploymentId = requireString(root, 'deploymentId', 'deploymentId', 128);
  const oauth = requireObject(root['oauth'], 'oauth');
  const code = optionalString(oauth, 'code', 'oauth.code');
  const idToken = optionalString(oauth, 'idToken', 'oauth.idToken', 16384);
  if ((code === undefined) === (idToken === undefined)) {
    throw GenesysApiError.malformed('oauth must carry exactly one of oauth.code and oauth.idToken');
  }
  const codeVerifier = optionalString(oauth, 'codeVerifier', 'oauth.codeVerifier', 128);
  if (codeVerifier !== undefined && !/^[A-Za-z0-9._~-]{43,128}$/.test(codeVerifier)) {
    throw GenesysApiError.malformed(
      'oauth.codeVerifier must be 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_", "~"',
    );
  }
  const journeyContext = root['journeyContext'];
  return {
    deploymentId,
    journeyContext:
      journeyContext === undefined ? undefined : requireObject(journeyContext, 'journeyContext'),
    oauth: {
      code,
      idToken,
      redirectUri: requireString(oauth, 'redirectUri', 'oauth.redirectUri', 2048),
      nonce: optionalString(oauth, 'nonce', 'oauth.nonce', 512),
      maxAge: optionalWholeNumber(oauth, 'maxAge', 'oauth.maxAge'),
      codeVerifier,
      iss: optionalString(oauth, 'iss', 'oauth.iss', 2048),
    },
  };
}

/** Validates `POST .../token/refresh`'s body. */
export function parseRefresh(body: unknown): RefreshRequest {
  const root = requireObject(body, 'body');
  return {
    refreshToken: requireString(root, 'refreshToken', 'refreshToken', 4096),
    deploymentId: requireString(root, 'deploymentId', 'deploymentId', 128),
  };
}

/** Reads the JWT of an `Authorization: bearer <jwt>` header. */
export function parseBearer(header: string | undefined): string {
  const match = /^bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  if (!match) {
    throw new GenesysApiError(
      401,
      'authentication.required',
      'the Authorization header must be "bearer <jwt>"',
      'jwt-missing',
    );
  }
  return match[1];
}
