/**
 * The admin API under `/admin`: drafts with ETags, publishing, versions, diffs and the audit trail.
 * Every route needs a signed-in user of the admin client; writes need the admin role.
 */
import cors from '@fastify/cors';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';

import { actorOf, found, nameOf, refuseUnless, sendDraft, type Named } from './admin-route-helpers';
import { ApiError } from './api-error';
import { adminRequired, readerRequired, type Authenticator, type Principal } from './auth';
import { jsonDiff } from './json-diff';
import type { ProfileRules } from './profile-rules';
import type { ProfileStore } from './profile-store';
import { lifecycleRoutes } from './routes-lifecycle';
import {
  auditQuery,
  createRequest,
  diffSide,
  positiveInteger,
  requiredIfMatch,
  type Query,
} from './request-input';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller of an admin route. */
    principal?: Principal;
  }
}

/** What the admin routes need. */
export interface AdminRouteDeps {
  readonly store: ProfileStore;
  readonly auth: Authenticator;
  readonly rules: ProfileRules;
  /** Browser origins of the admin app (CORS). */
  readonly origins: readonly string[];
  /**
   * Limits each client address before anything else is done (the token is not even read): an
   * `onRequest` hook, e.g. from `@fastify/rate-limit`; none when absent.
   */
  readonly rateLimit?: onRequestHookHandler;
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Registers the admin routes; mount with `{ prefix: '/admin' }`.
 * @param app the encapsulated Fastify context
 * @param deps store, authenticator, rules, CORS origins and the rate limit
 */
export async function adminRoutes(app: FastifyInstance, deps: AdminRouteDeps): Promise<void> {
  const { store, auth, rules } = deps;
  await app.register(cors, {
    origin: [...deps.origins],
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match'],
    exposedHeaders: ['ETag', 'Location'],
    maxAge: 600,
  });
  app.decorateRequest('principal', undefined);
  if (deps.rateLimit) app.addHook('onRequest', deps.rateLimit);
  // Before the body is read: an anonymous or read-only caller never gets a body parsed.
  app.addHook('onRequest', async (request) => {
    if (request.method === 'OPTIONS') return;
    const principal = await auth.authenticate(request.headers.authorization);
    if (!principal.canRead) throw readerRequired(principal);
    if (!READ_METHODS.has(request.method) && !principal.isAdmin) throw adminRequired(principal);
    request.principal = principal;
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/profiles', async () => ({ profiles: await store.list() }));

  app.post('/profiles', async (request, reply) => {
    const { name, profile } = createRequest(request.body);
    const checked = rules.checkDraft(profile ?? rules.defaultProfile(name), name, 'profile');
    const detail = { from: profile === undefined ? 'default' : 'body' };
    const created = await store.create(name, checked.profile, actorOf(request), detail);
    if (!created) {
      throw new ApiError(409, 'already-exists', `a profile named ${name} exists already`, {
        issues: [{ path: 'name', code: 'duplicate', message: `${name} is taken` }],
      });
    }
    return sendDraft(reply.code(201).header('location', `/admin/profiles/${name}`), created, rules);
  });

  app.get<Named>('/profiles/:name', async (request, reply) =>
    sendDraft(reply, found(await store.get(nameOf(request)), nameOf(request)), rules),
  );

  app.put<Named>('/profiles/:name', async (request, reply) => {
    const name = nameOf(request);
    const ifMatch = requiredIfMatch(request.headers['if-match']);
    const checked = rules.checkDraft(request.body, name);
    const saved = await store.updateDraft(name, checked.profile, ifMatch, actorOf(request));
    return sendDraft(reply, refuseUnless(saved, name), rules);
  });

  lifecycleRoutes(app, { store, rules });

  app.get<Named>('/profiles/:name/versions', async (request) => {
    const name = nameOf(request);
    return { name, versions: found(await store.versions(name), name) };
  });

  app.get<{ Params: { name: string; number: string } }>(
    '/profiles/:name/versions/:number',
    async (request) => {
      const name = nameOf(request);
      const number = positiveInteger(request.params.number, 'params.number');
      found(await store.get(name), name);
      return {
        name,
        ...found(await store.version(name, number), name, { number, path: 'params.number' }),
      };
    },
  );

  app.get<Named & { Querystring: Query }>('/profiles/:name/diff', async (request) => {
    const name = nameOf(request);
    const from = diffSide(request.query['from'], 'query.from');
    const to = diffSide(request.query['to'], 'query.to');
    const draft = found(await store.get(name), name);
    const side = async (which: number | 'draft', path: string) =>
      which === 'draft'
        ? draft.draft
        : found(await store.version(name, which), name, { number: which, path }).document;
    const [before, after] = [await side(from, 'query.from'), await side(to, 'query.to')];
    return { name, from, to, changes: jsonDiff(before, after) };
  });

  app.get<{ Querystring: Query }>('/audit', async (request) => ({
    entries: await store.audit.list(auditQuery(request.query)),
  }));
}
