/** What the admin routes share: reading the name, the caller, 404s, 412s and draft answers. */
import type { FastifyReply, FastifyRequest } from 'fastify';

import { ApiError } from './api-error';
import type { Principal } from './auth';
import { profileName, type ProfileRules } from './profile-rules';
import type { Actor, ChangeRefused, DraftRecord } from './profile-store';

/** Route parameters naming a profile. */
export interface Named {
  Params: { name: string };
}

/** The profile name of the URL, checked. */
export function nameOf(request: FastifyRequest<Named>): string {
  return profileName(request.params.name, 'params.name');
}

/** The verified caller as the store records them. */
export function actorOf(request: FastifyRequest): Actor {
  const principal = request.principal as Principal;
  return { sub: principal.sub, name: principal.name };
}

/** The value, or a 404 naming the missing profile or version and where the request named it. */
export function found<T>(
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

/** The outcome, unless the store refused: then the 404 or the 412 with the current ETag. */
export function refuseUnless<T extends object>(outcome: T | ChangeRefused, name: string): T {
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

/** Sends a draft with its ETag and today's errors and warnings. */
export function sendDraft(
  reply: FastifyReply,
  record: DraftRecord,
  rules: ProfileRules,
): FastifyReply {
  const { errors, warnings } = rules.draftIssues(record.draft);
  return reply.header('etag', record.etag).send({ ...record, warnings, errors });
}
