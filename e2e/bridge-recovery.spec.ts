/**
 * The bridge's failure paths in the browser (issue 9): every path that can call the IdP or Genesys
 * again is bounded, and the page navigates only when a person can see it happen.
 */
import { expect, test } from '@playwright/test';
import {
  advance,
  advancePastNextRefresh,
  bridgeState,
  browserNow,
  countLoginPages,
  countPageLoads,
  nextRefreshAt,
  recordMessengerAuthorizations,
  setVisibility,
  signInWithMessenger,
  sleepFor,
  useVirtualTime,
} from './support/bridge';
import { sim } from './support/genesys-sim';
import { account, signInAtIdp } from './support/idp-login';
import { MessengerWidget } from './support/messenger-widget';

/** How many codes Genesys may refuse in a row before the bridge stops asking (MAX_REFUSED_CODES). */
const MAX_REFUSED_CODES = 3;

test.describe('Messenger with the bridge: recovery paths', () => {
  useVirtualTime(test);

  test('when Genesys refuses every code, the bridge stops after a few spaced tries and the portal stays usable', async ({
    page,
    context,
    request,
  }) => {
    await sim.addFault(request, { endpoint: 'exchange', status: 500 });
    const authorizations = recordMessengerAuthorizations(context);
    await page.goto('/account');
    await signInAtIdp(page, account('alice'));
    await expect(page.getByTestId('account-overview')).toBeVisible();
    const loads = countPageLoads(page);

    // Ten virtual minutes, in steps that line up with nothing the bridge schedules.
    for (let elapsed = 0; elapsed < 10 * 60_000; elapsed += 37_000) {
      await advance(context, request, 37_000);
    }

    await expect(bridgeState(page)).toHaveAttribute('data-state', 'ended');
    await expect(bridgeState(page)).toHaveAttribute('data-end-reason', 'login-loop-prevented');
    const stats = await sim.stats(request);
    expect(stats.rejections['fault-injected']).toBe(MAX_REFUSED_CODES);
    expect(stats.codesExchanged).toBe(0);
    expect(authorizations).toEqual(Array(MAX_REFUSED_CODES).fill('none'));
    expect(loads()).toBe(0);
    // The portal itself goes on working, and offers the chat's sign-in to the person.
    await page.getByRole('link', { name: 'Home' }).first().click();
    await page.goBack();
    await expect(page.getByTestId('account-overview')).toBeVisible();
    await expect(page.getByTestId('messenger-sign-in-to-chat')).toBeVisible();
  });

  test('offline and hidden past the JWT’s expiry, no refresh is spent; back online one refresh brings Messenger back without a new code', async ({
    page,
    context,
    request,
  }) => {
    await signInWithMessenger(page);
    const loads = countPageLoads(page);
    const loginPages = countLoginPages(page);
    const authorizations = recordMessengerAuthorizations(context);
    const before = await sim.stats(request);
    await setVisibility(page, 'hidden');
    await context.setOffline(true);

    // Past the refresh deadline, then past the JWT's expiry, in steps that do not line up with the
    // schedule. A refresh tried now would fail, and Messenger would drop its tokens.
    const due = await nextRefreshAt(page);
    await advance(context, request, due - (await browserNow(page)) + 7_300);
    await advance(context, request, 83_000);
    expect(loads()).toBe(0);
    expect(authorizations).toEqual([]);
    // Nothing was spent offline: Messenger kept its tokens and the bridge did not give up.
    await expect(new MessengerWidget(page).status).not.toHaveAttribute(
      'data-status',
      'reauthenticate',
    );
    await expect(bridgeState(page)).not.toHaveAttribute('data-end-reason');

    await context.setOffline(false);
    await expect
      .poll(async () => (await sim.stats(request)).refreshes, { timeout: 15_000 })
      .toBe(before.refreshes + 1);
    await new MessengerWidget(page).expectStatus('authenticated');
    await expect(bridgeState(page)).toHaveAttribute('data-state', 'authenticated');
    await setVisibility(page, 'visible');
    await advancePastNextRefresh(page, request);

    expect(loads()).toBe(0);
    expect(loginPages()).toBe(0);
    expect(authorizations).toEqual([]);
    const stats = await sim.stats(request);
    expect([stats.codesExchanged, stats.refreshes]).toEqual([
      before.codesExchanged,
      before.refreshes + 2,
    ]);
  });

  test('over Genesys’ per-minute limit, the bridge waits and hands the unused code over again, never a new one', async ({
    page,
    context,
    request,
  }) => {
    await sim.setLimits(request, { exchange: 1 });
    await signInWithMessenger(page);
    await advance(context, request, 13_000);
    // Messenger lost its tokens (another script cleared them): on reload it needs a new code,
    // and Genesys refuses the second exchange within the minute with 429.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) {
        if (/:gca?r?tkn$/.test(key)) localStorage.removeItem(key);
      }
    });
    const authorizations = recordMessengerAuthorizations(context);
    await page.reload();
    await expect.poll(async () => (await sim.stats(request)).rateLimited.exchange).toBe(1);
    await expect(bridgeState(page)).not.toHaveAttribute('data-state', 'authenticated');

    await advance(context, request, 50_000);
    await new MessengerWidget(page).expectStatus('authenticated');
    await expect(bridgeState(page)).toHaveAttribute('data-state', 'authenticated');
    expect(authorizations).toEqual(['none']);
    const stats = await sim.stats(request);
    expect(stats.codesExchanged).toBe(2);
    expect(stats.rateLimited.exchange).toBe(1);
  });

  test('signing out ten minutes after the last refresh, the tab hidden, revokes the refresh token at Genesys', async ({
    page,
    request,
  }) => {
    await signInWithMessenger(page);
    await advancePastNextRefresh(page, request);
    await setVisibility(page, 'hidden');
    // The laptop slept: the JWT expired, and no timer of the page fired to renew it.
    await sleepFor(page, request, 10 * 60_000);

    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('session-status')).toHaveAttribute('data-state', 'signed-out');

    await expect.poll(async () => (await sim.stats(request)).revokes).toBe(1);
    const stats = await sim.stats(request);
    expect(stats.rejections['jwt-expired']).toBeUndefined();
  });
});
