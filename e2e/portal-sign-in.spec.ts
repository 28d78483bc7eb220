import { expect, test } from '@playwright/test';
import { account, signInAtIdp } from './support/idp-login';
import { IDP_ISSUER } from './support/stack';

const alice = account('alice');

test.describe('Signing in to the demo portal through the dev IdP', () => {
  test('alice reaches the guarded area, stays signed in across a reload, and signs out everywhere', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByTestId('session-status')).toHaveText('Signed out');

    await page.goto('/account');
    await signInAtIdp(page, alice);

    await expect(page).toHaveURL(/\/account/);
    await expect(page.getByTestId('account-overview')).toBeVisible();
    await expect(page.getByTestId('session-status')).toHaveText('Signed in');
    await expect(page.getByTestId('user-name')).toHaveText(alice.name);

    await page.reload();
    await expect(page.getByTestId('account-overview')).toBeVisible();
    await expect(page.getByTestId('user-name')).toHaveText(alice.name);

    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('signed-out-page')).toBeVisible();
    await expect(page.getByTestId('session-status')).toHaveText('Signed out');

    // The IdP session ended too: the guarded area asks for a password again.
    await page.goto('/account');
    await expect(page).toHaveURL((url) => url.origin === IDP_ISSUER);
    await expect(page.getByTestId('idp-password')).toBeVisible();
  });

  test('a wrong password keeps the user on the IdP login page with an error', async ({ page }) => {
    await page.goto('/account');
    await signInAtIdp(page, { ...alice, password: 'not-her-password' });
    await expect(page.getByTestId('idp-error')).toBeVisible();
    await expect(page).toHaveURL((url) => url.origin === IDP_ISSUER);
  });
});
