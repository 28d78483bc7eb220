/**
 * Transient refresh failures while Messenger keeps its tokens (issue 10): the bridge retries as
 * its policy says — spaced, bounded, before the JWT expires — and the session goes on without a
 * gap, a new code or a second Genesys session.
 */
import { expect, test } from '@playwright/test';
import {
  advance,
  bridgeState,
  browserNow,
  nextRefreshAt,
  recordMessengerAuthorizations,
  signInWithMessenger,
  useVirtualTime,
} from './support/bridge';
import { sim } from './support/genesys-sim';

/** Retries after the first attempt fails: 0.5–1 s, then 1–2 s, 2–4 s, 4–8 s (policy defaults). */
const FAULT_SECONDS = 6;

test.describe('Messenger with the bridge: transient refresh failures', () => {
  useVirtualTime(test);

  test('a refresh endpoint down for six seconds costs retries, never the session', async ({
    page,
    context,
    request,
  }) => {
    await sim.setVariants(request, { refreshFailureClearsTokens: false });
    await signInWithMessenger(page);
    const authorizations = recordMessengerAuthorizations(context);

    // Half a second before the refresh is due, Genesys' refresh endpoint starts failing.
    const due = await nextRefreshAt(page);
    await advance(context, request, due - (await browserNow(page)) - 500);
    await sim.addFault(request, { endpoint: 'refresh', status: 503, forSeconds: FAULT_SECONDS });
    // Twenty seconds in steps that line up with none of the retries. The simulator's clock also
    // runs in real time, the page's only when moved: each step's round trips put Genesys a little
    // ahead of the page (1.5–2 s over these steps, more under load), which the margin below,
    // measured on Genesys' clock, must not be charged to the bridge.
    const driftBefore = (await sim.now(request)) - (await browserNow(page));
    for (let elapsed = 0; elapsed < 20_000; elapsed += 700) await advance(context, request, 700);
    const drift = (await sim.now(request)) - (await browserNow(page)) - driftBefore;
    await expect(bridgeState(page)).toHaveAttribute('data-state', 'authenticated');
    await expect.poll(() => nextRefreshAt(page)).toBeGreaterThan(due);

    const stats = await sim.stats(request);
    // The first attempt and the retries inside the six seconds fail; the next one succeeds.
    expect(stats.rejections['fault-injected']).toBeGreaterThanOrEqual(3);
    expect(stats.rejections['fault-injected']).toBeLessThanOrEqual(4);
    expect(stats.refreshes).toBe(1);
    expect(stats.codesExchanged).toBe(1);
    expect(stats.sessions).toHaveLength(1);
    expect(stats.sessions[0].gaps).toEqual([]);
    // Well before expiry, on the page's clock: the lead is 60 s, and the retries (backoff at most
    // 1 + 2 + 4 + 8 s after a first attempt, the fault over after 5.5 s) end within 15 s.
    expect(stats.minRefreshMarginMs).not.toBeNull();
    expect(Number(stats.minRefreshMarginMs) + drift).toBeGreaterThan(45_000);
    expect(authorizations).toEqual([]);
  });
});
