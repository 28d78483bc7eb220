import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import {
  createDefaultProfile,
  type DeploymentProfile,
  validateProfile,
} from 'ngx-genesys-messenger-auth/profile';

import {
  API,
  draftBody,
  provideAdminTesting,
  RecordingDownloader,
} from '../../../testing/admin-testing';
import { ROSALIND } from '../../../testing/fake-oidc-security-service';
import { FileDownloader } from '../../ui/file-downloader';
import { ProfileEditorPage } from './profile-editor-page';
import { fieldIdOf } from './schema-issues';

const DRAFT_URL = `${API}/admin/profiles/local`;
const local = createDefaultProfile('local');

describe(ProfileEditorPage.name, () => {
  let fixture: ComponentFixture<ProfileEditorPage>;
  let loader: HarnessLoader;
  let overlays: HarnessLoader;
  let http: HttpTestingController;

  async function open(
    options: {
      claims?: Record<string, unknown>;
      profile?: DeploymentProfile;
      published?: number;
    } = {},
  ): Promise<void> {
    TestBed.configureTestingModule({ providers: provideAdminTesting({ claims: options.claims }) });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProfileEditorPage);
    fixture.componentRef.setInput('name', 'local');
    loader = TestbedHarnessEnvironment.loader(fixture);
    overlays = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    http
      .expectOne(DRAFT_URL)
      .flush(draftBody(options.profile ?? local, { publishedVersion: options.published ?? null }), {
        headers: { ETag: '"v1"' },
      });
    await fixture.whenStable();
  }

  function input(path: string): Promise<MatInputHarness> {
    return loader.getHarness(MatInputHarness.with({ selector: `#${fieldIdOf(path)}` }));
  }

  async function field(path: string): Promise<MatFormFieldHarness> {
    const fields = await loader.getAllHarnesses(MatFormFieldHarness);
    for (const candidate of fields) {
      const control = await candidate.getControl();
      if (control && (await (await control.host()).getAttribute('id')) === fieldIdOf(path)) {
        return candidate;
      }
    }
    throw new Error(`no form field for ${path}`);
  }

  function button(text: string | RegExp, from: HarnessLoader = loader): Promise<MatButtonHarness> {
    return from.getHarness(MatButtonHarness.with({ text }));
  }

  async function snackBarText(): Promise<string> {
    return (await overlays.getHarness(MatSnackBarHarness)).getMessage();
  }

  afterEach(() => http.verify());

  it('loads the draft into the form', async () => {
    await open();

    expect(await (await input('genesys.deploymentName')).getValue()).toBe(
      local.genesys.deploymentName,
    );
    expect(await (await input('idp.accessTokenLifetimeSeconds')).getValue()).toBe('300');
  });

  it("shows the schema's own message under a field as soon as its value is invalid", async () => {
    const okta: DeploymentProfile = {
      ...local,
      idp: { ...local.idp, kind: 'okta', accessTokenLifetimeSeconds: 3600 },
    };
    await open({ profile: okta });

    await (await input('idp.accessTokenLifetimeSeconds')).setValue('60');

    const expected = validateProfile({
      ...okta,
      idp: { ...okta.idp, accessTokenLifetimeSeconds: 60 },
    });
    const message = expected.valid ? '' : expected.errors[0].message;
    expect(message).toContain('Okta');
    expect(await (await field('idp.accessTokenLifetimeSeconds')).getTextErrors()).toEqual([
      message,
    ]);
  });

  it('shows the lifetimes of the chosen IdP kind, with their console labels and defaults', async () => {
    await open();

    const kind = await loader.getHarness(
      MatSelectHarness.with({ selector: `#${fieldIdOf('idp.kind')}` }),
    );
    await kind.open();
    await kind.clickOptions({ text: 'Keycloak' });

    const idle = await loader.getHarness(
      MatFormFieldHarness.with({ floatingLabelText: 'SSO Session Idle' }),
    );
    expect(await (await input('idp.ssoSessionIdleSeconds')).getValue()).toBe('1800');
    expect(await idle.getTextHints()).toEqual(
      expect.arrayContaining([expect.stringContaining('Keycloak defaults to 30 min')]),
    );
  });

  it('saves the draft with If-Match and says so', async () => {
    await open();
    await (await input('genesys.deploymentName')).setValue('Retail');

    await (await button(/Save/)).click();

    const put = http.expectOne({ method: 'PUT', url: DRAFT_URL });
    expect(put.request.headers.get('If-Match')).toBe('"v1"');
    expect(put.request.body).toEqual({
      ...local,
      genesys: { ...local.genesys, deploymentName: 'Retail' },
    });
    put.flush(draftBody(put.request.body, { etag: '"v2"' }), { headers: { ETag: '"v2"' } });

    expect(await snackBarText()).toBe('Saved the draft of local.');
    expect(await (await button(/Save/)).isDisabled()).toBe(true);
  });

  describe('when someone else saved the draft first (412)', () => {
    const theirs = { ...local, genesys: { ...local.genesys, deploymentName: 'Theirs' } };

    async function saveIntoConflict(): Promise<MatDialogHarness> {
      await open();
      await (await input('genesys.deploymentName')).setValue('Mine');
      await (await button(/Save/)).click();
      http.expectOne({ method: 'PUT', url: DRAFT_URL }).flush(
        {
          error: 'precondition-failed',
          message: 'the draft was changed by someone else since you loaded it; reload and retry',
          etag: '"v2"',
          issues: [{ path: 'headers.if-match', code: 'stale', message: 'stale' }],
        },
        { status: 412, statusText: 'Precondition Failed' },
      );
      await fixture.whenStable();
      http
        .expectOne({ method: 'GET', url: DRAFT_URL })
        .flush(draftBody(theirs, { updatedBy: 'grace', etag: '"v2"' }), {
          headers: { ETag: '"v2"' },
        });
      return overlays.getHarness(MatDialogHarness);
    }

    it('explains who saved and how the edits differ from theirs', async () => {
      const dialog = await saveIntoConflict();

      expect(await dialog.getTitleText()).toBe('Someone else saved this draft');
      const text = await dialog.getContentText();
      expect(text).toContain('grace saved local after you opened it');
      expect(text).toContain('genesys.deploymentName');
      expect(text).toMatch(/Theirs:\s*Theirs\s*Yours:\s*Mine/);
    });

    it('lets the admin download their edits as JSON', async () => {
      const dialog = await saveIntoConflict();

      await (await button(/Download my edits/, dialog)).click();

      const downloads = (TestBed.inject(FileDownloader) as RecordingDownloader).saved;
      expect(downloads[0].fileName).toBe('local-my-edits.json');
      expect(JSON.parse(downloads[0].text).genesys.deploymentName).toBe('Mine');
    });

    it('reloads their version on request and keeps the edits at hand', async () => {
      const dialog = await saveIntoConflict();

      await (await button('Reload their version', dialog)).click();

      expect(await overlays.getAllHarnesses(MatDialogHarness)).toEqual([]);
      expect(await (await input('genesys.deploymentName')).getValue()).toBe('Theirs');
      const recovered = (fixture.nativeElement as HTMLElement).querySelector(
        '[data-testid="recovered"]',
      );
      expect(recovered?.textContent).toContain('Your edits are kept here');

      await (await button('Put my edits back in the form')).click();
      await (await button(/Save/)).click();
      const put = http.expectOne({ method: 'PUT', url: DRAFT_URL });
      expect(put.request.headers.get('If-Match')).toBe('"v2"');
      expect(put.request.body.genesys.deploymentName).toBe('Mine');
      put.flush(draftBody(put.request.body, { etag: '"v3"' }), { headers: { ETag: '"v3"' } });
    });
  });

  it("shows the server's 422 issues at their fields", async () => {
    await open();
    await (await input('genesys.deploymentName')).setValue('Retail');
    await (await button(/Save/)).click();

    http.expectOne({ method: 'PUT', url: DRAFT_URL }).flush(
      {
        error: 'invalid-profile',
        message: 'The profile is invalid.',
        issues: [
          {
            path: 'genesys.deploymentName',
            code: 'invalid-value',
            message: 'Name taken in Genesys',
          },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );

    expect(await (await field('genesys.deploymentName')).getTextErrors()).toEqual([
      'Name taken in Genesys',
    ]);
    expect(await snackBarText()).toBe('The profile is invalid.');
  });

  it('publishes after showing the diff against the latest version', async () => {
    await open({ published: 2 });

    await (await button(/Publish/)).click();
    const diff = http.expectOne(`${API}/admin/profiles/local/diff?from=2&to=draft`);
    diff.flush({
      name: 'local',
      from: 2,
      to: 'draft',
      changes: [{ path: 'idp.accessTokenLifetimeSeconds', before: 600, after: 300 }],
    });
    const dialog = await overlays.getHarness(MatDialogHarness);

    expect(await dialog.getContentText()).toMatch(
      /idp\.accessTokenLifetimeSeconds\s*v2:\s*600\s*Draft:\s*300/,
    );
    await (await button('Publish version 3', dialog)).click();

    const publish = http.expectOne({ method: 'POST', url: `${DRAFT_URL}/publish` });
    expect(publish.request.headers.get('If-Match')).toBe('"v1"');
    publish.flush(
      { name: 'local', number: 3, publishedBy: 'Ada Admin', publishedAt: '2026-01-06T00:00:00Z' },
      { status: 201, statusText: 'Created' },
    );
    expect(await snackBarText()).toBe('Published local as version 3.');
  });

  it('publishes nothing when the dialog is cancelled', async () => {
    await open({ published: 2 });
    await (await button(/Publish/)).click();
    http
      .expectOne(`${API}/admin/profiles/local/diff?from=2&to=draft`)
      .flush({ changes: [{ path: 'refresh.leadSeconds', before: 30, after: 60 }] });

    await (await button('Cancel', overlays)).click();

    http.expectNone(`${DRAFT_URL}/publish`);
  });

  it('lists the errors of an imported file with their paths and changes nothing', async () => {
    await open();
    const broken = { ...local, idp: { ...local.idp, accessTokenLifetimeSeconds: 'soon' } };
    const file = new File([JSON.stringify(broken)], 'broken.json', { type: 'application/json' });
    const fileInput = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(
      '[data-testid="import-file"]',
    )!;
    Object.defineProperty(fileInput, 'files', { value: [file] });
    fileInput.dispatchEvent(new Event('change'));

    const dialog = await overlays.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('broken.json was not imported');
    expect(await dialog.getContentText()).toContain('idp.accessTokenLifetimeSeconds');
    expect(await (await input('idp.accessTokenLifetimeSeconds')).getValue()).toBe('300');
  });

  it('imports a valid file into the draft as unsaved edits', async () => {
    await open();
    const other = { ...local, name: 'other', refresh: { ...local.refresh, leadSeconds: 30 } };
    const file = new File([JSON.stringify(other)], 'other.json', { type: 'application/json' });
    const fileInput = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(
      '[data-testid="import-file"]',
    )!;
    Object.defineProperty(fileInput, 'files', { value: [file] });
    fileInput.dispatchEvent(new Event('change'));

    expect(await snackBarText()).toBe(
      'Imported other.json (its name "other" was replaced). Review the draft, then save it.',
    );
    expect(await (await input('refresh.leadSeconds')).getValue()).toBe('30');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
  });

  it('exports the draft as JSON and as Terraform from the menu', async () => {
    await open();
    const menu = await loader.getHarness(
      MatMenuHarness.with({ selector: '[aria-label="More actions"]' }),
    );

    await menu.clickItem({ text: /Export JSON/ });
    await menu.clickItem({ text: /Export Terraform/ });

    const saved = (TestBed.inject(FileDownloader) as RecordingDownloader).saved;
    expect(saved.map((file) => file.fileName)).toEqual(['local.json', 'local.tf']);
    expect(JSON.parse(saved[0].text)).toEqual(local);
    expect(saved[1].text).toContain('resource "genesyscloud_webdeployments_deployment" "local"');
  });

  it('draws the timeline of a valid draft and asks to fix errors otherwise', async () => {
    await open();
    const host = fixture.nativeElement as HTMLElement;
    expect(host.querySelector('[data-testid="timeline-summary"]')?.textContent).toContain(
      'refreshed every 4 min',
    );

    await (await input('idp.accessTokenLifetimeSeconds')).setValue('');

    expect(host.querySelector('[data-testid="timeline-placeholder"]')).not.toBeNull();
  });

  it('keeps a reader out of every change', async () => {
    await open({ claims: ROSALIND });

    expect(await (await input('genesys.deploymentName')).isDisabled()).toBe(true);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Save/ }))).toEqual([]);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('read-only access');
  });

  it('reports unsaved changes to the guard', async () => {
    await open();
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);

    await (await input('refresh.leadSeconds')).setValue('30');

    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
  });
});
