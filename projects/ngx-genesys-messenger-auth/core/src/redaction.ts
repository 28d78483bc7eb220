const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Number of hex characters a fingerprint keeps (24 bits). */
const FINGERPRINT_LENGTH = 6;

/**
 * A short, non-reversible fingerprint of a secret (a JWT, a refresh token, a code), so that log
 * lines can tell tokens apart and correlate them without showing them (STYLE.md §11).
 *
 * It is the last 6 hex characters of the 32-bit FNV-1a hash of the secret's UTF-8 bytes: synchronous
 * (log lines cannot wait for `crypto.subtle`), stable across tabs and reloads, and 24 bits are too
 * few to recover or forge anything from, yet plenty to tell a handful of live tokens apart. It is a
 * label, not an integrity check.
 * @param secret the value to fingerprint
 * @returns six lower-case hex characters, e.g. `3f9a0c`
 */
export function fingerprint(secret: string): string {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of new TextEncoder().encode(secret)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return (hash >>> 0).toString(16).padStart(8, '0').slice(-FINGERPRINT_LENGTH);
}

/**
 * Query and fragment parameters whose values {@link redactUrl} hides: codes, tokens, PKCE and
 * replay secrets, and hints that carry tokens or personal data. `iss`, `error`, `scope` and the
 * like stay readable because they are what one debugs by.
 */
export const REDACTED_URL_PARAMETERS: readonly string[] = [
  'code',
  'state',
  'nonce',
  'code_verifier',
  'id_token',
  'id_token_hint',
  'access_token',
  'refresh_token',
  'session_state',
  'client_secret',
  'login_hint',
];

/** The replacement of a hidden value. */
export const REDACTED = '[redacted]';

const SECRET_PARAMETER = new RegExp(`([?&#])(${REDACTED_URL_PARAMETERS.join('|')})=([^&#]*)`, 'gi');

/**
 * A URL safe to log: the values of {@link REDACTED_URL_PARAMETERS} in its query and fragment
 * (including a hash-routed fragment such as `#/callback?code=...`) are replaced with `[redacted]`;
 * everything else, encoding included, is left exactly as it was. Works on relative URLs too.
 * @param url an absolute or relative URL
 * @returns e.g. `/messenger/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp`
 */
export function redactUrl(url: string): string {
  return url.replace(
    SECRET_PARAMETER,
    (_match, separator: string, name: string) => `${separator}${name}=${REDACTED}`,
  );
}
