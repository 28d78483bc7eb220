/**
 * Admins, not developers, set how early the bridge refreshes and how long the IdP's tokens live
 * (issue 5): an admin changes them in the admin app, sees what they imply, publishes, and the
 * portal — reloaded — refreshes on the new cadence.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  advancePastNextRefresh,
  bridgeState,
  nextRefreshAt,
  setIdpLifetimes,
  signInWithMessenger,
  useVirtualTime,
} from './support/bridge';
import { sim } from './support/genesys-sim';
import { account, signInAtIdp } from './support/idp-login';
import { ADMIN_APP, publishDemoBaseline } from './support/profile-server';
import { PORTAL_ORIGIN } from './support/stack';

/** The value the admin app derives for a term ("Refresh lead", "Refresh every", …). */
function derived(page: Page, term: string) {
  return page.getByTestId('derived-lifetimes').locator('.row', { hasText: term }).locator('dd');
}

/** Signs ada in to the admin app's editor of the seeded `demo` profile. */
async function openDemoProfileAsAdmin(page: Page) {
  await page.goto(`${ADMIN_APP}/profiles/demo`);
  await signInAtIdp(page, account('ada'));
  await expect(page.getByRole('spinbutton', { name: /^Refresh lead/ })).toBeEditable();
}

/** Saves the draft and publishes it through the diff confirmation. */
async function saveAndPublish(page: Page) {
  await page.getByTestId('save').click();
  await expect(page.getByTestId('unsaved')).toHaveCount(0);
  const status = page.getByTestId('draft-status');
  const published = Number(
    (await status.textContent())?.match(/published version (\d+)/)?.[1] ?? 0,
  );
  await page.getByTestId('publish').click();
  await page.getByTestId('confirm-publish').click();
  // The status named the version published before: wait for the next one, not any.
  await expect(status).toContainText(`published version ${published + 1}`);
}

// Each test starts from, and leaves behind, the demo profile a fresh database holds.
test.beforeEach(({ request }) => publishDemoBaseline(request));
test.afterAll(({ request }) => publishDemoBaseline(request));

test('an admin changes the refresh lead, publishes it, and the reloaded portal refreshes on the new cadence', async ({
  browser,
  request,
}) => {
  await sim.reset(request);
  const portal = await (await browser.newContext({ baseURL: PORTAL_ORIGIN })).newPage();
  await signInWithMessenger(portal);
  const before = await nextRefreshAt(portal);

  const admin = await (await browser.newContext()).newPage();
  await openDemoProfileAsAdmin(admin);
  const lead = admin.getByRole('spinbutton', { name: /^Refresh lead/ });
  const oldLead = Number(await lead.inputValue());
  const newLead = oldLead === 30 ? 45 : 30;

  await lead.fill(String(newLead));
  await expect(derived(admin, 'Refresh lead')).toHaveText(`${newLead} s`);
  await saveAndPublish(admin);

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

test.describe('IdP access-token lifetime', () => {
  useVirtualTime(test);

  test('an admin lengthens the access token and the lead; the portal refreshes as the admin app showed', async ({
    browser,
    page: portal,
    request,
  }) => {
    await signInWithMessenger(portal);

    const admin = await (await browser.newContext()).newPage();
    await openDemoProfileAsAdmin(admin);
    const access = admin.getByRole('spinbutton', { name: /^Access token lifetime/ });
    const lead = admin.getByRole('spinbutton', { name: /^Refresh lead/ });
    const summary = admin.getByTestId('timeline-summary');
    const jwtFromAccessToken = admin
      .getByTestId('issue')
      .filter({ hasText: 'The Genesys JWT lives min(15 min, IdP access token)' });

    // The field report's settings: a 5-minute access token makes a 5-minute Genesys JWT.
    await access.fill('300');
    await lead.fill('60');
    await expect(derived(admin, 'Genesys JWT lifetime')).toHaveText('5 min');
    await expect(summary).toContainText(
      'Each Genesys JWT lives 5 min and is refreshed every 4 min',
    );
    await expect(jwtFromAccessToken).toHaveCount(1);
    const jwtBars = admin.getByTestId('timeline-svg').locator('rect.jwt');
    const shortJwts = await jwtBars.count();

    // 20 minutes: Genesys caps its JWT at 15 minutes; the warning goes, the picture thins out.
    await access.fill('1200');
    await lead.fill('120');
    await expect(derived(admin, 'Genesys JWT lifetime')).toHaveText('15 min');
    await expect(derived(admin, 'Refresh every')).toHaveText('13 min');
    await expect(summary).toContainText(
      'Each Genesys JWT lives 15 min and is refreshed every 13 min',
    );
    await expect(jwtFromAccessToken).toHaveCount(0);
    await expect.poll(() => jwtBars.count()).toBeLessThan(shortJwts);
    await saveAndPublish(admin);

    // The IdP's administrator applies the new lifetime (in production: the exported policy).
    await setIdpLifetimes(request, { accessToken: 1200 });
    await portal.reload();
    await expect(bridgeState(portal)).toHaveAttribute('data-state', 'authenticated');

    // The JWT of the old settings is refreshed once; Genesys then issues 15-minute JWTs, and the
    // bridge refreshes every 13 minutes (plus the second the helper overshoots each refresh by).
    await advancePastNextRefresh(portal, request);
    const first = await nextRefreshAt(portal);
    await advancePastNextRefresh(portal, request);
    const cadence = Math.round(((await nextRefreshAt(portal)) - first) / 1000);
    expect(cadence).toBeGreaterThanOrEqual(13 * 60);
    expect(cadence).toBeLessThanOrEqual(13 * 60 + 3);
  });
});
