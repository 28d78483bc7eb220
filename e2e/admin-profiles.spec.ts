/**
 * The admin app against the real dev IdP and profile server (issues 5 and 13): an admin's
 * JWT access token is accepted by the profile server; a reader may read but not write; a customer
 * (neither role) is refused.
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

  test('rosalind, a reader, can read the profiles but not change them', async ({ page }) => {
    await page.goto(`${ADMIN_APP}/profiles`);
    await signInAtIdp(page, account('rosalind'));

    await expect(
      page.getByRole('table', { name: 'Deployment profiles' }).getByRole('row', { name: /demo/ }),
    ).toBeVisible();
    await expect(page.getByTestId('read-only')).toBeVisible();
  });

  test('alice, a customer with neither role, is told she has no access', async ({ page }) => {
    await page.goto(`${ADMIN_APP}/profiles`);
    await signInAtIdp(page, account('alice'));

    await expect(page.getByTestId('user-role')).toHaveText('No access');
    await expect(page.getByTestId('load-error')).toContainText('needs the reader or admin role');
  });
});
