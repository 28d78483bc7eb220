/**
 * Nothing lost by one click (issue 13) in the admin app against the real stack: deleting and
 * unpublishing need the name typed and send the draft's ETag in If-Match, a published profile
 * offers no Delete, the history page rolls back to an older version, and a reader sees all of it
 * read-only.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { account, signInAtIdp } from './support/idp-login';
import {
  ADMIN_API,
  ADMIN_APP,
  PROFILE_SERVER,
  adminAppToken,
  createProfile,
} from './support/profile-server';

/** The admin API as ada, for setting the scene. */
async function asAda(request: APIRequestContext) {
  const headers = { authorization: `Bearer ${await adminAppToken('ada')}` };
  const draft = async (name: string) => {
    const answer = await request.get(`${ADMIN_API}/profiles/${name}`, { headers });
    expect(answer.status()).toBe(200);
    return (await answer.json()) as { etag: string; draft: { refresh: Record<string, unknown> } };
  };
  return {
    headers,
    draft,
    /** Saves the draft with another refresh lead and publishes it. */
    async publishWithLead(name: string, leadSeconds: number): Promise<void> {
      const current = await draft(name);
      const saved = await request.put(`${ADMIN_API}/profiles/${name}`, {
        headers: { ...headers, 'if-match': current.etag },
        data: { ...current.draft, refresh: { ...current.draft.refresh, leadSeconds } },
      });
      expect(saved.status()).toBe(200);
      const published = await request.post(`${ADMIN_API}/profiles/${name}/publish`, {
        headers: { ...headers, 'if-match': saved.headers()['etag'] ?? '' },
      });
      expect(published.status()).toBe(201);
    },
  };
}

async function signIn(page: Page, username: string, path = '/profiles') {
  await page.goto(`${ADMIN_APP}${path}`);
  await signInAtIdp(page, account(username));
  await expect(page.getByTestId('user-name')).toHaveText(account(username).name);
}

async function openRowMenu(page: Page, name: string) {
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
}

test('deleting a draft-only profile needs its name typed and sends If-Match', async ({
  page,
  request,
}) => {
  const ada = await asAda(request);
  const name = await createProfile(request, await adminAppToken('ada'), 'doomed');
  const { etag } = await ada.draft(name);
  await signIn(page, 'ada');

  await openRowMenu(page, name);
  await page.getByRole('menuitem', { name: /Delete/ }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${name}?` });
  const confirm = dialog.getByRole('button', { name: 'Delete' });
  await expect(confirm).toBeDisabled();
  await dialog.getByTestId('confirm-name').fill(name.slice(0, -1));
  await expect(confirm).toBeDisabled();
  await dialog.getByTestId('confirm-name').fill(name);

  const sent = page.waitForRequest(
    (r) => r.method() === 'DELETE' && r.url() === `${ADMIN_API}/profiles/${name}`,
  );
  await confirm.click();
  expect((await sent).headers()['if-match']).toBe(etag);
  await expect(page.getByText(`Deleted ${name}.`)).toBeVisible();
  const gone = await request.get(`${ADMIN_API}/profiles/${name}`, { headers: ada.headers });
  expect(gone.status()).toBe(404);
});

test('a published profile offers Unpublish, not Delete; unpublishing is confirmed by name and portals then get 404', async ({
  page,
  request,
}) => {
  const ada = await asAda(request);
  const name = await createProfile(request, await adminAppToken('ada'), 'retiring');
  await ada.publishWithLead(name, 70);
  const portal = `${PROFILE_SERVER}/profiles/${name}/published`;
  expect((await request.get(portal)).status()).toBe(200);
  const { etag } = await ada.draft(name);
  await signIn(page, 'ada');

  await openRowMenu(page, name);
  await expect(page.getByRole('menuitem', { name: /Delete/ })).toHaveCount(0);
  await page.getByRole('menuitem', { name: /Unpublish/ }).click();
  const dialog = page.getByRole('dialog', { name: `Unpublish ${name}?` });
  await dialog.getByTestId('confirm-name').fill(name);
  const sent = page.waitForRequest((r) => r.url() === `${ADMIN_API}/profiles/${name}/unpublish`);
  await dialog.getByRole('button', { name: 'Unpublish' }).click();
  const request_ = await sent;
  expect([request_.headers()['if-match'], request_.postDataJSON()]).toEqual([
    etag,
    { confirm: name },
  ]);

  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Unpublished');
  expect((await request.get(portal)).status()).toBe(404);
});

test('the history page publishes an older version again as the newest one', async ({
  page,
  request,
}) => {
  const ada = await asAda(request);
  const name = await createProfile(request, await adminAppToken('ada'), 'rollback');
  await ada.publishWithLead(name, 70);
  await ada.publishWithLead(name, 80);
  await signIn(page, 'ada', `/profiles/${name}/history`);

  await expect(page.getByTestId('live-version')).toHaveCount(1);
  await expect(page.getByTestId('republish-2')).toHaveCount(0);
  await page.getByTestId('republish-1').click();
  await page
    .getByRole('dialog', { name: 'Publish version 1 again?' })
    .getByRole('button', { name: 'Publish again' })
    .click();
  await expect(page.getByText('Published version 1 again as version 3.')).toBeVisible();

  const v3 = await request.get(`${ADMIN_API}/profiles/${name}/versions/3`, {
    headers: ada.headers,
  });
  expect((await v3.json()).document.refresh.leadSeconds).toBe(70);
  expect((await ada.draft(name)).draft.refresh['leadSeconds']).toBe(70);
  const portal = await request.get(`${PROFILE_SERVER}/profiles/${name}/published`);
  expect((await portal.json()).version).toBe(3);
});

test('rosalind, a reader, sees profiles and history read-only', async ({ page, request }) => {
  const ada = await asAda(request);
  const name = await createProfile(request, await adminAppToken('ada'), 'readable');
  await ada.publishWithLead(name, 70);
  await ada.publishWithLead(name, 80);
  // Draft-only: the row where an admin gets Delete (first test); a published row never offers it.
  const draftOnly = await createProfile(request, await adminAppToken('ada'), 'unreleased');
  await signIn(page, 'rosalind');

  await expect(page.getByTestId('user-role')).toHaveText('Read-only');
  await expect(page.getByTestId('read-only')).toBeVisible();
  await expect(page.getByTestId('create')).toHaveCount(0);
  await openRowMenu(page, draftOnly);
  await expect(page.getByRole('menuitem', { name: /View/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Delete|Duplicate/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await openRowMenu(page, name);
  await expect(page.getByRole('menuitem', { name: /View/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Delete|Unpublish|Duplicate/ })).toHaveCount(0);
  await page.getByRole('menuitem', { name: /History/ }).click();

  await expect(page.getByTestId('versions')).toContainText('Version 2');
  await expect(page.getByTestId('read-only')).toBeVisible();
  await expect(page.getByRole('button', { name: /Publish again/ })).toHaveCount(0);
});
