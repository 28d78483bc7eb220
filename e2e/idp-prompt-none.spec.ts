import { expect, test, type Page } from '@playwright/test';
import { authorizationUrl, followAuthorization } from './support/authorization-request';
import { account, signInAtIdp } from './support/idp-login';
import { IDP_ISSUER, PORTAL_ORIGIN } from './support/stack';

const alice = account('alice');
/** The client Genesys exchanges codes with: the one Messenger's own authorization requests use. */
const MESSENGER_CLIENT = {
  clientId: 'genesys-messenger',
  redirectUri: `${PORTAL_ORIGIN}/messenger/callback`,
};

async function signInToPortal(page: Page): Promise<void> {
  await page.goto('/account');
  await signInAtIdp(page, alice);
  await expect(page.getByTestId('account-overview')).toBeVisible();
}

async function silentAuthorization(page: Page) {
  const { url, state } = authorizationUrl({ ...MESSENGER_CLIENT, prompt: 'none' });
  const outcome = await followAuthorization(page, url, MESSENGER_CLIENT.redirectUri);
  expect(outcome.redirect.searchParams.get('state')).toBe(state);
  expect(outcome.redirect.searchParams.get('iss')).toBe(IDP_ISSUER);
  return outcome;
}

test.describe('Silent authorization (prompt=none) at the dev IdP', () => {
  test('returns a code without any login page while the IdP session lives', async ({ page }) => {
    await signInToPortal(page);

    const { redirect, sawIdpPage } = await silentAuthorization(page);

    expect(redirect.searchParams.get('error')).toBeNull();
    expect(redirect.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
    expect(sawIdpPage).toBe(false);
  });

  test('answers login_required once the user signed out', async ({ page }) => {
    await signInToPortal(page);
    await page.goto('/account');
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('signed-out-page')).toBeVisible();

    const { redirect, sawIdpPage } = await silentAuthorization(page);

    expect(redirect.searchParams.get('error')).toBe('login_required');
    expect(redirect.searchParams.get('code')).toBeNull();
    expect(sawIdpPage).toBe(false);
  });

  test('answers login_required in a browser that never signed in', async ({ page }) => {
    const { redirect } = await silentAuthorization(page);
    expect(redirect.searchParams.get('error')).toBe('login_required');
  });
});
