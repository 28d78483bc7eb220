/**
 * The bridge where the hidden iframe cannot see the IdP session (issue 9, item 3): the portal on
 * 127.0.0.1, the IdP on localhost, third-party cookies blocked. One top-level `prompt=none` comes
 * before any login page, so Messenger signs in again without one while the IdP session lives.
 */
import { expect } from '@playwright/test';
import {
  advance,
  bridgeState,
  browserNow,
  countLoginPages,
  nextRefreshAt,
  recordMessengerAuthorizations,
  reopenAfter,
  signInWithMessenger,
  useVirtualTime,
} from './support/bridge';
import { test } from './support/cross-site';
import { FaultContextWatch } from './support/fault-matrix';
import { sim } from './support/genesys-sim';
import { MessengerWidget } from './support/messenger-widget';

const HOUR = 3600_000;

test.describe('Messenger with the bridge, the IdP on another site', () => {
  useVirtualTime(test);

  test('signs Messenger in at sign-in and again after a refused refresh, with no login page but the portal’s', async ({
    page,
    context,
    request,
  }) => {
    const loginPages = countLoginPages(page);
    const authorizations = recordMessengerAuthorizations(context);
    const watch = await FaultContextWatch.start(context);
    await signInWithMessenger(page);
    watch.restart();
    // The portal's own login, and nothing more: the iframe's login_required led to prompt=none.
    expect(loginPages()).toBe(1);
    expect(authorizations).toEqual(['none', 'none']);

    // Genesys refuses the refresh once: Messenger needs a new code.
    await sim.addFault(request, { endpoint: 'refresh', status: 400, count: 1 });
    const due = await nextRefreshAt(page);
    await advance(context, request, due - (await browserNow(page)) + 1_300);
    // The widget shows authenticated before the refused refresh as after the new code: wait for
    // the recovery's authorizations, then check where it ended.
    await expect.poll(() => [...authorizations]).toEqual(['none', 'none', 'none', 'none']);
    await new MessengerWidget(page).expectStatus('authenticated');
    await expect(bridgeState(page)).toHaveAttribute('data-state', 'authenticated');
    expect(loginPages()).toBe(1);
    const stats = await sim.stats(request);
    expect(stats.codesExchanged).toBe(2);
    expect(stats.rejections['code-reused']).toBeUndefined();
    const observed = await watch.observed(request, page);
    // One top-level prompt=none for Messenger's code, no login page, no loop.
    expect([observed.prompts, observed.loops, observed.pageUnloads]).toEqual([0, 0, 1]);
    await watch.record('third-party-cookies-blocked', request, page, test.info());
  });

  test('a tab opened after the JWT expired, with every tab closed, is signed in without a login page', async ({
    page,
    request,
  }) => {
    await signInWithMessenger(page);
    const { loginPages } = await reopenAfter(page, request, HOUR);
    expect(loginPages()).toBe(0);
  });
});
