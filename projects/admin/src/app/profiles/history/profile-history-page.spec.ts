import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { createDefaultProfile } from 'ngx-genesys-messenger-auth/profile';

import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';

import {
  API,
  draftBody,
  provideAdminTesting,
  RecordingDownloader,
} from '../../../testing/admin-testing';
import { ROSALIND } from '../../../testing/fake-oidc-security-service';
import { FileDownloader } from '../../ui/file-downloader';
import { ProfileHistoryPage } from './profile-history-page';

const BASE = `${API}/admin/profiles/local`;

describe(ProfileHistoryPage.name, () => {
  let fixture: ComponentFixture<ProfileHistoryPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  async function open(
    versions: unknown[],
    options: { claims?: Record<string, unknown>; live?: number | null } = {},
  ): Promise<void> {
    TestBed.configureTestingModule({ providers: provideAdminTesting({ claims: options.claims }) });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProfileHistoryPage);
    fixture.componentRef.setInput('name', 'local');
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    http.expectOne(`${BASE}/versions`).flush({ name: 'local', versions });
    http.expectOne(BASE).flush({
      ...draftBody(createDefaultProfile('local'), { etag: '"d5"' }),
      liveVersion: options.live ?? null,
    });
    await fixture.whenStable();
  }

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  afterEach(() => http.verify());

  it('says when the profile was never published', async () => {
    await open([]);

    expect(text()).toContain('has not been published yet');
  });

  it('lists the versions and shows what the draft changes against the latest', async () => {
    await open([
      { number: 1, publishedAt: '2026-01-01T00:00:00Z', publishedBy: 'ada' },
      { number: 2, publishedAt: '2026-02-01T00:00:00Z', publishedBy: 'grace' },
    ]);
    http
      .expectOne(`${BASE}/diff?from=2&to=draft`)
      .flush({ changes: [{ path: 'refresh.leadSeconds', before: 60, after: 30 }] });
    await fixture.whenStable();

    expect(text()).toMatch(/Version 2.*grace.*Version 1.*ada/s);
    expect(text()).toMatch(/refresh\.leadSeconds\s*v2:\s*60\s*Draft:\s*30/);
  });

  it('compares two versions chosen in the selects', async () => {
    await open([{ number: 1 }, { number: 2 }]);
    http.expectOne(`${BASE}/diff?from=2&to=draft`).flush({ changes: [] });

    const [from, to] = await loader.getAllHarnesses(MatSelectHarness);
    await from.open();
    await from.clickOptions({ text: 'Version 1' });
    http.expectOne(`${BASE}/diff?from=1&to=draft`).flush({ changes: [] });
    await to.open();
    await to.clickOptions({ text: 'Version 2' });

    http
      .expectOne(`${BASE}/diff?from=1&to=2`)
      .flush({ changes: [{ path: 'idp.scopes[1]', after: 'offline_access' }] });
    await fixture.whenStable();
    expect(text()).toMatch(/idp\.scopes\[1\]\s*v1:\s*\(not set\)\s*v2:\s*offline_access/);
  });

  it('downloads a published version as JSON', async () => {
    await open([{ number: 1 }]);
    http.expectOne(`${BASE}/diff?from=1&to=draft`).flush({ changes: [] });

    await (
      await loader.getHarness(
        MatButtonHarness.with({ selector: '[aria-label="Download version 1 as JSON"]' }),
      )
    ).click();
    http
      .expectOne(`${BASE}/versions/1`)
      .flush({ name: 'local', number: 1, document: createDefaultProfile('local') });

    const saved = (TestBed.inject(FileDownloader) as RecordingDownloader).saved;
    expect(saved[0].fileName).toBe('local-v1.json');
    expect(JSON.parse(saved[0].text)).toEqual(createDefaultProfile('local'));
  });

  describe('rollback', () => {
    const two = [{ number: 1 }, { number: 2 }];

    it('marks the live version and offers Publish again for the others', async () => {
      await open(two, { live: 2 });
      http.expectOne(`${BASE}/diff?from=2&to=draft`).flush({ changes: [] });

      expect(text()).toMatch(/Version 2\s*Live/);
      const buttons = await loader.getAllHarnesses(
        MatButtonHarness.with({ text: /Publish again/ }),
      );
      expect(buttons).toHaveLength(1);
      expect(await (await buttons[0].host()).getAttribute('data-testid')).toBe('republish-1');
    });

    it("republishes a version after confirmation with the loaded draft's ETag", async () => {
      await open(two, { live: 2 });
      http.expectOne(`${BASE}/diff?from=2&to=draft`).flush({ changes: [] });
      await (await loader.getHarness(MatButtonHarness.with({ text: /Publish again/ }))).click();
      const overlays = TestbedHarnessEnvironment.documentRootLoader(fixture);
      const dialog = await overlays.getHarness(MatDialogHarness);
      expect(await dialog.getTitleText()).toBe('Publish version 1 again?');
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Publish again' }))).click();

      const republish = http.expectOne({ method: 'POST', url: `${BASE}/versions/1/republish` });
      expect(republish.request.headers.get('If-Match')).toBe('"d5"');
      republish.flush(
        { name: 'local', number: 3, from: 1 },
        { status: 201, statusText: 'Created' },
      );
      await fixture.whenStable();
      expect(await (await overlays.getHarness(MatSnackBarHarness)).getMessage()).toBe(
        'Published version 1 again as version 3.',
      );
      http.expectOne(`${BASE}/versions`).flush({ versions: [...two, { number: 3 }] });
      http.expectOne(BASE).flush({ ...draftBody(createDefaultProfile('local')), liveVersion: 3 });
      http.expectOne(`${BASE}/diff?from=3&to=draft`).flush({ changes: [] });
    });

    it('offers a reader no rollback and says why', async () => {
      await open(two, { claims: ROSALIND, live: 2 });
      http.expectOne(`${BASE}/diff?from=2&to=draft`).flush({ changes: [] });

      expect(
        await loader.getAllHarnesses(MatButtonHarness.with({ text: /Publish again/ })),
      ).toEqual([]);
      expect(text()).toContain('read-only access');
    });
  });
});
