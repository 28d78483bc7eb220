/**
 * Whether a bind address keeps a server on this machine, decided from its spelling alone: the
 * local stack never asks DNS about a bind address.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** An IPv4-mapped IPv6 address of 127.0.0.0/8 as the WHATWG URL parser writes it. */
const MAPPED_IPV4_LOOPBACK = /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/;

/**
 * Tells whether a bind address is a loopback address: `127.0.0.0/8`, `::1` (in any spelling,
 * also IPv4-mapped `::ffff:127.x.y.z`, with or without brackets) or the name `localhost`.
 *
 * `localhost` counts without a lookup: RFC 6761 §6.3 reserves it for loopback and the hosts file
 * of every supported system maps it there. Names under it (`app.localhost`) do not count, because
 * the C library asks DNS about them when Node binds; every other name does not count either, and
 * neither do the wildcard addresses `0.0.0.0` and `::`.
 * @param host the `--host` value
 * @returns whether the server would listen on loopback only
 */
export function isLoopbackHost(host: string): boolean {
  const lower = host.toLowerCase();
  if (lower === 'localhost' || lower === 'localhost.') return true;
  if (isIPv4(lower)) return lower.startsWith('127.');
  const bare = lower.replace(/^\[(.*)\]$/, '$1');
  if (!isIPv6(bare) || bare.includes('%')) return false;
  // The URL parser writes every spelling of an IPv6 address in one canonical form.
  const canonical = new URL(`http://[${bare}]`).hostname;
  return canonical === '[::1]' || MAPPED_IPV4_LOOPBACK.test(canonical);
}

/**
 * The `Host` values a browser on this machine sends to a server on a loopback port.
 * @param port the port the request arrived on
 * @returns `localhost`, `127.0.0.1` and `[::1]`, each with the port (without it for port 80)
 */
export function loopbackHostNames(port: number): string[] {
  const suffix = port === 80 ? '' : `:${port}`;
  return ['localhost', '127.0.0.1', '[::1]'].map((name) => `${name}${suffix}`);
}
