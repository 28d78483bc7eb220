/**
 * The `Host` check of the local stack's servers, against DNS rebinding: a page of another site
 * whose name is made to resolve to 127.0.0.1 reaches a loopback server with its own name in `Host`
 * and is refused. One check, with adapters for node:http and Fastify.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { CliOption, Parser } from './cli-config';
import { ConfigError, quote } from './config-error';
import { loopbackHostNames } from './loopback';

/** Letters, digits, dots and dashes, or an IPv6 literal in brackets; an optional port. */
const HOST_SYNTAX = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::\d{1,5})?$/i;

/** Why a request was refused: the status to answer and one line for its body. */
export interface HostRefusal {
  /** 400 for a missing or malformed `Host`, 421 Misdirected Request for a name not ours. */
  readonly status: 400 | 421;
  readonly message: string;
}

/**
 * Checks one request's `Host` header.
 * @param host the header (undefined when the request has none, as HTTP/1.0 allows)
 * @param localPort the port the request arrived on (the loopback names are allowed with it)
 * @returns undefined to serve the request, or why to refuse it
 */
export type HostCheck = (
  host: string | undefined,
  localPort: number | undefined,
) => HostRefusal | undefined;

/**
 * The canonical form of a `Host` value: lower case, IPv6 compressed, no port 80.
 * @param value e.g. `LocalHost:4400`, `[0::1]:4400`, `portal.example.com`
 * @returns e.g. `localhost:4400`, `[::1]:4400`, `portal.example.com`; undefined when malformed
 */
export function canonicalHost(value: string): string | undefined {
  if (!HOST_SYNTAX.test(value)) return undefined;
  try {
    return new URL(`http://${value}`).host;
  } catch {
    // A port above 65535 or a bad IPv6 literal: the syntax test lets them through.
    return undefined;
  }
}

/** A comma-separated list of host names, each with an optional port. */
export const hostNames: Parser<readonly string[]> = (value, source) =>
  value.split(',').map((item) => {
    const host = canonicalHost(item.trim());
    if (!host) {
      throw new ConfigError(
        'bad-host',
        `${source} must be host names with an optional port, separated by commas, ` +
          `e.g. portal.example.com,portal.example.com:8443, got ${quote(item.trim())}`,
      );
    }
    return host;
  });

/**
 * The `--allowed-hosts` option of a server.
 * @param env the environment variable, e.g. `DEV_IDP_ALLOWED_HOSTS`
 * @param publicName what the server also answers to without it, for `--help`
 * @returns the option (its value: canonical host names)
 */
export function allowedHostsOption(env: string, publicName: string): CliOption<readonly string[]> {
  return {
    flag: '--allowed-hosts',
    env,
    example: 'dev.example.com:8080',
    description:
      `more Host names it answers to, comma-separated, besides ${publicName} and ` +
      'localhost/127.0.0.1/[::1] on its port (others get 421: DNS-rebinding guard)',
    parse: hostNames,
    fallback: [],
  };
}

/**
 * Creates the check of a server.
 * @param names the names it answers to besides the loopback ones (its public origin's host,
 *   `--allowed-hosts`), each as `canonicalHost` writes it
 * @returns the check
 */
export function createHostCheck(names: readonly string[]): HostCheck {
  return (host, localPort) => {
    if (!host) {
      return {
        status: 400,
        message: 'the request has no Host header; send one naming this server',
      };
    }
    const canonical = canonicalHost(host);
    if (!canonical) return { status: 400, message: `malformed Host header ${quote(host)}` };
    const known = localPort === undefined ? names : [...loopbackHostNames(localPort), ...names];
    if (known.includes(canonical)) return undefined;
    return {
      status: 421,
      message:
        `Host ${quote(host)} is not a name of this server (it answers to ${known.join(', ')}); ` +
        'start it with --allowed-hosts <name> to add one',
    };
  };
}

/**
 * Refuses a node:http request whose `Host` is not ours, with a plain-text answer.
 * @param check the server's check
 * @param req the request
 * @param res its response
 * @returns whether the request was refused (and answered)
 */
export function refuseMisdirected(
  check: HostCheck,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const refusal = check(req.headers.host, req.socket.localPort);
  if (!refusal) return false;
  res.writeHead(refusal.status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  res.end(`${refusal.message}\n`);
  return true;
}

/**
 * A Fastify `onRequest` hook that refuses requests whose `Host` is not ours.
 * @param check the server's check
 * @param refuse answers a refusal in the server's own error format
 * @returns the hook (register it before any other)
 */
export function hostCheckHook(
  check: HostCheck,
  refuse: (reply: FastifyReply, refusal: HostRefusal) => FastifyReply,
): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined> {
  return async (request, reply) => {
    const refusal = check(request.headers.host, request.socket.localPort);
    return refusal && refuse(reply.header('Connection', 'close'), refusal);
  };
}
