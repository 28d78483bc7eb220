/**
 * Token lifetimes that end-to-end tests may change while the IdP runs — the local stand-in for an
 * IdP administrator applying a new access-token policy (an Okta policy rule, a Keycloak realm
 * setting). Tokens issued afterwards carry the new lifetimes; tokens already issued keep theirs.
 * Only served with `--test-controls on`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_LIFETIME_SECONDS, type Lifetimes } from './config';
import { readJsonBody, sendJson } from './http-utils';

const LIFETIME_NAMES: readonly (keyof Lifetimes)[] = [
  'accessToken',
  'idToken',
  'refreshToken',
  'session',
];

/** The lifetimes the provider reads for every token it issues: configured, then adjusted. */
export class AdjustableLifetimes {
  private value: Lifetimes;

  constructor(readonly configured: Lifetimes) {
    this.value = configured;
  }

  /** The lifetimes in force now. */
  get current(): Lifetimes {
    return this.value;
  }

  /** Changes some lifetimes; the others stay as they are. */
  apply(change: Partial<Lifetimes>): void {
    this.value = { ...this.value, ...change };
  }

  /** Back to the lifetimes of the command line. */
  reset(): void {
    this.value = this.configured;
  }
}

/**
 * Reads a change of lifetimes: an object with some of `accessToken`, `idToken`, `refreshToken`,
 * `session` as whole seconds.
 * @param body the parsed JSON body
 * @returns the change, or a message naming the first field that is wrong
 */
export function parseLifetimeChange(body: unknown): Partial<Lifetimes> | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'send a JSON object such as {"accessToken": 600} or {"reset": true}';
  }
  const change: Partial<Record<keyof Lifetimes, number>> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!(LIFETIME_NAMES as readonly string[]).includes(key)) {
      return `unknown field "${key}"; known: ${LIFETIME_NAMES.join(', ')}, reset`;
    }
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < 1 ||
      value > MAX_LIFETIME_SECONDS
    ) {
      return `${key} must be whole seconds from 1 to ${MAX_LIFETIME_SECONDS}, got ${JSON.stringify(value)}`;
    }
    change[key as keyof Lifetimes] = value;
  }
  if (Object.keys(change).length === 0) {
    return 'name at least one lifetime, or send {"reset": true}';
  }
  return change;
}

/**
 * `GET /__idp/lifetimes` answers the lifetimes in force; `POST` with `{accessToken: 600}` (any of
 * the four) changes them and `{reset: true}` restores the configured ones.
 * @param lifetimes the provider's lifetimes
 * @param req the request
 * @param res the response
 */
export async function handleLifetimesRequest(
  lifetimes: AdjustableLifetimes,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method === 'POST') {
    const body = await readJsonBody(req, res);
    if (body === undefined) return;
    if (isReset(body)) {
      lifetimes.reset();
    } else {
      const change = parseLifetimeChange(body);
      if (typeof change === 'string') {
        sendJson(res, 400, { error: change });
        return;
      }
      lifetimes.apply(change);
    }
  } else if (req.method !== 'GET') {
    sendJson(res, 405, {
      error: 'use GET, or POST with {"accessToken": seconds} or {"reset": true}',
    });
    return;
  }
  sendJson(res, 200, { lifetimes: lifetimes.current, configured: lifetimes.configured });
}

function isReset(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { reset?: unknown }).reset === true &&
    Object.keys(body).length === 1
  );
}
