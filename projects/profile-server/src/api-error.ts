/**
 * Every failure of the profile server's API as one JSON shape, `{error, message, issues?}`, where
 * `issues` name the field paths at fault; and the Fastify handlers that produce it.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

import { DatabaseUnavailableError } from './sql-engine';

/** Codes of {@link ApiError}, one per kind of failure; clients match on these, never on messages. */
export type ApiErrorCode =
  | 'bad-request'
  | 'invalid-profile'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'already-exists'
  | 'not-publishable'
  | 'nothing-to-publish'
  | 'not-published'
  | 'profile-published'
  | 'precondition-failed'
  | 'precondition-required'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'origin-not-allowed'
  | 'misdirected-request'
  | 'rate-limited'
  | 'idp-unavailable'
  | 'database-unavailable'
  | 'internal-error';

/** One problem with one part of a request. */
export interface RequestIssue {
  /**
   * Where: a profile field (`idp.scopes[1]`), a body field of a non-profile body (`name`), or a
   * request part (`params.name`, `query.from`, `headers.if-match`); `''` is the whole body.
   */
  readonly path: string;
  /** What, as a stable kebab-case code (the profile schema's codes for profile fields). */
  readonly code: string;
  readonly message: string;
}

/** An error the API reports to the caller as is. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  /**
   * @param status the HTTP status (4xx, or 503 when the IdP or the database cannot be reached)
   * @param code what went wrong
   * @param message one sentence for people
   * @param extra field paths at fault, the current ETag (412), headers to send (401)
   */
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: {
      readonly issues?: readonly RequestIssue[];
      readonly etag?: string;
      readonly headers?: Readonly<Record<string, string>>;
    } = {},
  ) {
    super(message);
  }
}

/**
 * A 400 about one part of the request.
 * @param path where (see {@link RequestIssue.path})
 * @param code what
 * @param message one sentence naming the expected value
 * @returns the error to throw
 */
export function badRequest(path: string, code: string, message: string): ApiError {
  return new ApiError(400, 'bad-request', message, { issues: [{ path, code, message }] });
}

/** The JSON body of an error response. */
export interface ErrorBody {
  readonly error: ApiErrorCode;
  readonly message: string;
  readonly issues?: readonly RequestIssue[];
  readonly etag?: string;
}

/** Sends an {@link ApiError}. */
export function sendApiError(reply: FastifyReply, error: ApiError): FastifyReply {
  for (const [name, value] of Object.entries(error.extra.headers ?? {})) reply.header(name, value);
  const body: ErrorBody = {
    error: error.code,
    message: error.message,
    ...(error.extra.issues ? { issues: error.extra.issues } : {}),
    ...(error.extra.etag ? { etag: error.extra.etag } : {}),
  };
  return reply.code(error.status).header('cache-control', 'no-store').send(body);
}

/**
 * Fastify's error handler: API errors as they are, the framework's refusals (size, media type,
 * malformed JSON) as API errors, anything else a 500 whose cause goes to the log only.
 * @param onUnexpected logs an unplanned failure (its name and message, no request data)
 * @returns the handler
 */
export function apiErrorHandler(
  onUnexpected: (message: string) => void,
): (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => FastifyReply {
  return (error, _request, reply) => {
    if (error instanceof ApiError) return sendApiError(reply, error);
    if (error instanceof DatabaseUnavailableError) {
      onUnexpected(error.message);
      return sendApiError(
        reply.header('retry-after', '5'),
        new ApiError(
          503,
          'database-unavailable',
          'the profile database is unavailable; retry soon',
        ),
      );
    }
    const status = (error as FastifyError).statusCode;
    if (status === 413) {
      return sendApiError(
        reply,
        new ApiError(413, 'payload-too-large', 'the request body is larger than 256 KiB', {
          issues: [{ path: '', code: 'too-large', message: 'send at most 256 KiB' }],
        }),
      );
    }
    if (status === 415) {
      return sendApiError(
        reply,
        new ApiError(415, 'unsupported-media-type', 'send the body as application/json', {
          issues: [
            {
              path: 'headers.content-type',
              code: 'invalid-value',
              message: 'use application/json',
            },
          ],
        }),
      );
    }
    if (status !== undefined && status >= 400 && status < 500) {
      // Malformed or empty JSON, `__proto__` keys: the framework's message names the problem.
      return sendApiError(reply, badRequest('', 'invalid-json', error.message));
    }
    onUnexpected(`${error.name}: ${error.message}`);
    return sendApiError(
      reply,
      new ApiError(500, 'internal-error', 'the profile server failed; see its log'),
    );
  };
}
