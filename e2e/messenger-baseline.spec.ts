/**
 * The field failures, reproduced with Messenger set up by hand (no bridge) — the baseline the
 * bridge is measured against.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { sim } from './support/genesys-sim';
import { account, signInAtIdp } from './support/idp-login';
import { MessengerWidget } from './support/messenger-widget';
import { IDP_ISSUER } from './support/stack';

const alice = account('alice');

/**
 * Signs alice in to the portal, then forgets what the portal's own (bridged) Messenger did, so
 * the hand-made pages start as they would on a portal without the bridge.
 */
async function signInToPortal(page: Page, request: APIRequestContext): Promise<void> {
  await page.goto('/account');
  await signInAtIdp(page, alice);
  await expect(page.getByTestId('account-overview')).toBeVisible();
  await expect(page.getByTestId('messenger-bridge-state')).toHaveAttribute(
    'data-state',
    'authenticated',
  );
  await page.evaluate(() => localStorage.clear());
  await sim.reset(request);
}

test.describe('Messenger without the bridge', () => {
  test.beforeEach(async ({ request }) => {
    await sim.reset(request);
  });

  test('shows Re-authenticate and stops delivering messages after a reload past the JWT expiry', async ({
    page,
    request,
  }) => {
    await page.clock.install();
    await signInToPortal(page, request);
    // Messenger shows its Re-authenticate prompt instead of starting a login itself, as in the report.
    await sim.setVariants(request, { reAuthentication: 'button' });

    await page.goto('/support/baseline');
    const messenger = new MessengerWidget(page);
    await expect(page).toHaveURL(/\/support\/baseline\?code=/);
    await messenger.expectStatus('authenticated');
    await messenger.send('Hello, I have a question about my card.');
    await expect(messenger.messages).toContainText('an agent has your message');

    // Six minutes later (browser and Genesys clocks alike), the customer reloads the page.
    await page.clock.fastForward('06:00');
    await sim.shiftClock(request, 6 * 60_000);
    await page.reload();

    await messenger.expectStatus('reauthenticate');
    await messenger.launcher.click();
    await expect(messenger.reauthenticate).toBeVisible();
    await messenger.send('Are you still there?');
    await expect(messenger.sendError).toContainText('not delivered');

    const stats = await sim.stats(request);
    expect(stats.refreshes).toBe(0);
    expect(stats.sessions).toHaveLength(1);
    expect(stats.sessions[0].gaps).toHaveLength(1);
    expect(stats.sessions[0].gaps[0].seconds).toBeGreaterThanOrEqual(55);
  });

  test('hands one code over twice (blueprint style): Genesys refuses the second, Messenger re-authenticates at once', async ({
    page,
    request,
  }) => {
    await signInToPortal(page, request);
    const authorizeRequests: URL[] = [];
    await page.route(
      (url) => url.origin === IDP_ISSUER && url.pathname === '/auth',
      async (route) => {
        authorizeRequests.push(new URL(route.request().url()));
        if (authorizeRequests.length === 1) return route.continue();
        // The re-authentication's login: stop here instead of looping through the IdP again.
        return route.fulfill({
          contentType: 'text/html',
          body: '<p data-testid="second-login">login</p>',
        });
      },
    );

    await page.goto('/support/blueprint');

    await expect(page.getByTestId('second-login')).toBeVisible();
    const stats = await sim.stats(request);
    expect(stats.codesExchanged).toBe(1);
    expect(stats.rejections).toEqual({ 'code-reused': 1 });
    expect(authorizeRequests.map((url) => url.searchParams.get('client_id'))).toEqual([
      'genesys-messenger',
      'genesys-messenger',
    ]);
  });
});
