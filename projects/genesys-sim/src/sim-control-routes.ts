/**
 * `/__sim/`: the control API tests drive the simulator with (DESIGN.md "Contracts").
 * - `GET /__sim/stats` — counters, rejections by reason, per-session refresh margins and gaps
 *   without a valid JWT (ms);
 * - `GET|POST|DELETE /__sim/faults` — list, add (`{endpoint, status?, delayMs?, count?, rate?, forSeconds?}`), clear;
 * - `POST /__sim/clock` — `{shiftMs}` to move the clock by, or `{now}` (ISO time or ms) to set it;
 * - `GET|POST /__sim/variants` — which Messenger variants pages loading the bundle get (contract §3;
 *   `refreshFailureClearsTokens: false` is inferred [I]);
 * - `GET|POST /__sim/limits` — the per-minute limits of the token calls
 *   (`{exchange?, refresh?, revoke?}`, calls per minute or `null` for none; contract §4);
 * - `POST /__sim/reset` — forget sessions, counters, faults, the clock shift and the variants, and
 *   restore the configured limits.
 */
import type { FastifyInstance } from 'fastify';
import { parseFaultRule } from './fault-rules';
import { sendPlatformError } from './platform-errors';
import {
  DEFAULT_MESSENGER_VARIANTS,
  GenesysApiError,
  SIM_ENDPOINTS,
  ɵparseRateLimits as parseRateLimits,
  type MessengerVariants,
  type SimEndpoint,
  type SimulatedGenesys,
} from 'ngx-genesys-messenger-auth/testing';

const MAX_SHIFT_MS = 400 * 24 * 3600_000;

/** Registers the control routes. */
export function registerControlRoutes(app: FastifyInstance, genesys: SimulatedGenesys): void {
  let variants: MessengerVariants = DEFAULT_MESSENGER_VARIANTS;
  app.get('/__sim/stats', async () => ({ ...genesys.stats(), faults: genesys.faults.list() }));

  app.get('/__sim/faults', async () => genesys.faults.list());
  app.post('/__sim/faults', async (request, reply) => {
    const rules = Array.isArray(request.body) ? request.body : [request.body];
    const parsed = rules.map((rule) => parseFaultRule(rule));
    parsed.forEach((rule) => genesys.faults.add(rule));
    return reply.code(201).send(genesys.faults.list());
  });
  app.delete<{ Querystring: { endpoint?: string } }>('/__sim/faults', async (request) => {
    const endpoint = request.query.endpoint;
    if (endpoint !== undefined && !(SIM_ENDPOINTS as readonly string[]).includes(endpoint)) {
      throw GenesysApiError.malformed(`endpoint must be one of ${SIM_ENDPOINTS.join(', ')}`);
    }
    genesys.faults.clear(endpoint as SimEndpoint | undefined);
    return genesys.faults.list();
  });

  app.post('/__sim/clock', async (request) => {
    const body = (request.body ?? {}) as { shiftMs?: unknown; now?: unknown };
    if (body.shiftMs !== undefined && body.now === undefined) {
      const shift = body.shiftMs;
      if (typeof shift !== 'number' || !Number.isInteger(shift) || Math.abs(shift) > MAX_SHIFT_MS) {
        throw GenesysApiError.malformed(
          `shiftMs must be a whole number of ms within ±${MAX_SHIFT_MS}`,
        );
      }
      genesys.shiftClock(shift);
    } else if (body.now !== undefined && body.shiftMs === undefined) {
      const at =
        typeof body.now === 'string' || typeof body.now === 'number'
          ? new Date(body.now).getTime()
          : NaN;
      if (!Number.isFinite(at))
        throw GenesysApiError.malformed('now must be an ISO time or ms since the epoch');
      genesys.setClock(at);
    } else {
      throw GenesysApiError.malformed('send exactly one of {"shiftMs": number} or {"now": time}');
    }
    return genesys.stats().clock;
  });

  app.get('/__sim/variants', async () => variants);
  app.post('/__sim/variants', async (request) => {
    variants = { ...variants, ...parseVariants(request.body) };
    return variants;
  });

  app.get('/__sim/limits', async () => genesys.tokens.limits.current());
  app.post('/__sim/limits', async (request) =>
    genesys.tokens.limits.set(parseRateLimits(request.body)),
  );
  app.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: '/__sim/limits',
    handler: (request, reply) =>
      sendPlatformError(
        reply.header('Allow', 'GET, POST'),
        405,
        'method.not.allowed',
        `${request.method} is not allowed on /__sim/limits; use GET or POST`,
      ),
  });

  app.post('/__sim/reset', async () => {
    genesys.reset();
    variants = DEFAULT_MESSENGER_VARIANTS;
    return { reset: true };
  });
}

function parseVariants(body: unknown): Partial<MessengerVariants> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw GenesysApiError.malformed('body must be a JSON object of variants');
  }
  const given = body as Record<string, unknown>;
  const known = Object.keys(DEFAULT_MESSENGER_VARIANTS);
  for (const key of Object.keys(given)) {
    if (!known.includes(key))
      throw GenesysApiError.malformed(`unknown variant ${key}; known: ${known.join(', ')}`);
  }
  for (const key of [
    'refreshResolvesWithJwt',
    'refreshRepublishesAuthenticated',
    'refreshFailureClearsTokens',
  ] as const) {
    if (given[key] !== undefined && typeof given[key] !== 'boolean') {
      throw GenesysApiError.malformed(`${key} must be true or false`);
    }
  }
  if (
    given['reAuthentication'] !== undefined &&
    !['automatic', 'button'].includes(String(given['reAuthentication']))
  ) {
    throw GenesysApiError.malformed('reAuthentication must be "automatic" or "button"');
  }
  return given as Partial<MessengerVariants>;
}
