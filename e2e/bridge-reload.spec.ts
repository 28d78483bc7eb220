/**
 * The bridge across page loads (issue 4, e2e c and e): a tab opened an hour after every tab was
 * closed, and an IdP session that ended behind Messenger's back.
 */
import { expect, test, type Page } from '@playwright/test';
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

/** What {@link noteWhenLeaving} adds to a window (TypeScript's DOM lib lacks `navigation`). */
interface LeavingWatch {
  readonly navigation: EventTarget;
  __leaving?: boolean;
}

/**
 * Marks the page's document and notes in it when it starts to navigate (a reload, a redirect by
 * script, a form sent): read with {@link leftOrLeaving}.
 */
async function noteWhenLeaving(page: Page): Promise<void> {
  await page.evaluate(() => {
    const watch = window as unknown as LeavingWatch;
    watch.__leaving = false;
    watch.navigation.addEventListener('navigate', () => (watch.__leaving = true));
  });
}

/** The page's clock, or NaN while the page is between two documents (evaluating fails then). */
function pageClock(page: Page): Promise<number> {
  // Swallowed: a page that leaves the login page fails the test below, with a clearer message.
  return browserNow(page).catch(() => NaN);
}

/** Whether the page marked by {@link noteWhenLeaving} began to leave, or shows another document. */
function leftOrLeaving(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as LeavingWatch).__leaving !== false);
}

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
    // Nothing else happens while the user looks at the login page. A second login page needs this
    // page to leave, and the page records the moment it starts to (the Navigation API's `navigate`
    // fires at once, a reload included). No fixed wait: advance() runs the page's timers due in the
    // two minutes, and the page's own clock read a second past them shows it lived through that
    // time (the page answers only while it runs).
    await noteWhenLeaving(page);
    const lookedAt = (await browserNow(page)) + 2 * 60_000;
    await advance(context, request, 2 * 60_000);
    await expect.poll(() => pageClock(page)).toBeGreaterThan(lookedAt + 1_000);
    expect(await leftOrLeaving(page), 'the login page stayed, and no navigation began').toBe(false);
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
