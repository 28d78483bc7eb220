/**
 * The requests a browser context still has on the wire, so that a test moves virtual time only
 * between round trips. A jump of the page's clock takes no time for the page, its fetches take real
 * milliseconds: a 37 s jump while a renewal is on the wire looks to the page like a 37 s round trip,
 * past angular-auth-oidc-client's 20 s renewal timeout. It then starts another renewal with the
 * refresh token the first one already rotated, and the IdP ends the grant (TOOLCHAIN.md trap 12).
 * No real clock moves that far during a round trip of a few milliseconds.
 */
import type { BrowserContext, Request } from '@playwright/test';

/** How long no request may start or end before the context counts as settled (chained calls). */
const QUIET_MS = 150;
/**
 * After how long a request no longer counts as in flight: the stack answers within milliseconds,
 * and Chromium does not report the end of every request (a fetch of a document that navigated
 * away, a frame the bridge removed once it had its answer).
 */
const LOST_AFTER_MS = 3_000;
/** How long a settle may take before the test fails (the pages never stop calling). */
const SETTLE_TIMEOUT_MS = 10_000;

/** The kinds of request that count: what the page's code calls, and (frame) documents. */
const COUNTED = new Set(['fetch', 'xhr', 'document']);

/** The requests a context has in flight (with when each began), and when one last began or ended. */
class NetworkActivity {
  readonly pending = new Map<Request, number>();
  lastChange = Date.now();

  constructor(context: BrowserContext) {
    context.on('request', (request) => {
      if (!COUNTED.has(request.resourceType())) return;
      this.lastChange = Date.now();
      this.pending.set(request, this.lastChange);
    });
    const settled = (request: Request) => {
      if (this.pending.delete(request)) this.lastChange = Date.now();
    };
    context.on('requestfinished', settled);
    context.on('requestfailed', settled);
  }

  /** The requests begun less than {@link LOST_AFTER_MS} ago, not ended, in a frame still there. */
  inFlight(now: number): Request[] {
    return [...this.pending]
      .filter(([request, began]) => now - began < LOST_AFTER_MS && !frameIsGone(request))
      .map(([request]) => request);
  }
}

function frameIsGone(request: Request): boolean {
  try {
    return request.frame().isDetached();
  } catch {
    return false; // a service worker's request has no frame
  }
}

const activities = new WeakMap<BrowserContext, NetworkActivity>();

/** Starts counting a context's requests (before its pages send any: see {@link settleRequests}). */
export function watchRequests(context: BrowserContext): void {
  if (!activities.has(context)) activities.set(context, new NetworkActivity(context));
}

/**
 * Waits until no page of the context has a request in flight and none began or ended for
 * {@link QUIET_MS} — what a just-fired timer or a just-answered request leads to included.
 * @throws Error naming the requests in flight when the context is not quiet within
 *   {@link SETTLE_TIMEOUT_MS}
 */
export async function settleRequests(context: BrowserContext): Promise<void> {
  watchRequests(context);
  const activity = activities.get(context) as NetworkActivity;
  const since = Date.now();
  for (;;) {
    const now = Date.now();
    const open = activity.inFlight(now);
    if (open.length === 0 && now - Math.max(activity.lastChange, since) >= QUIET_MS) return;
    if (now - since > SETTLE_TIMEOUT_MS) {
      const named = open.map((r) => `${r.method()} ${r.url().split('?')[0]}`).join(', ');
      throw new Error(
        `the pages did not stop calling within ${SETTLE_TIMEOUT_MS} ms, so virtual time may not move (in flight: ${named || 'none'})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
