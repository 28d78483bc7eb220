/**
 * Key material made fresh at every start (dev only): tokens and cookies of a previous run are
 * simply invalid after a restart.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** A private JSON Web Key as oidc-provider's `jwks` option expects it. */
export type PrivateJwk = Record<string, unknown>;

/**
 * Generates an RS256 signing key pair.
 * @returns a JWKS holding the private key (oidc-provider publishes only its public part)
 */
export function createSigningJwks(): { keys: PrivateJwk[] } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return {
    keys: [
      { ...jwk, kid: `dev-${randomBytes(6).toString('base64url')}`, alg: 'RS256', use: 'sig' },
    ],
  };
}

/**
 * Generates the keys that sign oidc-provider's cookies.
 * @returns one random key
 */
export function createCookieKeys(): string[] {
  return [randomBytes(32).toString('base64url')];
}
