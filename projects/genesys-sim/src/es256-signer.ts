/** ES256 signing of the simulator's Genesys JWTs with a key made at start-up, and its JWKS. */
import type { JwtSigner } from 'ngx-genesys-messenger-auth/testing';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK, type CryptoKey } from 'jose';

/** A {@link JwtSigner} with an ES256 key pair; verification ignores time (the simulator's clock decides). */
export class Es256Signer implements JwtSigner {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    /** The public key as a JWKS document. */
    readonly jwks: { keys: JWK[] },
    private readonly kid: string,
  ) {}

  /** Makes a signer with a fresh key pair. */
  static async create(): Promise<Es256Signer> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const kid = crypto.randomUUID();
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    return new Es256Signer(privateKey, publicKey, { keys: [jwk] }, kid);
  }

  /** @inheritdoc */
  sign(claims: Record<string, unknown>): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: 'JWT' })
      .sign(this.privateKey);
  }

  /** @inheritdoc */
  async verify(jwt: string): Promise<Record<string, unknown>> {
    const { payload } = await jwtVerify(jwt, this.publicKey, {
      algorithms: ['ES256'],
      // Expiry is judged against the simulator's (shiftable) clock by the token service.
      currentDate: new Date(0),
    });
    return payload;
  }
}
