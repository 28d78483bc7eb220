import type { OAuthExchangeParameters } from './request-validation';

/** What the identity provider answered for Genesys' own code exchange or refresh. */
export interface IdpGrant {
  /** The user's subject at the IdP. */
  readonly subject: string;
  /** The IdP access token's lifetime in seconds (`expires_in`), when it said. */
  readonly accessTokenLifetime?: number;
  /** The IdP refresh token, used later to check that the IdP session still lives. */
  readonly refreshToken?: string;
}

/** The IdP refused a code, a refresh token or an ID token. */
export class IdpRefusal extends Error {
  constructor(
    /** The OAuth error code, e.g. `invalid_grant`. */
    readonly error: string,
    message: string,
  ) {
    super(message);
    this.name = 'IdpRefusal';
  }
}

/**
 * Genesys' server-side view of the website's IdP (contract §4): it exchanges codes with the
 * integration's client id and secret, and refreshes with the IdP refresh token.
 */
export interface IdentityProviderPort {
  /** Exchanges an authorization code; rejects with `IdpRefusal` when the IdP says no. */
  exchangeCode(oauth: OAuthExchangeParameters): Promise<IdpGrant>;
  /** Checks the IdP session with its refresh token; rejects with `IdpRefusal` when it ended. */
  refresh(refreshToken: string): Promise<IdpGrant>;
  /** Verifies an ID token of the implicit flow; absent when the IdP port does not support it. */
  verifyIdToken?(idToken: string, nonce?: string): Promise<IdpGrant>;
}

/** Signs and verifies the Genesys JWTs. */
export interface JwtSigner {
  /** Signs a claims set into a compact JWT. */
  sign(claims: Record<string, unknown>): Promise<string>;
  /** Verifies a compact JWT's signature and returns its claims; rejects when it is not ours. */
  verify(jwt: string): Promise<Record<string, unknown>>;
}

/** A deployment's configuration document, as Messenger loads it (contract §1). */
export interface DeploymentConfig {
  /** The deployment id. */
  readonly id: string;
  /** A readable name. */
  readonly name: string;
  /** Authenticated messaging settings. */
  readonly auth: {
    /** Whether authenticated messaging is on. */
    readonly enabled: boolean;
    /** Whether an anonymous conversation may be upgraded by signing in. */
    readonly allowSessionUpgrade: boolean;
  };
}
