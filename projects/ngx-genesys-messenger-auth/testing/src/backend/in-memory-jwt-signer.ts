import type { JwtSigner } from './token-ports';

const encoder = new TextEncoder();

function base64url(text: string): string {
  const binary = Array.from(encoder.encode(text), (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Makes JWT-shaped tokens for unit tests without cryptography (`alg: none`): a token verifies only
 * if this signer issued it, so forged or altered tokens are still refused.
 */
export class InMemoryJwtSigner implements JwtSigner {
  private readonly issued = new Map<string, Record<string, unknown>>();

  /** @inheritdoc */
  async sign(claims: Record<string, unknown>): Promise<string> {
    const jwt = `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}.`;
    this.issued.set(jwt, { ...claims });
    return jwt;
  }

  /** @inheritdoc */
  async verify(jwt: string): Promise<Record<string, unknown>> {
    const claims = this.issued.get(jwt);
    if (!claims) throw new Error('not a token this signer issued');
    return { ...claims };
  }
}
