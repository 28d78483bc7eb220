/**
 * The admin app against the real dev IdP and profile server (issue 5): an admin's
 * JWT access token is accepted by the profile server; a customer may read but not write.
 */
import { expect, test } from '@playwright/test';
import { account, signInAtIdp } from './support/idp-login';
import { ADMIN_APP } from './support/profile-server';

test.describe('The admin app', () => {
  test('ada signs in as an administrator and sees the seeded demo profile', async ({ page }) => {
    await page.goto(`${ADMIN_APP}/profiles`);
    await signInAtIdp(page, account('ada'));

    await expect(page.getByTestId('user-name')).toHaveText('Ada Admin');
    await expect(page.getByTestId('user-role')).toContainText(/admin/i);
    const table = page.getByRole('table', { name: 'Deployment profiles' });
    await expect(table.getByRole('row', { name: /demo/ })).toBeVisible();
    await expect(page.getByTestId('load-error')).toHaveCount(0);
    await expect(page.getByTestId('create')).toBeEnabled();
  });

  test('alice, a customer, can read the profiles but not change them', async ({ page }) => {
    await page.goto(`${ADMIN_APP}/profiles`);
    await signInAtIdp(page, account('alice'));

    await expect(
      page.getByRole('table', { name: 'Deployment profiles' }).getByRole('row', { name: /demo/ }),
    ).toBeVisible();
    await expect(page.getByTestId('read-only')).toBeVisible();
  });
});
