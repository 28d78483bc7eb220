/** Calls to the IdP's token endpoint, as an RP back end or a browser app makes them. */
import { discover } from './discovery';

/** Options of {@link exchangeCode}. */
export interface ExchangeCodeOptions {
  readonly issuer: string;
  readonly clientId: string;
  readonly code: string;
  readonly redirectUri: string;
  readonly codeVerifier?: string;
  /** Secret of a confidential client. */
  readonly clientSecret?: string;
  /** How the secret is sent; default `basic`. */
  readonly clientAuth?: 'basic' | 'post';
  /** `Origin` header, to act as a browser. */
  readonly origin?: string;
}

/** A token endpoint answer. */
export interface TokenResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Readonly<Record<string, unknown>>;
}

/**
 * Exchanges an authorization code at the token endpoint.
 * @param options code, client and PKCE verifier
 * @returns status, headers and the JSON body
 */
export function exchangeCode(options: ExchangeCodeOptions): Promise<TokenResponse> {
  const params: Record<string, string> = {
    grant_type: 'authorization_code',
    code: options.code,
    redirect_uri: options.redirectUri,
  };
  if (options.codeVerifier) {
    params['code_verifier'] = options.codeVerifier;
  }
  return tokenRequest(options, params);
}

/**
 * Redeems a refresh token at the token endpoint.
 * @param options the client (issuer, clientId, optional secret and origin)
 * @param refreshToken the refresh token
 * @returns status, headers and the JSON body
 */
export function refreshTokens(
  options: Omit<ExchangeCodeOptions, 'code' | 'redirectUri' | 'codeVerifier'>,
  refreshToken: string,
): Promise<TokenResponse> {
  return tokenRequest(options, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

async function tokenRequest(
  options: Omit<ExchangeCodeOptions, 'code' | 'redirectUri' | 'codeVerifier'>,
  params: Record<string, string>,
): Promise<TokenResponse> {
  const metadata = await discover(options.issuer);
  const body = new URLSearchParams({ ...params, client_id: options.clientId });
  const headers: Record<string, string> = {};
  if (options.clientSecret !== undefined && options.clientAuth === 'post') {
    body.set('client_secret', options.clientSecret);
  } else if (options.clientSecret !== undefined) {
    body.delete('client_id');
    const user = `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`;
    headers['authorization'] = `Basic ${Buffer.from(user).toString('base64')}`;
  }
  if (options.origin) {
    headers['origin'] = options.origin;
  }
  const response = await fetch(String(metadata['token_endpoint']), {
    method: 'POST',
    body,
    headers,
  });
  const json = (await response.json()) as Record<string, unknown>;
  return { status: response.status, headers: response.headers, body: json };
}

/**
 * Reads the payload of a JWT without verifying it (tests compare claims only).
 * @param jwt a compact JWS
 * @returns its claims
 */
export function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
