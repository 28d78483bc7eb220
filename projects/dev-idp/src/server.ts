/**
 * The dev IdP's HTTP front: `/health`, our interaction pages, a CORS guard for preflights, the
 * session cookie's attributes, and everything else handed to oidc-provider.
 */
import { handleClockRequest, installTestClock } from './test-clock';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

import { allowedBrowserOrigins } from './clients';
import type { DevIdpConfig } from './config';
import { sendJson, sendText } from './http-utils';
import { createInteractionHandler } from './interactions';
import { createProvider } from './provider';
import { sendSessionCookieCrossSite } from './session-cookie';
import { AdjustableLifetimes, handleLifetimesRequest } from './test-lifetimes';

/** Endpoints any origin may read from JavaScript (public metadata). */
const PUBLIC_PATHS = new Set([
  '/.well-known/openid-configuration',
  '/.well-known/oauth-authorization-server',
  '/jwks',
]);

/** oidc-provider has no CORS on end-session; we add it for our clients' origins. */
const END_SESSION_PATHS = new Set(['/session/end', '/session/end/confirm']);

/**
 * Creates the request listener of a configured dev IdP.
 * @param config the validated configuration
 * @returns the listener for `http.createServer`
 */
export function createRequestHandler(config: DevIdpConfig): RequestListener {
  if (config.testControls) installTestClock();
  const lifetimes = new AdjustableLifetimes(config.lifetimes);
  const provider = createProvider(config, lifetimes);
  const oidc = provider.callback();
  const interactions = createInteractionHandler(provider);
  const origins = allowedBrowserOrigins();

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const origin = req.headers.origin;
    if (pathname === '/health') {
      sendJson(res, 200, { status: 'ok' });
    } else if (pathname === '/__idp/clock' && config.testControls) {
      await handleClockRequest(req, res);
    } else if (pathname === '/__idp/lifetimes' && config.testControls) {
      await handleLifetimesRequest(lifetimes, req, res);
    } else if (pathname.startsWith('/interaction/')) {
      await interactions(req, res, pathname);
    } else if (isPreflight(req) && !PUBLIC_PATHS.has(pathname)) {
      // oidc-provider answers every preflight with the caller's origin and checks the client only
      // on the real request; refuse unknown origins here already.
      if (!origin || !origins.has(origin)) {
        sendText(res, 403, 'Origin not allowed');
      } else if (END_SESSION_PATHS.has(pathname)) {
        allowOrigin(res, origin);
        res.setHeader('Access-Control-Allow-Methods', 'GET,POST');
        res.setHeader(
          'Access-Control-Allow-Headers',
          req.headers['access-control-request-headers'] ?? '',
        );
        res.writeHead(204).end();
      } else {
        await oidc(req, res);
      }
    } else {
      if (origin && origins.has(origin) && END_SESSION_PATHS.has(pathname)) {
        allowOrigin(res, origin);
      }
      await oidc(req, res);
    }
  };

  return (req, res) => {
    sendSessionCookieCrossSite(res);
    route(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      process.stderr.write(`dev-idp: internal error: ${message}\n`);
      if (!res.headersSent) {
        sendText(res, 500, 'Internal error of the dev IdP');
      } else {
        res.destroy();
      }
    });
  };
}

function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
}

function allowOrigin(res: ServerResponse, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
}
