import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { Router } from '@angular/router';
import { createDefaultProfile } from 'ngx-genesys-messenger-auth/profile';

import { API, draftBody, provideAdminTesting } from '../../../testing/admin-testing';
import { ROSALIND } from '../../../testing/fake-oidc-security-service';
import { ProfileListPage } from './profile-list-page';

@Component({ template: '' })
class Blank {}

/** `GET /admin/profiles` as the profile server answers it. */
const LIST = {
  profiles: [
    {
      name: 'retail',
      status: 'published',
      latestVersion: 3,
      unpublishedChanges: true,
      updatedBy: 'ada',
      updatedAt: '2026-01-05T10:00:00Z',
    },
    {
      name: 'pilot',
      status: 'draft',
      latestVersion: null,
      unpublishedChanges: false,
      updatedBy: 'grace',
      updatedAt: '2026-01-06T10:00:00Z',
    },
  ],
};

describe(ProfileListPage.name, () => {
  let fixture: ComponentFixture<ProfileListPage>;
  let loader: HarnessLoader;
  let overlays: HarnessLoader;
  let http: HttpTestingController;

  async function open(claims?: Record<string, unknown>): Promise<void> {
    TestBed.configureTestingModule({
      providers: provideAdminTesting({ claims, routes: [{ path: '**', component: Blank }] }),
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProfileListPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    overlays = TestbedHarnessEnvironment.documentRootLoader(fixture);
    http.expectOne(`${API}/admin/profiles`).flush(LIST);
    await fixture.whenStable();
  }

  async function rowMenu(name: string): Promise<MatMenuHarness> {
    const menu = await loader.getHarness(
      MatMenuHarness.with({ selector: `[aria-label="Actions for ${name}"]` }),
    );
    await menu.open();
    return menu;
  }

  /** The labels of a row's action menu, opened, joined by spaces. */
  async function menuLabels(name: string): Promise<string> {
    const menu = await rowMenu(name);
    const labels = await Promise.all((await menu.getItems()).map((item) => item.getText()));
    await menu.close();
    return labels.join(' ');
  }

  afterEach(() => http.verify());

  it('lists every profile with its status and last editor', async () => {
    await open();
    const table = await loader.getHarness(MatTableHarness);

    const rows = await table.getCellTextByColumnName();

    expect(rows['name'].text.map((text) => text.split(/\s/)[0])).toEqual(['retail', 'pilot']);
    expect(rows['status'].text).toEqual(['Published v3 + draft changes', 'Draft']);
    expect(rows['lastEditor'].text).toEqual(['ada', 'grace']);
  });

  it('says when the server cannot be reached and loads again on request', async () => {
    TestBed.configureTestingModule({ providers: provideAdminTesting() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProfileListPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http.expectOne(`${API}/admin/profiles`).error(new ProgressEvent('error'));
    await fixture.whenStable();

    expect((fixture.nativeElement as HTMLElement).textContent).toContain('cannot be reached');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Try again' }))).click();
    http.expectOne(`${API}/admin/profiles`).flush([]);
  });

  it('creates a profile and opens it', async () => {
    await open();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate');

    await (await loader.getHarness(MatButtonHarness.with({ text: /New profile/ }))).click();
    const dialog = await overlays.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness)).setValue('branch-offices');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create' }))).click();

    const post = http.expectOne({ method: 'POST', url: `${API}/admin/profiles` });
    expect(post.request.body).toEqual({ name: 'branch-offices' });
    post.flush(draftBody(createDefaultProfile('branch-offices')), {
      status: 201,
      statusText: 'Created',
    });
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith(['/profiles', 'branch-offices']);
  });

  it("refuses a name the schema does not accept, with the schema's message", async () => {
    await open();
    await (await loader.getHarness(MatButtonHarness.with({ text: /New profile/ }))).click();
    const dialog = await overlays.getHarness(MatDialogHarness);

    await (await dialog.getHarness(MatInputHarness)).setValue('Bad Name');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create' }))).click();

    const errors = await (await dialog.getHarness(MatFormFieldHarness)).getTextErrors();
    expect(errors[0]).toMatch(/^name must be lowercase letters/);
    http.expectNone(`${API}/admin/profiles`);
  });

  it('says in the dialog when the name is taken (409)', async () => {
    await open();
    await (await loader.getHarness(MatButtonHarness.with({ text: /New profile/ }))).click();
    const dialog = await overlays.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness)).setValue('retail');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create' }))).click();

    http
      .expectOne({ method: 'POST', url: `${API}/admin/profiles` })
      .flush(
        { error: 'already-exists', message: 'a profile named retail exists already' },
        { status: 409, statusText: 'Conflict' },
      );

    expect(await (await dialog.getHarness(MatFormFieldHarness)).getTextErrors()).toEqual([
      'a profile named retail exists already',
    ]);
  });

  it('duplicates a profile from its draft under a new name', async () => {
    await open();
    const menu = await rowMenu('retail');
    await menu.clickItem({ text: /Duplicate/ });
    const dialog = await overlays.getHarness(MatDialogHarness);
    expect(await (await dialog.getHarness(MatInputHarness)).getValue()).toBe('retail-copy');

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Duplicate' }))).click();
    http.expectOne(`${API}/admin/profiles/retail`).flush(draftBody(createDefaultProfile('retail')));
    const post = http.expectOne({ method: 'POST', url: `${API}/admin/profiles` });

    expect(post.request.body).toEqual({
      name: 'retail-copy',
      profile: createDefaultProfile('retail-copy'),
    });
    post.flush(draftBody(createDefaultProfile('retail-copy')), {
      status: 201,
      statusText: 'Created',
    });
    await fixture.whenStable();

    http.expectOne(`${API}/admin/profiles`).flush(LIST);
    expect(await (await overlays.getHarness(MatSnackBarHarness)).getMessage()).toBe(
      'Created retail-copy from the draft of retail.',
    );
  });

  async function confirmDialog(): Promise<MatDialogHarness> {
    return overlays.getHarness(MatDialogHarness);
  }

  it('deletes a draft-only profile after its name is typed, sending the draft ETag', async () => {
    await open();
    await (await rowMenu('pilot')).clickItem({ text: /Delete/ });
    http
      .expectOne(`${API}/admin/profiles/pilot`)
      .flush(draftBody(createDefaultProfile('pilot'), { etag: '"p7"' }));
    const dialog = await confirmDialog();
    expect(await dialog.getTitleText()).toBe('Delete pilot?');
    const confirm = await dialog.getHarness(MatButtonHarness.with({ text: 'Delete' }));
    expect(await confirm.isDisabled()).toBe(true);

    await (await dialog.getHarness(MatInputHarness)).setValue('pilot');
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    const removed = http.expectOne({ method: 'DELETE', url: `${API}/admin/profiles/pilot` });
    expect(removed.request.headers.get('If-Match')).toBe('"p7"');
    removed.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne(`${API}/admin/profiles`).flush({ profiles: LIST.profiles.slice(0, 1) });

    expect(await (await overlays.getHarness(MatSnackBarHarness)).getMessage()).toBe(
      'Deleted pilot.',
    );
  });

  it('keeps the confirm button disabled for another name', async () => {
    await open();
    await (await rowMenu('pilot')).clickItem({ text: /Delete/ });
    http.expectOne(`${API}/admin/profiles/pilot`).flush(draftBody(createDefaultProfile('pilot')));
    const dialog = await confirmDialog();
    await (await dialog.getHarness(MatInputHarness)).setValue('pilo');

    expect(
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Delete' }))).isDisabled(),
    ).toBe(true);
  });

  it('deletes nothing when the confirmation is cancelled', async () => {
    await open();
    await (await rowMenu('pilot')).clickItem({ text: /Delete/ });
    http.expectOne(`${API}/admin/profiles/pilot`).flush(draftBody(createDefaultProfile('pilot')));

    await (await overlays.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();

    http.expectNone({ method: 'DELETE' });
  });

  it('offers a published profile Unpublish instead of Delete, confirmed by name', async () => {
    await open();
    const items = await (await rowMenu('retail')).getItems();
    const labels = await Promise.all(items.map((item) => item.getText()));
    expect(labels.join(' ')).not.toMatch(/Delete/);

    await (await rowMenu('retail')).clickItem({ text: /Unpublish/ });
    http
      .expectOne(`${API}/admin/profiles/retail`)
      .flush(draftBody(createDefaultProfile('retail'), { publishedVersion: 3, etag: '"r3"' }));
    const dialog = await confirmDialog();
    expect(await dialog.getTitleText()).toBe('Unpublish retail?');
    await (await dialog.getHarness(MatInputHarness)).setValue('retail');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Unpublish' }))).click();

    const unpublish = http.expectOne({
      method: 'POST',
      url: `${API}/admin/profiles/retail/unpublish`,
    });
    expect([unpublish.request.headers.get('If-Match'), unpublish.request.body]).toEqual([
      '"r3"',
      { confirm: 'retail' },
    ]);
    unpublish.flush(draftBody(createDefaultProfile('retail'), { publishedVersion: 3 }));
    http.expectOne(`${API}/admin/profiles`).flush(LIST);
    expect(await (await overlays.getHarness(MatSnackBarHarness)).getMessage()).toBe(
      'Unpublished retail: portals no longer get it.',
    );
  });

  it("shows the server's refusal when the profile changed meanwhile", async () => {
    await open();
    await (await rowMenu('pilot')).clickItem({ text: /Delete/ });
    http.expectOne(`${API}/admin/profiles/pilot`).flush(draftBody(createDefaultProfile('pilot')));
    const dialog = await confirmDialog();
    await (await dialog.getHarness(MatInputHarness)).setValue('pilot');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Delete' }))).click();
    http
      .expectOne({ method: 'DELETE', url: `${API}/admin/profiles/pilot` })
      .flush({ error: 'precondition-failed' }, { status: 412, statusText: 'Precondition Failed' });
    http.expectOne(`${API}/admin/profiles`).flush(LIST);

    expect(await (await overlays.getHarness(MatSnackBarHarness)).getMessage()).toContain(
      'Someone else saved this draft',
    );
  });

  it('offers readers no way to change anything', async () => {
    await open(ROSALIND);

    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /New profile/ }))).toEqual(
      [],
    );
    const published = await menuLabels('retail');
    expect(published).not.toMatch(/Duplicate|Unpublish/);
    expect(published).toContain('View');
    // A published row never offers Delete; the draft-only row is where an admin gets it.
    const draftOnly = await menuLabels('pilot');
    expect(draftOnly).not.toMatch(/Duplicate|Delete/);
    expect(draftOnly).toContain('View');
  });

  it('offers an admin Duplicate and Delete on the draft-only row that a reader sees without them', async () => {
    await open();

    expect(await menuLabels('pilot')).toMatch(/Duplicate[\s\S]*Delete/);
  });
});
