/**
 * Two admins and one draft (issue 5): the second save is refused with 412 against the real profile
 * server, the admin app offers the other admin's version, and nobody's edits are lost. Plus the
 * access rules of the running server.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { account, signInAtIdp } from './support/idp-login';
import {
  ADMIN_API,
  ADMIN_APP,
  PROFILE_SERVER,
  adminAppToken,
  createProfile,
} from './support/profile-server';
import { PORTAL_ORIGIN } from './support/stack';

/** Opens a profile's editor in a new browser (own cookies and storage) as this admin. */
async function openEditor(browser: Browser, profile: string, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${ADMIN_APP}/profiles/${profile}`);
  await signInAtIdp(page, account(username));
  await expect(leadField(page)).toBeEditable();
  return page;
}

function leadField(page: Page) {
  return page.getByRole('spinbutton', { name: /^Refresh lead/ });
}

test('two admins save the same draft: the second gets 412, reloads the first one, keeps her edits', async ({
  browser,
  request,
}) => {
  const token = await adminAppToken('ada');
  const profile = await createProfile(request, token, 'shared');
  const ada = await openEditor(browser, profile, 'ada');
  const grace = await openEditor(browser, profile, 'grace');

  await leadField(ada).fill('75');
  await ada.getByTestId('save').click();
  await expect(ada.getByTestId('unsaved')).toHaveCount(0);

  // Grace opened the draft before Ada saved; her save carries the old ETag.
  await leadField(grace).fill('50');
  await grace.getByTestId('save').click();
  const dialog = grace.getByRole('dialog', { name: 'Someone else saved this draft' });
  await expect(dialog).toContainText(`ada saved ${profile} after you opened it`);
  const change = dialog.getByTestId('change').filter({ hasText: 'refresh.leadSeconds' });
  await expect(change.locator('del')).toHaveText('75');
  await expect(change.locator('ins')).toHaveText('50');

  await dialog.getByTestId('reload-theirs').click();
  await expect(dialog).toHaveCount(0);
  await expect(leadField(grace)).toHaveValue('75');
  const recovered = grace.getByTestId('recovered');
  await expect(recovered).toBeVisible();

  await recovered.getByRole('button', { name: 'Put my edits back in the form' }).click();
  await expect(leadField(grace)).toHaveValue('50');
  await expect(grace.getByTestId('unsaved')).toBeVisible();
  await grace.getByTestId('save').click();
  await expect(grace.getByTestId('unsaved')).toHaveCount(0);

  const auth = { authorization: `Bearer ${token}` };
  const current = await request.get(`${ADMIN_API}/profiles/${profile}`, { headers: auth });
  expect(await current.json()).toMatchObject({
    updatedBy: 'grace',
    draft: { refresh: { leadSeconds: 50 } },
  });
  const audit = await (
    await request.get(`${ADMIN_API}/audit?profile=${profile}`, { headers: auth })
  ).json();
  const updates = (audit.entries as { action: string; actorName: string }[])
    .filter((entry) => entry.action === 'update')
    .map((entry) => entry.actorName);
  expect(updates.sort()).toEqual(['ada', 'grace']);

  const removed = await request.delete(`${ADMIN_API}/profiles/${profile}`, {
    headers: { ...auth, 'if-match': current.headers()['etag'] ?? '' },
  });
  expect(removed.status()).toBe(204);
});

test.describe('The running profile server', () => {
  test('answers no token with 401, a reader’s write and a customer’s read with 403', async ({
    request,
  }) => {
    const anonymous = await request.get(`${ADMIN_API}/profiles`);
    expect(anonymous.status()).toBe(401);

    const rosalind = { authorization: `Bearer ${await adminAppToken('rosalind')}` };
    expect((await request.get(`${ADMIN_API}/profiles`, { headers: rosalind })).status()).toBe(200);
    const write = await request.post(`${ADMIN_API}/profiles`, {
      headers: rosalind,
      data: { name: 'rosalinds-profile' },
    });
    expect(write.status()).toBe(403);

    const alice = { authorization: `Bearer ${await adminAppToken('alice')}` };
    expect((await request.get(`${ADMIN_API}/profiles`, { headers: alice })).status()).toBe(403);
  });

  test('serves the published demo profile to the portal, without any secret', async ({
    request,
  }) => {
    const response = await request.get(`${PROFILE_SERVER}/profiles/demo/published`, {
      headers: { origin: PORTAL_ORIGIN },
    });
    expect(response.status()).toBe(200);
    expect(response.headers()['access-control-allow-origin']).toBe(PORTAL_ORIGIN);
    expect(response.headers()['etag']).toBeTruthy();
    const text = await response.text();
    expect(text).not.toMatch(/secret/i);
    expect(JSON.parse(text)).toMatchObject({ name: 'demo', bridge: { refresh: {} } });
  });
});
