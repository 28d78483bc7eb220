/**
 * The admin API under `/admin`: drafts with ETags, publishing, versions, diffs and the audit trail.
 * Every route needs a signed-in user of the admin client; writes need the admin role.
 */
import cors from '@fastify/cors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { ApiError, type RequestIssue } from './api-error';
import { adminRequired, type Authenticator, type Principal } from './auth';
import { jsonDiff } from './json-diff';
import { createDefaultProfile } from 'ngx-genesys-messenger-auth/profile';
import {
  checkDraft,
  draftIssues,
  profileName,
  publishBlockers,
  requestIssues,
} from './profile-rules';
import type { Actor, ChangeRefused, DraftRecord, ProfileStore } from './profile-store';
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
  /** Browser origins of the admin app (CORS). */
  readonly origins: readonly string[];
}

interface Named {
  Params: { name: string };
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Registers the admin routes; mount with `{ prefix: '/admin' }`.
 * @param app the encapsulated Fastify context
 * @param deps store, authenticator and CORS origins
 */
export async function adminRoutes(app: FastifyInstance, deps: AdminRouteDeps): Promise<void> {
  const { store, auth } = deps;
  await app.register(cors, {
    origin: [...deps.origins],
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match'],
    exposedHeaders: ['ETag', 'Location'],
    maxAge: 600,
  });
  app.decorateRequest('principal', undefined);
  // Before the body is read: an anonymous or read-only caller never gets a body parsed.
  app.addHook('onRequest', async (request) => {
    if (request.method === 'OPTIONS') return;
    const principal = await auth.authenticate(request.headers.authorization);
    if (!READ_METHODS.has(request.method) && !principal.isAdmin) throw adminRequired(principal);
    request.principal = principal;
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/profiles', async () => ({ profiles: store.list() }));

  app.post('/profiles', async (request, reply) => {
    const { name, profile } = createRequest(request.body);
    const checked = checkDraft(profile ?? createDefaultProfile(name), name, 'profile');
    const detail = { from: profile === undefined ? 'default' : 'body' };
    const created = store.create(name, checked.profile, actorOf(request), detail);
    if (!created) {
      throw new ApiError(409, 'already-exists', `a profile named ${name} exists already`, {
        issues: [{ path: 'name', code: 'duplicate', message: `${name} is taken` }],
      });
    }
    return sendDraft(reply.code(201).header('location', `/admin/profiles/${name}`), created);
  });

  app.get<Named>('/profiles/:name', async (request, reply) =>
    sendDraft(reply, found(store.get(nameOf(request)), nameOf(request))),
  );

  app.put<Named>('/profiles/:name', async (request, reply) => {
    const name = nameOf(request);
    const ifMatch = requiredIfMatch(request.headers['if-match']);
    const checked = checkDraft(request.body, name);
    const saved = store.updateDraft(name, checked.profile, ifMatch, actorOf(request));
    return sendDraft(reply, refuseUnless(saved, name));
  });

  app.delete<Named>('/profiles/:name', async (request, reply) => {
    const name = nameOf(request);
    const refused = store.delete(name, request.headers['if-match'], actorOf(request));
    if (refused) refuseUnless(refused, name);
    return reply.code(204).send();
  });

  app.post<Named>('/profiles/:name/publish', async (request, reply) => {
    const name = nameOf(request);
    const ifMatch = requiredIfMatch(request.headers['if-match']);
    const outcome = store.publish(name, ifMatch, actorOf(request), publishBlockers);
    if (outcome.kind === 'invalid') {
      throw new ApiError(
        409,
        'not-publishable',
        'the draft does not pass the rules; fix it first',
        {
          issues: requestIssues(outcome.reason as readonly RequestIssue[]),
        },
      );
    }
    if (outcome.kind === 'unchanged') {
      throw new ApiError(
        409,
        'nothing-to-publish',
        `the draft is the same as version ${outcome.version}`,
      );
    }
    const { version } = refuseUnless(outcome, name);
    return reply
      .code(201)
      .header('location', `/admin/profiles/${name}/versions/${version.number}`)
      .send({ name, ...version });
  });

  app.get<Named>('/profiles/:name/versions', async (request) => {
    const name = nameOf(request);
    return { name, versions: found(store.versions(name), name) };
  });

  app.get<{ Params: { name: string; number: string } }>(
    '/profiles/:name/versions/:number',
    async (request) => {
      const name = nameOf(request);
      const number = positiveInteger(request.params.number, 'params.number');
      found(store.get(name), name);
      return {
        name,
        ...found(store.version(name, number), name, { number, path: 'params.number' }),
      };
    },
  );

  app.get<Named & { Querystring: Query }>('/profiles/:name/diff', async (request) => {
    const name = nameOf(request);
    const from = diffSide(request.query['from'], 'query.from');
    const to = diffSide(request.query['to'], 'query.to');
    const draft = found(store.get(name), name);
    const side = (which: number | 'draft', path: string) =>
      which === 'draft'
        ? draft.draft
        : found(store.version(name, which), name, { number: which, path }).document;
    return { name, from, to, changes: jsonDiff(side(from, 'query.from'), side(to, 'query.to')) };
  });

  app.get<{ Querystring: Query }>('/audit', async (request) => ({
    entries: store.audit.list(auditQuery(request.query)),
  }));
}

function nameOf(request: FastifyRequest<Named>): string {
  return profileName(request.params.name, 'params.name');
}

function actorOf(request: FastifyRequest): Actor {
  const principal = request.principal as Principal;
  return { sub: principal.sub, name: principal.name };
}

/** The value, or a 404 naming the missing profile or version and where the request named it. */
function found<T>(
  value: T | undefined,
  name: string,
  version?: { readonly number: number; readonly path: string },
): T {
  if (value !== undefined) return value;
  const [path, message] = version
    ? [version.path, `profile ${name} has no version ${version.number}`]
    : ['params.name', `there is no profile named ${name}`];
  throw new ApiError(404, 'not-found', message, { issues: [{ path, code: 'not-found', message }] });
}

function refuseUnless<T extends object>(outcome: T | ChangeRefused, name: string): T {
  if ('kind' in outcome && outcome.kind === 'not-found') found(undefined, name);
  if ('kind' in outcome && outcome.kind === 'stale') {
    const message = 'the draft was changed by someone else since you loaded it; reload and retry';
    throw new ApiError(412, 'precondition-failed', message, {
      etag: outcome.etag,
      issues: [{ path: 'headers.if-match', code: 'stale', message }],
    });
  }
  return outcome as T;
}

function sendDraft(reply: FastifyReply, record: DraftRecord): FastifyReply {
  const { errors, warnings } = draftIssues(record.draft);
  return reply.header('etag', record.etag).send({ ...record, warnings, errors });
}
