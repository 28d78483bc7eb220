/**
 * An admin's "Silently only (never redirect)" reaches the bridge (issue 9, item 4): with the IdP
 * session gone, the portal shows no login page; the chat ends and offers "Sign in to chat".
 */
import { expect, test } from '@playwright/test';
import {
  advance,
  bridgeState,
  browserNow,
  countLoginPages,
  killIdpSession,
  nextRefreshAt,
  recordMessengerAuthorizations,
  signInWithMessenger,
  useVirtualTime,
} from './support/bridge';
import { publishDemo, publishDemoBaseline } from './support/profile-server';

test.describe('Messenger with the bridge: reauthMode silent-only', () => {
  useVirtualTime(test);
  test.beforeEach(({ request }) =>
    publishDemo(request, (draft) => ({
      ...draft,
      refresh: { ...draft.refresh, reauthMode: 'silent-only' },
    })),
  );
  test.afterEach(({ request }) => publishDemoBaseline(request));

  test('with the IdP session killed, the portal shows no login page and offers "Sign in to chat"', async ({
    page,
    context,
    request,
  }) => {
    const loginPages = countLoginPages(page);
    await signInWithMessenger(page);
    expect(loginPages()).toBe(1);
    const authorizations = recordMessengerAuthorizations(context);

    await killIdpSession(context, request);
    const due = await nextRefreshAt(page);
    await advance(context, request, due - (await browserNow(page)) + 1_700);

    await expect(bridgeState(page)).toHaveAttribute('data-end-reason', 'login-required');
    await expect(bridgeState(page)).toHaveAttribute('data-state', 'ended');
    await expect(page.getByTestId('account-overview')).toBeVisible();
    // The silent attempts only: the hidden iframe, then one top-level prompt=none.
    expect(authorizations).toEqual(['none', 'none']);
    await advance(context, request, 3 * 60_000 + 11_000);
    expect(loginPages()).toBe(1);
    expect(authorizations).toHaveLength(2);

    // A person's click may show the login page.
    await page.getByTestId('messenger-sign-in-to-chat').click();
    await expect(page.getByTestId('idp-username')).toBeVisible();
    expect(loginPages()).toBe(2);
  });
});
