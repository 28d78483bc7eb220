/**
 * How a profile reaches portals and leaves them, under `/admin/profiles/{name}`: publish the
 * draft, republish an older version (rollback), unpublish (confirmed by name), delete (only what
 * portals do not get). Every call needs the draft's ETag in `If-Match`.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

import { actorOf, found, nameOf, refuseUnless, sendDraft, type Named } from './admin-route-helpers';
import { ApiError, type RequestIssue } from './api-error';
import { requestIssues, type ProfileRules } from './profile-rules';
import type { ProfileStore, PublishOutcome } from './profile-store';
import { positiveInteger, requiredIfMatch, unpublishConfirmation } from './request-input';

/** What the lifecycle routes need. */
export interface LifecycleRouteDeps {
  readonly store: ProfileStore;
  readonly rules: ProfileRules;
}

interface Versioned {
  Params: { name: string; number: string };
}

/**
 * Registers the lifecycle routes inside the admin context (its authentication applies).
 * @param app the admin routes' Fastify context
 * @param deps the store and the rules
 */
export function lifecycleRoutes(app: FastifyInstance, deps: LifecycleRouteDeps): void {
  const { store, rules } = deps;
  const check = (document: unknown) => rules.publishBlockers(document);

  app.post<Named>('/profiles/:name/publish', async (request, reply) => {
    const name = nameOf(request);
    const ifMatch = requiredIfMatch(request.headers['if-match']);
    return sendPublished(reply, name, await store.publish(name, ifMatch, actorOf(request), check));
  });

  app.post<Versioned>('/profiles/:name/versions/:number/republish', async (request, reply) => {
    const name = nameOf(request);
    const number = positiveInteger(request.params.number, 'params.number');
    const ifMatch = requiredIfMatch(request.headers['if-match']);
    const outcome = await store.republish(name, number, ifMatch, actorOf(request), check);
    if (outcome.kind === 'no-such-version') {
      found(undefined, name, { number, path: 'params.number' });
    }
    return sendPublished(reply, name, outcome, number);
  });

  app.post<Named>('/profiles/:name/unpublish', async (request, reply) => {
    const name = nameOf(request);
    const ifMatch = requiredIfMatch(request.headers['if-match']);
    unpublishConfirmation(request.body, name);
    const outcome = refuseUnless(await store.unpublish(name, ifMatch, actorOf(request)), name);
    if (outcome.kind === 'not-live') {
      const why =
        outcome.status === 'draft' ? 'has never been published' : 'is unpublished already';
      throw new ApiError(409, 'not-published', `profile ${name} ${why}`);
    }
    return sendDraft(reply, outcome.record, rules);
  });

  app.delete<Named>('/profiles/:name', async (request, reply) => {
    const name = nameOf(request);
    const ifMatch = requiredIfMatch(request.headers['if-match']);
    const outcome = refuseUnless(await store.delete(name, ifMatch, actorOf(request)), name);
    if (outcome.kind === 'published') {
      const message =
        `profile ${name} is published (portals get version ${outcome.version}); unpublish it ` +
        `first (POST /admin/profiles/${name}/unpublish), then delete it`;
      throw new ApiError(409, 'profile-published', message);
    }
    return reply.code(204).send();
  });
}

/** 201 with the new version, its Location and the draft's ETag; or the reason it was not made. */
function sendPublished(
  reply: FastifyReply,
  name: string,
  outcome: PublishOutcome,
  from?: number,
): FastifyReply {
  if (outcome.kind === 'invalid') {
    const what = from === undefined ? 'the draft does not' : `version ${from} does not`;
    throw new ApiError(409, 'not-publishable', `${what} pass today's rules; fix it first`, {
      issues: requestIssues(outcome.reason as readonly RequestIssue[]),
    });
  }
  if (outcome.kind === 'unchanged') {
    const what = from === undefined ? 'the draft' : `version ${from}`;
    throw new ApiError(
      409,
      'nothing-to-publish',
      `${what} is the same as version ${outcome.version}, which portals already get`,
    );
  }
  const published = refuseUnless(outcome, name);
  if (published.kind !== 'published') throw new Error(`unexpected outcome ${published.kind}`);
  const { version, etag } = published;
  return reply
    .code(201)
    .header('location', `/admin/profiles/${name}/versions/${version.number}`)
    .header('etag', etag)
    .send({ name, ...version, ...(from === undefined ? {} : { from }) });
}
