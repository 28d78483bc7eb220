/**
 * Admins, not developers, set how early the bridge refreshes (issue 5): an admin changes the
 * refresh lead in the admin app, sees what it implies, publishes, and the portal — reloaded —
 * refreshes on the new cadence.
 */
import { expect, test, type Page } from '@playwright/test';
import { nextRefreshAt, signInWithMessenger } from './support/bridge';
import { sim } from './support/genesys-sim';
import { account, signInAtIdp } from './support/idp-login';
import { PORTAL_ORIGIN } from './support/stack';

const ADMIN_APP = 'http://localhost:4300';

/** The value the admin app derives for a term ("Refresh lead", "Refresh every", …). */
function derived(page: Page, term: string) {
  return page.getByTestId('derived-lifetimes').locator('.row', { hasText: term }).locator('dd');
}

test('an admin changes the refresh lead, publishes it, and the reloaded portal refreshes on the new cadence', async ({
  browser,
  request,
}) => {
  await sim.reset(request);
  const portal = await (await browser.newContext({ baseURL: PORTAL_ORIGIN })).newPage();
  await signInWithMessenger(portal);
  const before = await nextRefreshAt(portal);

  const admin = await (await browser.newContext()).newPage();
  await admin.goto(`${ADMIN_APP}/profiles/demo`);
  await signInAtIdp(admin, account('ada'));
  const lead = admin.getByRole('spinbutton', { name: /^Refresh lead/ });
  await expect(lead).toBeEditable();
  const oldLead = Number(await lead.inputValue());
  const newLead = oldLead === 30 ? 45 : 30;

  await lead.fill(String(newLead));
  await expect(derived(admin, 'Refresh lead')).toHaveText(`${newLead} s`);
  await admin.getByTestId('save').click();
  await expect(admin.getByTestId('unsaved')).toHaveCount(0);
  await admin.getByTestId('publish').click();
  await admin.getByTestId('confirm-publish').click();
  await expect(admin.getByTestId('draft-status')).toContainText(/published version \d+/i);

  await portal.reload();
  await expect(portal.getByTestId('messenger-bridge-state')).toHaveAttribute(
    'data-state',
    'authenticated',
  );
  // Same JWT, same arrival: the next refresh moves by exactly the change of lead.
  await expect
    .poll(async () => Math.round(((await nextRefreshAt(portal)) - before) / 1000))
    .toBe(oldLead - newLead);
});
