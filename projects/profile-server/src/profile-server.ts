/**
 * The profile server's HTTP face: `/health`, the admin API under `/admin`, the portal API under
 * `/profiles`. JSON only, 256 KiB bodies, one log line per request (method, path, status, time).
 */
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';

import { hostCheckHook, type HostCheck } from '../../node-kit/src/host-check';
import { ApiError, apiErrorHandler, sendApiError } from './api-error';
import type { Authenticator } from './auth';
import type { ProfileRules } from './profile-rules';
import type { ProfileStore } from './profile-store';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limits';
import { adminRoutes } from './routes-admin';
import { portalRoutes } from './routes-portal';

/** Largest accepted request body. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** What the server is built from. */
export interface ProfileServerParts {
  readonly store: ProfileStore;
  readonly auth: Authenticator;
  /** The rules drafts are checked against. */
  readonly rules: ProfileRules;
  /** Per-address request limits; {@link DEFAULT_RATE_LIMITS} when absent. */
  readonly rateLimits?: RateLimits;
  /** Browser origins of the admin app. */
  readonly adminOrigins: readonly string[];
  /** Writes one log line (never a token or a body). */
  readonly log: (line: string) => void;
  /** Refuses requests for names not ours (DNS rebinding); `main` always passes one. */
  readonly hostCheck?: HostCheck;
}

/**
 * Builds the Fastify app (not listening yet).
 * @param parts store, authenticator, rules, admin origins, rate limits and logger
 * @returns the app
 * @usageNotes
 * ```ts
 * const app = await createProfileServer({ store, auth, adminOrigins, log });
 * await app.listen({ port: 4600, host: '127.0.0.1' });
 * ```
 */
export async function createProfileServer(parts: ProfileServerParts): Promise<FastifyInstance> {
  const { log } = parts;
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES, return503OnClosing: true });
  if (parts.hostCheck) {
    const code = (status: number) => (status === 421 ? 'misdirected-request' : 'bad-request');
    app.addHook(
      'onRequest',
      hostCheckHook(parts.hostCheck, (reply, refusal) =>
        sendApiError(reply, new ApiError(refusal.status, code(refusal.status), refusal.message)),
      ),
    );
  }
  // JSON only: any other body is a 415, not a string handed to the routes.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(apiErrorHandler((message) => log(`unexpected error: ${message}`)));
  app.setNotFoundHandler((request, reply) => {
    const message = `no such resource: ${request.method} ${pathOf(request.url)}`;
    return sendApiError(
      reply,
      new ApiError(404, 'not-found', message, {
        issues: [{ path: 'url', code: 'not-found', message }],
      }),
    );
  });
  app.addHook('onResponse', async (request, reply) => {
    // Paths only: never a query string, header or body.
    log(
      `${request.method} ${pathOf(request.url)} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`,
    );
  });

  // Not global: each API gets its own limit (and its own counts) below.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'rate-limited', `too many requests; retry in ${context.after}`),
  });
  const limits = parts.rateLimits ?? DEFAULT_RATE_LIMITS;
  const perMinute = (max: number) => app.rateLimit({ max, timeWindow: 60_000 });

  app.get('/health', async () => ({ status: 'ok' }));
  await app.register(adminRoutes, {
    prefix: '/admin',
    store: parts.store,
    auth: parts.auth,
    rules: parts.rules,
    origins: parts.adminOrigins,
    rateLimit: perMinute(limits.adminPerMinute),
  });
  await app.register(portalRoutes, {
    store: parts.store,
    rateLimit: perMinute(limits.portalPerMinute),
  });
  return app;
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
