/**
 * Several tabs share one Messenger session (issue 4, e2e b and d): one tab refreshes for the
 * browser, and signing out in one tab signs every tab out.
 */
import { expect, test } from '@playwright/test';
import { authorizationUrl, followAuthorization } from './support/authorization-request';
import {
  advancePastNextRefresh,
  bridgeState,
  resetWorld,
  signInWithMessenger,
} from './support/bridge';
import { sim } from './support/genesys-sim';
import { MessengerWidget } from './support/messenger-widget';
import { PORTAL_ORIGIN } from './support/stack';

const HOUR = 3600_000;

test.describe('Messenger with the bridge: several tabs', () => {
  test.beforeEach(async ({ context, request }) => {
    await resetWorld(request);
    await context.clock.install();
  });

  // Later specs sign in with real clocks: put the IdP's and Genesys' clocks back.
  test.afterEach(async ({ request }) => {
    await resetWorld(request);
  });

  test('three tabs refresh once per cycle for the browser, like one tab', async ({
    browser,
    request,
  }) => {
    test.setTimeout(6 * 60_000);
    // Each run gets a fresh browser context whose clock starts in step with the IdP's: the
    // portal's OIDC library checks ID tokens against the browser's clock when a tab signs in.
    // Time moves one refresh cycle at a time; the count is refreshes per cycle.
    const refreshesInAnHour = async (tabs: number) => {
      await resetWorld(request);
      const context = await browser.newContext({ baseURL: PORTAL_ORIGIN });
      await context.clock.install();
      const pages = [];
      for (let i = 0; i < tabs; i++) {
        const tab = await context.newPage();
        await signInWithMessenger(tab);
        pages.push(tab);
      }
      const before = (await sim.stats(request)).refreshes;
      let elapsed = 0;
      let cycles = 0;
      for (; elapsed < HOUR; cycles++)
        elapsed += await advancePastNextRefresh(pages[0], request, pages);
      const stats = await sim.stats(request);
      expect([stats.codesExchanged, stats.sessions[0].gaps]).toEqual([1, []]);
      for (const tab of pages) {
        await expect(bridgeState(tab)).toHaveAttribute('data-state', 'authenticated');
      }
      await context.close();
      expect(cycles).toBeGreaterThanOrEqual(14);
      return { cycles, refreshes: stats.refreshes - before };
    };

    const one = await refreshesInAnHour(1);
    expect(one.refreshes).toBe(one.cycles);
    // Uncoordinated, three tabs would refresh three times per cycle. Playwright moves each tab's
    // clock in turn, so they all find the refresh due within milliseconds — the hand-over of the
    // lock must not depend on localStorage having reached the next tab.
    const three = await refreshesInAnHour(3);
    expect(three.refreshes).toBe(three.cycles);
  });

  test('signing out in one tab signs every tab and Messenger out, and ends the IdP session', async ({
    page,
    context,
    request,
  }) => {
    await signInWithMessenger(page);
    const other = await context.newPage();
    await signInWithMessenger(other);

    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('signed-out-page')).toBeVisible();

    await expect(other.getByTestId('session-status')).toHaveText('Signed out');
    await new MessengerWidget(other).expectStatus('anonymous');
    await expect(bridgeState(other)).toHaveAttribute('data-state', 'anonymous');
    expect((await sim.stats(request)).revokes).toBe(1);

    const redirectUri = `${PORTAL_ORIGIN}/messenger/callback`;
    const { url } = authorizationUrl({
      clientId: 'genesys-messenger',
      redirectUri,
      prompt: 'none',
    });
    const { redirect } = await followAuthorization(other, url, redirectUri);
    expect(redirect.searchParams.get('error')).toBe('login_required');
  });
});
