/**
 * A stand-in IdP for specs: a fresh RS256 key pair, its key set for the authenticator, and real
 * signed access tokens with whatever claims a test needs (expired, wrong audience, no roles …).
 */
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';

/** The issuer, audience and client the specs' server is configured with. */
export const TEST_ISSUER = 'http://localhost:4400';
export const TEST_AUDIENCE = 'http://localhost:4600';
export const TEST_CLIENT_ID = 'admin';

/** What a test token says; everything has a sensible default. */
export interface TokenClaims {
  readonly sub?: string;
  readonly username?: string;
  readonly roles?: readonly string[];
  readonly clientId?: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** Seconds until `exp`; negative for an expired token. */
  readonly expiresIn?: number;
  /** The JWS `typ`; default `at+jwt`. */
  readonly typ?: string;
}

/** Signs access tokens with its own key. */
export class LocalIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    /** The key set to give the authenticator. */
    readonly keySet: JWTVerifyGetKey,
    private readonly kid: string,
    /** The public key as a JWK (what a JWKS endpoint serves). */
    readonly publicJwk: JWK,
  ) {}

  /** Creates an issuer with a fresh key pair. */
  static async create(kid = 'test-key'): Promise<LocalIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    return new LocalIssuer(privateKey, createLocalJWKSet({ keys: [jwk] }), kid, jwk);
  }

  /** A signed access token. */
  token(claims: TokenClaims = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      client_id: claims.clientId ?? TEST_CLIENT_ID,
      roles: [...(claims.roles ?? [])],
      ...(claims.username ? { preferred_username: claims.username } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', typ: claims.typ ?? 'at+jwt', kid: this.kid })
      .setIssuer(claims.issuer ?? TEST_ISSUER)
      .setAudience(claims.audience ?? TEST_AUDIENCE)
      .setSubject(claims.sub ?? 'user-1')
      .setIssuedAt(now - 5)
      .setExpirationTime(now + (claims.expiresIn ?? 300))
      .sign(this.privateKey);
  }

  /** A token of an admin (role `admin`). */
  admin(username = 'ada'): Promise<string> {
    return this.token({ sub: `sub-${username}`, username, roles: ['admin'] });
  }

  /** A token of a reader (role `reader`): may read the admin API, not write. */
  reader(username = 'rosalind'): Promise<string> {
    return this.token({ sub: `sub-${username}`, username, roles: ['reader'] });
  }

  /** A token of the admin client for a user with neither role (a customer). */
  customer(username = 'alice'): Promise<string> {
    return this.token({ sub: `sub-${username}`, username, roles: ['customer'] });
  }
}
