/** Random values and PKCE (RFC 7636, S256) for Messenger's own authorization requests. */

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unguessable URL-safe value of `bytes` random bytes (state, nonce, verifier). */
export function randomUrlSafe(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A PKCE pair: a 43-character verifier and its S256 challenge. */
export interface PkcePair {
  readonly verifier: string;
  readonly challenge: string;
}

/** Makes a fresh PKCE pair (needs a secure context for `crypto.subtle`). */
export async function createPkcePair(): Promise<PkcePair> {
  const verifier = randomUrlSafe(32);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}
