import type { GenesysDeploymentSettings } from './profile-schema';

/** Hosts a portal is developed on over plain http, on any port. */
const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1'];

/** `<scheme>://[*.]<host>[:<port>|:*]` */
const ORIGIN_PATTERN = /^(https?):\/\/(\*\.)?([^:/*]+)(?::(\d+|\*))?$/;

/**
 * The origin patterns a profile's deployment may be used from, for CORS on the published document:
 * `*` when `allowAllDomains`; otherwise `https://<domain>` per allowed domain (`https://*.example.com`
 * for a wildcard, which matches subdomains only), and `http://localhost:*` plus `https://localhost:*`
 * (any port) for a loopback host. Match an origin with {@link isOriginAllowed}.
 * @param genesys the profile's Genesys settings
 * @returns the patterns, in the order of the domains
 */
export function allowedOriginsOf(
  genesys: Pick<GenesysDeploymentSettings, 'allowAllDomains' | 'allowedDomains'>,
): string[] {
  if (genesys.allowAllDomains) return ['*'];
  return genesys.allowedDomains.flatMap((domain) =>
    LOOPBACK_HOSTS.includes(domain)
      ? [`http://${domain}:*`, `https://${domain}:*`]
      : [`https://${domain}`],
  );
}

function matches(url: URL, pattern: string): boolean {
  if (pattern === '*') return true;
  const parts = ORIGIN_PATTERN.exec(pattern);
  if (!parts) return false;
  const [, scheme, wildcard, host, port] = parts;
  if (url.protocol !== `${scheme}:`) return false;
  const hostname = url.hostname.toLowerCase();
  const base = host.toLowerCase();
  const hostOk = wildcard ? hostname.endsWith(`.${base}`) : hostname === base;
  const portOk = port === '*' || url.port === (port ?? '');
  return hostOk && portOk;
}

/**
 * Whether a request's `Origin` matches one of the patterns of {@link allowedOriginsOf}.
 * @param origin the `Origin` header, e.g. `https://portal.example.com`
 * @param allowedOrigins the patterns
 */
export function isOriginAllowed(origin: string, allowedOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // `null` or garbage: no origin to allow.
    return false;
  }
  if (url.origin !== origin) return false;
  return allowedOrigins.some((pattern) => matches(url, pattern));
}
