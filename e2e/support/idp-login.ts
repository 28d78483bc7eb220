import { expect, type Page } from '@playwright/test';
import { TEST_USERS, type TestUser } from '../../projects/dev-idp/src/accounts';
import { IDP_ISSUER } from './stack';

/** A dev IdP test account (projects/dev-idp/src/accounts.ts is the one source of them). */
export type TestAccount = TestUser & { readonly name: string };

/** Returns the dev IdP's test account with this username. */
export function account(username: string): TestAccount {
  const found = TEST_USERS.find((u) => u.username === username);
  if (!found) throw new Error(`the dev IdP has no test account "${username}"`);
  return { ...found, name: `${found.givenName} ${found.familyName}` };
}

/** Expects the dev IdP's login page and signs in on it, as a person would. */
export async function signInAtIdp(page: Page, user: TestAccount): Promise<void> {
  await expect(page).toHaveURL((url) => url.origin === IDP_ISSUER);
  await page.getByTestId('idp-username').fill(user.username);
  await page.getByTestId('idp-password').fill(user.password);
  await page.getByTestId('idp-submit').click();
}
