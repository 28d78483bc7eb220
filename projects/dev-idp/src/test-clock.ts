/**
 * A shiftable clock for end-to-end tests that move time forward in the browser and in Genesys:
 * the IdP's tokens and sessions must age with them. Only installed with `--test-controls on`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody, sendJson } from './http-utils';

const MAX_SHIFT_MS = 400 * 24 * 3600_000;
let offsetMs = 0;

/** Makes `Date.now()` (which oidc-provider reads for every expiry) include the test shift. */
export function installTestClock(): void {
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + offsetMs;
}

/** `POST /__idp/clock` with `{shiftMs}` moves the clock; `{reset: true}` puts it back. */
export async function handleClockRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'use POST with {"shiftMs": number} or {"reset": true}' });
    return;
  }
  const parsed = await readJsonBody(req, res);
  if (parsed === undefined) return;
  const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
    shiftMs?: unknown;
    reset?: unknown;
  };
  if (body.reset === true) {
    offsetMs = 0;
  } else if (
    typeof body.shiftMs === 'number' &&
    Number.isInteger(body.shiftMs) &&
    Math.abs(body.shiftMs) <= MAX_SHIFT_MS
  ) {
    offsetMs += body.shiftMs;
  } else {
    sendJson(res, 400, {
      error: `send {"shiftMs": whole ms within ±${MAX_SHIFT_MS}} or {"reset": true}`,
    });
    return;
  }
  sendJson(res, 200, { offsetMs, now: new Date(Date.now()).toISOString() });
}
