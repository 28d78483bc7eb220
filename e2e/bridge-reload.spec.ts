/**
 * The bridge across page loads (issue 4, e2e c and e): a tab opened an hour after every tab was
 * closed, and an IdP session that ended behind Messenger's back.
 */
import { expect, test } from '@playwright/test';
import {
  advance,
  advancePastNextRefresh,
  bridgeState,
  browserNow,
  countLoginPages,
  killIdpSession,
  nextRefreshAt,
  recordedStatuses,
  reopenAfter,
  signInWithMessenger,
  useVirtualTime,
} from './support/bridge';
import { sim } from './support/genesys-sim';
import { account, signInAtIdp } from './support/idp-login';
import { MessengerWidget } from './support/messenger-widget';

const HOUR = 3600_000;

test.describe('Messenger with the bridge: page loads', () => {
  useVirtualTime(test);

  test('a tab opened after an hour with every tab closed is signed in, without a login page or a prompt', async ({
    page,
    request,
  }) => {
    await signInWithMessenger(page);
    const { page: reopened, loginPages } = await reopenAfter(page, request, HOUR);

    expect(loginPages()).toBe(0);
    expect(await recordedStatuses(reopened)).not.toContain('reauthenticate');
    const stats = await sim.stats(request);
    expect(stats.codesExchanged).toBe(1);
    expect(stats.refreshes).toBeGreaterThanOrEqual(1);
    expect(stats.rejections).toEqual({});
  });

  test('after the IdP session is killed, exactly one interactive login, never a loop', async ({
    page,
    context,
    request,
  }) => {
    const loginPages = countLoginPages(page);
    await signInWithMessenger(page);
    expect(loginPages()).toBe(1);

    await killIdpSession(context, request);
    const due = await nextRefreshAt(page);
    await advance(context, request, due - (await browserNow(page)) + 1_000);

    await expect(page.getByTestId('idp-username')).toBeVisible();
    expect(loginPages()).toBe(2);
    // Nothing else happens while the user looks at the login page.
    await advance(context, request, 2 * 60_000);
    await page.waitForTimeout(1_000);
    expect(loginPages()).toBe(2);

    await sim.clearFaults(request);
    await signInAtIdp(page, account('alice'));
    await new MessengerWidget(page).expectStatus('authenticated');
    await expect(bridgeState(page)).toHaveAttribute('data-state', 'authenticated');
    await advancePastNextRefresh(page, request);
    expect(loginPages()).toBe(2);
    expect((await sim.stats(request)).rejections['code-reused']).toBeUndefined();
  });
});
