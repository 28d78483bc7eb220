/**
 * The Genesys simulator's HTTP face: the web-deployment token API and configuration documents
 * (contract §4), the messaging stand-in, the browser bundle, and the `/__sim/` control API.
 */
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createHostCheck, hostCheckHook } from '../../node-kit/src/host-check';
import {
  SimulatedGenesys,
  ɵGENESYS_PATHS as GENESYS_PATHS,
  type IdentityProviderPort,
} from 'ngx-genesys-messenger-auth/testing';
import type { Es256Signer } from './es256-signer';
import { platformErrorHandler, sendPlatformError } from './platform-errors';
import type { SimConfig } from './sim-config';
import { registerControlRoutes } from './sim-control-routes';

/** What the server is built from. */
export interface SimServerParts {
  readonly config: SimConfig;
  readonly idp: IdentityProviderPort;
  readonly signer: Es256Signer;
  /** The browser script served as `genesys.min.js`. */
  readonly bundle: string;
  /** Writes one log line (never a token, code or secret). */
  readonly log: (line: string) => void;
}

/** Largest accepted request body. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Builds the Fastify app (not listening yet). */
export async function createSimServer(
  parts: SimServerParts,
): Promise<{ app: FastifyInstance; genesys: SimulatedGenesys }> {
  const { config, log } = parts;
  const genesys = new SimulatedGenesys({
    idp: parts.idp,
    signer: parts.signer,
    deployments: config.deployments,
    issuer: config.publicUrl,
    refreshTokenLifetime: config.refreshTokenLifetime,
    rateLimits: config.rateLimits,
    randomId: () => randomUUID(),
  });
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES, return503OnClosing: true });
  const hosts = createHostCheck([new URL(config.publicUrl).host, ...config.allowedHosts]);
  app.addHook(
    'onRequest',
    hostCheckHook(hosts, (reply, refusal) =>
      sendPlatformError(
        reply,
        refusal.status,
        refusal.status === 421 ? 'misdirected.request' : 'bad.request',
        refusal.message,
      ),
    ),
  );
  // Genesys speaks JSON only: any other body is a 415, not a string handed to the routes.
  app.removeContentTypeParser('text/plain');
  await app.register(cors, {
    origin: [...config.allowedOrigins],
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization'],
    // A 429's wait, which pages (the emulated Messenger) read; not a CORS-safelisted header.
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
  });
  app.setErrorHandler(
    platformErrorHandler({
      onUnexpected: (message) => log(`unexpected error: ${message}`),
      onMalformed: () => genesys.tokens.countRejection('malformed-request'),
    }),
  );
  app.setNotFoundHandler((request, reply) =>
    sendPlatformError(
      reply,
      404,
      'not.found',
      `no such resource: ${request.method} ${pathOf(request.url)}`,
    ),
  );
  app.addHook('onResponse', async (request, reply) => {
    // Paths only: query strings may carry codes.
    log(
      `${request.method} ${pathOf(request.url)} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`,
    );
  });

  app.get('/genesys-bootstrap/genesys.min.js', async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .send(parts.bundle),
  );
  app.get('/.well-known/jwks.json', async () => parts.signer.jwks);
  app.get<{ Params: { id: string } }>(
    '/webdeployments/v1/deployments/:id/config.json',
    async (request) => {
      const deployment = await genesys.deploymentConfig(request.params.id);
      return {
        id: deployment.id,
        name: deployment.name,
        auth: deployment.auth,
        messenger: { enabled: true },
      };
    },
  );
  app.post(GENESYS_PATHS.exchange, async (request) => genesys.exchange(request.body));
  app.post(GENESYS_PATHS.refresh, async (request) => genesys.refresh(request.body));
  app.delete(GENESYS_PATHS.revoke, async (request, reply) => {
    await genesys.revoke(request.headers.authorization);
    return reply.code(204).send();
  });
  app.post(GENESYS_PATHS.messages, async (request) =>
    genesys.sendMessage(request.headers.authorization, request.body),
  );
  // Off: its paths are unknown routes (404) like any other.
  if (config.controlApi) registerControlRoutes(app, genesys);
  return { app, genesys };
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
