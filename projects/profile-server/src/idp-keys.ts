/**
 * The IdP's signing keys, found through its discovery document: the document must name the
 * configured issuer, every fetch has a deadline, and an unknown `kid` (a rotated key) makes jose
 * fetch the JWKS again once per cooldown, never once per token.
 */
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/** Default deadline of the discovery and JWKS fetches, in ms. */
export const DEFAULT_IDP_TIMEOUT_MS = 5000;
/** Default shortest time between two JWKS fetches caused by unknown `kid`s, in ms. */
export const DEFAULT_JWKS_COOLDOWN_MS = 30_000;

/** How the keys are found. */
export interface IdpKeyOptions {
  /** The configured issuer; the discovery document's `issuer` must be exactly this. */
  readonly issuer: string;
  /** Deadline of each fetch, in ms. */
  readonly timeoutMs?: number;
  /** Shortest time between two JWKS refetches for unknown keys, in ms. */
  readonly cooldownMs?: number;
}

/** The IdP cannot give its keys; the message (for the log only) says why. */
export class IdpUnavailable extends Error {
  override readonly name = 'IdpUnavailable';
}

/**
 * A key resolver for `jwtVerify`. Discovery happens at the first use, and again after a failure,
 * so the server may start before the IdP.
 * @param options issuer, deadline and cooldown
 * @returns the resolver; it rejects with {@link IdpUnavailable} when discovery fails
 */
export function discoveredKeySet(options: IdpKeyOptions): JWTVerifyGetKey {
  let remote: Promise<JWTVerifyGetKey> | undefined;
  return async (header, token) => {
    remote ??= discover(options).catch((error: unknown) => {
      remote = undefined;
      throw error;
    });
    return (await remote)(header, token);
  };
}

async function discover(options: IdpKeyOptions): Promise<JWTVerifyGetKey> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_IDP_TIMEOUT_MS;
  const url = `${options.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let document: Record<string, unknown>;
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as Record<string, unknown>;
  } catch (error) {
    throw new IdpUnavailable(`discovery at ${url} failed: ${(error as Error).message}`);
  }
  if (document['issuer'] !== options.issuer) {
    throw new IdpUnavailable(
      `the discovery document at ${url} names the issuer ${JSON.stringify(document['issuer'])}, ` +
        `not the configured ${options.issuer}`,
    );
  }
  const jwksUri = document['jwks_uri'];
  if (typeof jwksUri !== 'string' || !/^https?:/.test(jwksUri) || !URL.canParse(jwksUri)) {
    throw new IdpUnavailable(`the discovery document at ${url} has no valid jwks_uri`);
  }
  return createRemoteJWKSet(new URL(jwksUri), {
    timeoutDuration: timeoutMs,
    cooldownDuration: options.cooldownMs ?? DEFAULT_JWKS_COOLDOWN_MS,
  });
}
