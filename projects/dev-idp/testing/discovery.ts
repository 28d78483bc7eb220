/** OpenID Provider metadata, fetched once per issuer. */

const metadataCache = new Map<string, Record<string, unknown>>();

/**
 * Fetches (once per issuer) the OpenID Provider metadata.
 * @param issuer the issuer
 * @returns the discovery document
 */
export async function discover(issuer: string): Promise<Record<string, unknown>> {
  const cached = metadataCache.get(issuer);
  if (cached) {
    return cached;
  }
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new Error(`discovery of ${issuer} failed with HTTP ${response.status}`);
  }
  const metadata = (await response.json()) as Record<string, unknown>;
  metadataCache.set(issuer, metadata);
  return metadata;
}
