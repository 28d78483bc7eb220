/**
 * The portal API: `GET /profiles/{name}/published`, anonymous, cacheable, readable from JavaScript
 * only on the origins the profile allows. No secret and no admin-only field is in it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { isOriginAllowed } from 'ngx-genesys-messenger-auth/profile';

import { ApiError } from './api-error';
import { ifNoneMatchHits, strongEtag } from './etag';
import { portalDocument, profileName } from './profile-rules';
import type { ProfileStore } from './profile-store';

/** How portals may cache the document: a minute, then ask again (cheap with If-None-Match). */
export const PORTAL_CACHE_CONTROL = 'public, max-age=60, must-revalidate';

interface Named {
  Params: { name: string };
}

/**
 * Registers the portal routes.
 * @param app the encapsulated Fastify context
 * @param deps the store and the per-address rate limit (an `onRequest` hook)
 */
export async function portalRoutes(
  app: FastifyInstance,
  deps: { readonly store: ProfileStore; readonly rateLimit?: onRequestHookHandler },
): Promise<void> {
  if (deps.rateLimit) app.addHook('onRequest', deps.rateLimit);
  const published = async (request: FastifyRequest<Named>) => {
    const name = profileName(request.params.name, 'params.name');
    const version = await deps.store.liveVersion(name);
    if (!version) {
      const message = `there is no published profile named ${name}`;
      throw new ApiError(404, 'not-found', message, {
        issues: [{ path: 'params.name', code: 'not-found', message }],
      });
    }
    const document = portalDocument(version.document, version.number);
    if (!document) throw new Error(`version ${version.number} of ${name} cannot be served`);
    return document;
  };

  app.get<Named>('/profiles/:name/published', async (request, reply) => {
    const document = await published(request);
    allowOrigin(request, reply, document.allowedOrigins);
    const body = JSON.stringify(document);
    const etag = strongEtag(body);
    reply.header('etag', etag).header('cache-control', PORTAL_CACHE_CONTROL);
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.options<Named>('/profiles/:name/published', async (request, reply) => {
    const document = await published(request);
    const origin = request.headers.origin;
    if (!origin || !allowOrigin(request, reply, document.allowedOrigins)) {
      throw new ApiError(
        403,
        'origin-not-allowed',
        `origin ${origin ?? '(none)'} may not read this profile`,
        {
          issues: [
            { path: 'headers.origin', code: 'not-allowed', message: 'not an allowed origin' },
          ],
        },
      );
    }
    return reply
      .code(204)
      .header('access-control-allow-methods', 'GET, HEAD')
      .header('access-control-allow-headers', 'If-None-Match')
      .header('access-control-max-age', '600')
      .send();
  });
}

/** Sets the CORS headers when the request's origin is allowed; reports whether it was. */
function allowOrigin(
  request: FastifyRequest,
  reply: FastifyReply,
  allowedOrigins: readonly string[],
): boolean {
  // Caches must key on Origin: the answer differs per origin.
  reply.header('vary', 'Origin');
  const origin = request.headers.origin;
  if (!origin || !isOriginAllowed(origin, allowedOrigins)) return false;
  reply
    .header('access-control-allow-origin', origin)
    .header('access-control-expose-headers', 'ETag');
  return true;
}
