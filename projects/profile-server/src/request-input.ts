/**
 * Reading the parts of admin requests that are not a profile: version numbers, diff sides, audit
 * filters, preconditions and the create body. Each refusal names the request part at fault.
 */
import { ApiError, badRequest } from './api-error';
import type { AuditQuery } from './audit-log';
import { profileName } from './profile-rules';

/** Most audit entries one request returns. */
export const MAX_AUDIT_LIMIT = 500;
/** Audit entries returned when `limit` is not given. */
export const DEFAULT_AUDIT_LIMIT = 100;

/** A query string as Fastify parses it. */
export type Query = Readonly<Record<string, string | string[] | undefined>>;

/**
 * A positive whole number from the URL.
 * @param value the raw value
 * @param path where it came from, e.g. `params.number`
 * @returns the number
 * @throws ApiError 400 naming `path`
 */
export function positiveInteger(value: unknown, path: string): number {
  const n = typeof value === 'string' && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(n)) {
    throw badRequest(path, 'invalid-value', `${path} must be a whole number from 1`);
  }
  return n;
}

/**
 * One side of a diff: a version number or `draft`.
 * @param value the raw query value
 * @param path `query.from` or `query.to`
 * @throws ApiError 400 naming `path`
 */
export function diffSide(value: unknown, path: string): number | 'draft' {
  if (value === 'draft') return 'draft';
  if (value === undefined) {
    throw badRequest(path, 'required', `${path} is required: a version number or "draft"`);
  }
  try {
    return positiveInteger(value, path);
  } catch {
    throw badRequest(path, 'invalid-value', `${path} must be a version number or "draft"`);
  }
}

/**
 * The filters of `GET /admin/audit`.
 * @param query the query string
 * @throws ApiError 400 naming the bad parameter
 */
export function auditQuery(query: Query): AuditQuery {
  for (const key of Object.keys(query)) {
    if (!['profile', 'limit', 'before'].includes(key)) {
      throw badRequest(`query.${key}`, 'unknown-field', 'known parameters: profile, limit, before');
    }
  }
  const limit =
    query['limit'] === undefined
      ? DEFAULT_AUDIT_LIMIT
      : positiveInteger(query['limit'], 'query.limit');
  if (limit > MAX_AUDIT_LIMIT) {
    throw badRequest(
      'query.limit',
      'out-of-range',
      `query.limit must be at most ${MAX_AUDIT_LIMIT}`,
    );
  }
  return {
    limit,
    ...(query['profile'] === undefined
      ? {}
      : { profile: profileName(query['profile'], 'query.profile') }),
    ...(query['before'] === undefined
      ? {}
      : { before: positiveInteger(query['before'], 'query.before') }),
  };
}

/**
 * The `If-Match` a conditional write needs: one or more entity tags, never `*` (which matches any
 * draft and so would let a write overwrite changes the caller never saw).
 * @param header the header value
 * @returns it
 * @throws ApiError 428 when it is missing or `*`
 */
export function requiredIfMatch(header: string | undefined): string {
  if (!header?.trim()) {
    const message = 'send If-Match with the ETag of the draft you edited (GET it first)';
    throw new ApiError(428, 'precondition-required', message, {
      issues: [{ path: 'headers.if-match', code: 'required', message }],
    });
  }
  if (header.split(',').some((tag) => tag.trim() === '*')) {
    const message =
      'If-Match: * is refused: it would overwrite changes you have not seen; send the ETag of ' +
      'the draft you loaded';
    throw new ApiError(428, 'precondition-required', message, {
      issues: [{ path: 'headers.if-match', code: 'wildcard-refused', message }],
    });
  }
  return header;
}

/**
 * Reads the body of `POST /admin/profiles/{name}/unpublish`: `{"confirm": "<name>"}`, the
 * profile's name typed again, so no stray request takes a profile off the portals.
 * @param body the parsed JSON body
 * @param name the profile's name (from the URL)
 * @throws ApiError 400 naming `confirm` when it is missing or another name
 */
export function unpublishConfirmation(body: unknown, name: string): void {
  const confirm =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)['confirm']
      : undefined;
  if (confirm === name) return;
  const message = `confirm by sending {"confirm": "${name}"}, the name of the profile to unpublish`;
  throw badRequest('confirm', confirm === undefined ? 'required' : 'mismatch', message);
}

/** The body of `POST /admin/profiles`. */
export interface CreateRequest {
  readonly name: string;
  /** The first draft; the default profile when absent. */
  readonly profile?: unknown;
}

/**
 * Reads the body of `POST /admin/profiles`: `{name, profile?}`.
 * @param body the parsed JSON body
 * @throws ApiError 400 naming the field at fault
 */
export function createRequest(body: unknown): CreateRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest(
      '',
      'invalid-type',
      'the body must be a JSON object {"name": …, "profile"?: …}',
    );
  }
  for (const key of Object.keys(body)) {
    if (key !== 'name' && key !== 'profile') {
      throw badRequest(key, 'unknown-field', `unknown field ${key}; known fields: name, profile`);
    }
  }
  const { name, profile } = body as Record<string, unknown>;
  if (name === undefined) throw badRequest('name', 'required', 'name is required');
  return { name: profileName(name, 'name'), ...(profile === undefined ? {} : { profile }) };
}
