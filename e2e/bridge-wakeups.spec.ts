/**
 * Catch-up after sleep (issue 10): the laptop sleeps — the clocks of the browser, Genesys and the
 * IdP jump while no timer of the page fires — then the browser tells the page it woke up. The
 * bridge's deadline timer counts the page's timer time, which stood still during the sleep, so it
 * would fire minutes late; the wake-up must renew the JWT at once, silently, in the same session.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  advance,
  bridgeState,
  browserNow,
  countLoginPages,
  countPageLoads,
  nextRefreshAt,
  recordedStatuses,
  recordMessengerAuthorizations,
  signInWithMessenger,
  sleepFor,
  useVirtualTime,
} from './support/bridge';
import { sim } from './support/genesys-sim';
import { MessengerWidget } from './support/messenger-widget';
import {
  fallAsleep,
  PAGE_WAKEUP_KINDS,
  settleAfterJump,
  sleepAndWake,
  wakeUp,
} from './support/time-jumps';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/**
 * How long the page gets after a wake-up: far more than a refresh's round trip on this machine,
 * far less than the minutes the bridge's deadline timer still has to run (the fake clock only runs
 * at real speed meanwhile), so only the wake-up can make the refresh come within it.
 */
const ROUND_TRIP_MS = 5_000;

/** How long until the bridge's next refresh by the page's clock (negative: overdue). */
async function timeToRefresh(page: Page): Promise<number> {
  return (await nextRefreshAt(page)) - (await browserNow(page));
}

/** Time passes awake by `ms`; then whatever fell due in the page is let finish. */
async function step(page: Page, request: APIRequestContext, ms: number): Promise<void> {
  await advance(page.context(), request, ms);
  await settleAfterJump(page, `after a step of ${ms} ms`);
}

test.describe('Messenger with the bridge: catching up after sleep', () => {
  useVirtualTime(test);

  for (const sleep of [
    { name: '10 min', ms: 10 * MINUTE },
    { name: '8 h', ms: 8 * HOUR },
  ]) {
    // Each wake-up alone must do it: `focus` too (the window comes back to the front).
    for (const kind of PAGE_WAKEUP_KINDS) {
      test(`after ${sleep.name} asleep, the ${kind} wake-up renews the expired JWT within a round trip, silently`, async ({
        page,
        context,
        request,
      }) => {
        await signInWithMessenger(page);
        const loginPages = countLoginPages(page);
        const loads = countPageLoads(page);
        const authorizations = recordMessengerAuthorizations(context);
        // The bridge's timer has minutes to run: it cannot be what renews the JWT below.
        expect(await timeToRefresh(page)).toBeGreaterThan(3 * MINUTE);

        await fallAsleep(page, kind);
        const asleepAt = await sim.now(request);
        await sleepFor(page, request, sleep.ms);
        const wokeAt = await sim.now(request);
        // The JWT expired during the sleep, and nothing in the page has noticed yet.
        expect(await timeToRefresh(page)).toBeLessThan(-sleep.ms / 2);
        expect((await sim.stats(request)).refreshes).toBe(0);
        await wakeUp(page, kind);

        await expect
          .poll(() => timeToRefresh(page), {
            message: `a valid JWT within ${ROUND_TRIP_MS} ms of the ${kind} wake-up`,
            timeout: ROUND_TRIP_MS,
            intervals: [50, 100, 250],
          })
          .toBeGreaterThan(0);
        await expect(bridgeState(page)).toHaveAttribute('data-state', 'authenticated');
        await new MessengerWidget(page).expectStatus('authenticated');
        const stats = await sim.stats(request);
        expect(stats.refreshes).toBe(1);
        expect(stats.codesExchanged).toBe(1);
        expect(stats.rejections).toEqual({});
        expect(stats.sessions).toHaveLength(1);
        // No valid JWT only from its expiry during the sleep until just after the wake-up.
        expect(stats.subjects).toHaveLength(1);
        expect(stats.subjects[0].gaps).toHaveLength(1);
        const [gap] = stats.subjects[0].gaps;
        expect(Date.parse(gap.from)).toBeGreaterThan(asleepAt);
        expect(Date.parse(gap.to)).toBeLessThan(wokeAt + ROUND_TRIP_MS);
        expect(await recordedStatuses(page)).not.toContain('reauthenticate');
        expect(loginPages()).toBe(0);
        expect(authorizations).toEqual([]);
        expect(loads()).toBe(0);

        // The schedule starts again from the new JWT: no refresh for 3 min, the next one by 4.5 min.
        await settleAfterJump(page, 'after waking up'); // the portal renews its own tokens too
        await step(page, request, 47_000);
        await step(page, request, 49_000);
        await step(page, request, 41_000);
        await step(page, request, 43_000);
        expect((await sim.stats(request)).refreshes).toBe(1);
        await step(page, request, 45_000);
        await step(page, request, 46_000);
        const later = await sim.stats(request);
        expect(later.refreshes).toBe(2);
        expect(later.subjects[0].gaps).toHaveLength(1);
      });
    }
  }

  // A wake-up that finds the JWT not yet due must aim the timer again: it counts the page's time,
  // which stood still during the sleep, and would come as late as the sleep was long.
  test('after a sleep shorter than the time left before the refresh, the refresh still comes before the JWT expires', async ({
    page,
    context,
    request,
  }) => {
    await signInWithMessenger(page);
    const left = await timeToRefresh(page);
    expect(left).toBeGreaterThan(3 * MINUTE);

    // Asleep until 95 s before the refresh is due: on waking, nothing is due yet.
    await sleepAndWake(page, request, left - 95_000, 'visible');
    await settleAfterJump(page, 'after waking up');
    expect((await sim.stats(request)).refreshes).toBe(0);
    // Awake, 103 s pass in steps that line up with nothing: the refresh fell due 8 s ago.
    await step(page, request, 29_000);
    await step(page, request, 31_000);
    await advance(context, request, 43_000);
    await expect
      .poll(async () => (await sim.stats(request)).refreshes, {
        message: 'the refresh due 95 s after waking has come (the JWT expires 60 s after that)',
        timeout: ROUND_TRIP_MS,
      })
      .toBe(1);
    // On past the first JWT's expiry: Genesys saw no moment without a valid JWT.
    await settleAfterJump(page, 'after the refresh');
    for (const ms of [19_000, 27_000, 17_000]) await step(page, request, ms);
    const stats = await sim.stats(request);
    expect(stats.subjects[0].gaps).toEqual([]);
    expect(stats.refreshes).toBe(1);
    await expect(bridgeState(page)).toHaveAttribute('data-state', 'authenticated');
    expect(await timeToRefresh(page)).toBeGreaterThan(2 * MINUTE);
  });
});
