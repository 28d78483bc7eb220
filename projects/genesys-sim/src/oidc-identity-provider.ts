/**
 * Genesys' server-side calls to the website's OpenID Connect provider (contract §4): the code
 * exchange and the refresh that checks the IdP session, both with the integration's client id
 * and secret, at the token endpoint the IdP's discovery document names.
 */
import {
  IdpRefusal,
  type IdentityProviderPort,
  type IdpGrant,
  type OAuthExchangeParameters,
} from 'ngx-genesys-messenger-auth/testing';
import { decodeJwt } from 'jose';

/** The integration's settings ("OpenID Connect Messenger Configuration"). */
export interface OidcIntegration {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clientAuth: 'basic' | 'post';
}

/** The IdP could not be reached or answered nonsense: not a refusal, a 502 for the caller. */
export class IdpUnavailable extends Error {
  override readonly name = 'IdpUnavailable';
}

interface TokenResponse {
  readonly access_token?: string;
  readonly expires_in?: number;
  readonly refresh_token?: string;
  readonly id_token?: string;
  readonly error?: string;
}

const TIMEOUT_MS = 10_000;

/** {@link IdentityProviderPort} over HTTP against a real OpenID Connect provider. */
export class OidcIdentityProvider implements IdentityProviderPort {
  private tokenEndpoint?: Promise<string>;

  constructor(private readonly integration: OidcIntegration) {}

  /** @inheritdoc */
  async exchangeCode(oauth: OAuthExchangeParameters): Promise<IdpGrant> {
    if (oauth.iss !== undefined && oauth.iss !== this.integration.issuer) {
      throw new IdpRefusal('invalid_request', 'iss does not name the configured identity provider');
    }
    const answer = await this.token({
      grant_type: 'authorization_code',
      code: oauth.code ?? '',
      redirect_uri: oauth.redirectUri,
      ...(oauth.codeVerifier ? { code_verifier: oauth.codeVerifier } : {}),
    });
    const subject = this.subjectOf(answer, oauth.nonce);
    return { subject, accessTokenLifetime: answer.expires_in, refreshToken: answer.refresh_token };
  }

  /** @inheritdoc */
  async refresh(refreshToken: string): Promise<IdpGrant> {
    const answer = await this.token({ grant_type: 'refresh_token', refresh_token: refreshToken });
    const subject = answer.id_token ? String(decodeJwt(answer.id_token).sub) : '';
    return { subject, accessTokenLifetime: answer.expires_in, refreshToken: answer.refresh_token };
  }

  private subjectOf(answer: TokenResponse, nonce: string | undefined): string {
    if (!answer.id_token) return 'unknown';
    // The ID token came straight from the token endpoint, so its signature need not be checked
    // (OIDC Core 3.1.3.7); its issuer and nonce still must match.
    const claims = decodeJwt(answer.id_token);
    if (claims.iss !== this.integration.issuer) {
      throw new IdpRefusal('invalid_grant', 'the ID token names another issuer');
    }
    if (nonce !== undefined && claims['nonce'] !== nonce) {
      throw new IdpRefusal('invalid_grant', 'the ID token nonce does not match');
    }
    return String(claims.sub);
  }

  private async token(parameters: Record<string, string>): Promise<TokenResponse> {
    const { clientId, clientSecret, clientAuth } = this.integration;
    const body = new URLSearchParams(parameters);
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (clientAuth === 'basic') {
      const encode = (value: string) => encodeURIComponent(value);
      headers['Authorization'] = `Basic ${btoa(`${encode(clientId)}:${encode(clientSecret)}`)}`;
    } else {
      body.set('client_id', clientId);
      body.set('client_secret', clientSecret);
    }
    const response = await this.fetchJson(await this.endpoint(), { method: 'POST', headers, body });
    if (response.status >= 400 && response.status < 500) {
      throw new IdpRefusal(
        response.json.error ?? `http_${response.status}`,
        'the identity provider refused',
      );
    }
    if (response.status !== 200 || typeof response.json.access_token !== 'string') {
      throw new IdpUnavailable(
        `the identity provider's token endpoint answered ${response.status}`,
      );
    }
    return response.json;
  }

  private endpoint(): Promise<string> {
    this.tokenEndpoint ??= this.fetchJson(
      `${this.integration.issuer}/.well-known/openid-configuration`,
      {
        method: 'GET',
      },
    ).then(({ status, json }) => {
      const endpoint = (json as { token_endpoint?: unknown }).token_endpoint;
      if (status !== 200 || typeof endpoint !== 'string') {
        throw new IdpUnavailable(`no token endpoint in the discovery document (HTTP ${status})`);
      }
      return endpoint;
    });
    // A failed discovery is retried on the next call rather than remembered.
    this.tokenEndpoint.catch(() => (this.tokenEndpoint = undefined));
    return this.tokenEndpoint;
  }

  private async fetchJson(
    url: string,
    init: RequestInit,
  ): Promise<{ status: number; json: TokenResponse }> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new IdpUnavailable(`the identity provider did not answer (${(error as Error).name})`);
    }
    const json = (await response.json().catch(() => ({}))) as TokenResponse;
    return { status: response.status, json };
  }
}
