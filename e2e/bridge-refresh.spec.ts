/**
 * The bridge keeps Messenger's JWT valid for the whole portal session (issue 4, e2e a and f), with
 * the dev IdP's 300 s access tokens and virtual time shared by the browser and Genesys.
 */
import { expect, test } from '@playwright/test';
import {
  advance,
  advancePastNextRefresh,
  browserNow,
  nextRefreshAt,
  recordedStatuses,
  setVisibility,
  signInWithMessenger,
  useVirtualTime,
} from './support/bridge';
import { sim } from './support/genesys-sim';

const HOUR = 3600_000;

test.describe('Messenger with the bridge: proactive refresh', () => {
  useVirtualTime(test);

  test('stays signed in through a day of virtual time, the tab hidden every other hour', async ({
    page,
    request,
  }) => {
    test.setTimeout(15 * 60_000);
    await signInWithMessenger(page);

    // The refresh token lives 24 h: stop short of it (real seconds pass on top of the steps).
    const day = 24 * HOUR - 10 * 60_000;
    let elapsed = 0;
    let hour = 0;
    while (elapsed < day) {
      elapsed += await advancePastNextRefresh(page, request);
      if (Math.floor(elapsed / HOUR) !== hour) {
        hour = Math.floor(elapsed / HOUR);
        await setVisibility(page, hour % 2 ? 'hidden' : 'visible');
      }
    }

    const stats = await sim.stats(request);
    expect(stats.sessions).toHaveLength(1);
    expect(stats.sessions[0].gaps).toEqual([]);
    expect(stats.subjects[0].gaps).toEqual([]);
    expect(stats.refreshes).toBeGreaterThanOrEqual(Math.floor(day / 240_000) - 1);
    expect(stats.codesExchanged).toBe(1);
    expect(await recordedStatuses(page)).not.toContain('reauthenticate');
    await expect(page.getByTestId('messenger-bridge-state')).toHaveAttribute(
      'data-state',
      'authenticated',
    );
  });

  test('loses no time without a valid JWT while the refresh endpoint fails for 60 s', async ({
    page,
    context,
    request,
  }) => {
    await signInWithMessenger(page);
    await advancePastNextRefresh(page, request);

    // Just before the next refresh is due, Genesys' refresh endpoint starts failing for 60 s.
    const due = await nextRefreshAt(page);
    await advance(context, request, due - (await browserNow(page)) - 2_000);
    await sim.addFault(request, { endpoint: 'refresh', status: 503, forSeconds: 60 });
    await advance(context, request, 3_000);
    await expect.poll(() => nextRefreshAt(page), { timeout: 20_000 }).toBeGreaterThan(due);
    for (let i = 0; i < 3; i++) await advancePastNextRefresh(page, request);

    const stats = await sim.stats(request);
    expect(stats.rejections['fault-injected']).toBeGreaterThanOrEqual(1);
    expect(stats.subjects).toHaveLength(1);
    expect(stats.subjects[0].gaps).toEqual([]);
    await expect(page.getByTestId('messenger-bridge-state')).toHaveAttribute(
      'data-state',
      'authenticated',
    );
  });
});
