/** Turns every failure into the Platform API's error body `{message, code, status, contextId}`. */
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { GenesysApiError } from 'ngx-genesys-messenger-auth/testing';
import { IdpUnavailable } from './oidc-identity-provider';

/** Sends a Platform-style error body. */
export function sendPlatformError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
) {
  return reply.code(status).send({ message, code, status, contextId: randomUUID() });
}

/** Fastify's error handler: coded API errors as they are, framework errors mapped, the rest 500. */
export function platformErrorHandler(hooks: {
  /** Logs a failure nobody planned for (no request data in it). */
  onUnexpected: (message: string) => void;
  /** Counts a request the framework refused before a route saw it. */
  onMalformed: () => void;
}): (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => unknown {
  return (error, _request, reply) => {
    if (error instanceof GenesysApiError) {
      if (error.retryAfterSeconds !== undefined) {
        reply.header('Retry-After', String(error.retryAfterSeconds));
      }
      return sendPlatformError(reply, error.status, error.code, error.message);
    }
    if (error instanceof IdpUnavailable) {
      return sendPlatformError(reply, 502, 'idp.unavailable', error.message);
    }
    const status = (error as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) hooks.onMalformed();
    if (status === 413) {
      return sendPlatformError(
        reply,
        413,
        'request.entity.too.large',
        'the request body is too large',
      );
    }
    if (status === 415) {
      return sendPlatformError(
        reply,
        415,
        'unsupported.media.type',
        'send the body as application/json',
      );
    }
    if (status !== undefined && status >= 400 && status < 500) {
      // e.g. FST_ERR_CTP_INVALID_JSON / empty JSON body: the framework's message names the problem.
      return sendPlatformError(reply, status, 'bad.request', error.message);
    }
    hooks.onUnexpected(`${error.name}: ${error.message}`);
    return sendPlatformError(
      reply,
      500,
      'internal.server.error',
      'the simulator failed; see its log',
    );
  };
}
