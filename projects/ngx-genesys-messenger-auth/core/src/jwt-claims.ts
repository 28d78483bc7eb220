/** The claims of a JWT the bridge relies on; everything else is opaque (contract §4). */
export interface JwtTimes {
  /** Issued at, seconds since the epoch (issuer's clock). */
  readonly iat: number;
  /** Expires at, seconds since the epoch (issuer's clock). */
  readonly exp: number;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Reads a JWT's payload without verifying it (the bridge only schedules by it; Genesys verifies).
 * @returns the payload object, or undefined when the value is not a well-formed JWT
 */
export function readJwtPayload(jwt: string): Record<string, unknown> | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload: unknown = JSON.parse(base64UrlDecode(parts[1]));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    // Not base64url JSON: the caller treats the token as malformed.
    return undefined;
  }
}

/**
 * Reads `iat` and `exp` from a JWT.
 * @returns the times, or undefined when either is missing, not a number, or `exp <= iat`
 */
export function readJwtTimes(jwt: string): JwtTimes | undefined {
  const payload = readJwtPayload(jwt);
  const iat = payload?.['iat'];
  const exp = payload?.['exp'];
  if (typeof iat !== 'number' || typeof exp !== 'number' || !(exp > iat)) return undefined;
  return { iat, exp };
}
