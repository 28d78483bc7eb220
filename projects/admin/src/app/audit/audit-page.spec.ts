import { ComponentHarness, type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { Router } from '@angular/router';

import { API, provideAdminTesting } from '../../testing/admin-testing';
import { AuditPage } from './audit-page';

/** `count` server entries of profile retail, newest first, ids from `newest` down. */
function serverEntries(newest: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: newest - i,
    profile: 'retail',
    actor: 'ada-sub',
    actorName: `Admin ${newest - i}`,
    action: 'update',
    at: '2026-02-01T10:00:00Z',
    detail: { changes: [{ path: 'refresh.leadSeconds', before: 60, after: 30 }] },
  }));
}

/** The list of entries: its items, to read and to check the focus of. */
class AuditEntriesHarness extends ComponentHarness {
  static hostSelector = '[data-testid="audit-entries"]';
  readonly entries = this.locatorForAll('li');
}

const FIRST_PAGE = `${API}/admin/audit?profile=retail&limit=51`;
const olderThan = (id: number) => `${API}/admin/audit?profile=retail&before=${id}&limit=51`;

describe(AuditPage.name, () => {
  let fixture: ComponentFixture<AuditPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideAdminTesting() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditPage);
    fixture.componentRef.setInput('profile', 'retail');
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  function olderButton(): Promise<MatButtonHarness | null> {
    return loader.getHarnessOrNull(MatButtonHarness.with({ text: /Load older entries/ }));
  }

  async function entryElements() {
    return (await loader.getHarness(AuditEntriesHarness)).entries();
  }

  /** Loads a full first page (ids 100 to 51) that has older entries behind it. */
  async function showFullFirstPage(): Promise<void> {
    http.expectOne(FIRST_PAGE).flush({ entries: serverEntries(100, 51) });
    await fixture.whenStable();
  }

  it('shows the trail of the profile named in the URL, who did what', async () => {
    http.expectOne(FIRST_PAGE).flush({
      entries: [
        {
          id: 2,
          profile: 'retail',
          actor: 'ada-sub',
          actorName: 'Ada Admin',
          action: 'publish',
          at: '2026-02-01T10:00:00Z',
          detail: { version: 4 },
        },
        {
          id: 1,
          profile: 'retail',
          actor: 'grace-sub',
          actorName: 'Grace Hopper',
          action: 'update',
          at: '2026-02-01T09:00:00Z',
          detail: { changes: [{ path: 'idp.issuer', before: 'a', after: 'b' }] },
        },
      ],
    });
    await fixture.whenStable();

    expect(text()).toMatch(/Ada Admin\s+publish\s+retail\s+\(version 4\)/);
    expect(text()).toMatch(/Grace Hopper\s+update\s+retail\s*Changed idp\.issuer/);
    expect(await (await loader.getHarness(MatInputHarness)).getValue()).toBe('retail');
  });

  it('puts a new filter into the URL', async () => {
    http.expectOne(FIRST_PAGE).flush({ entries: [] });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    await (await loader.getHarness(MatInputHarness)).setValue('');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show' }))).click();

    expect(navigate).toHaveBeenCalledWith([], { queryParams: { profile: null } });
  });

  it('offers no older entries when the first page holds the whole trail', async () => {
    http.expectOne(FIRST_PAGE).flush({ entries: serverEntries(2, 2) });
    await fixture.whenStable();

    expect(await olderButton()).toBeNull();
    expect(text()).toContain('2 entries shown, back to the oldest.');
  });

  it('shows a page of 50 and says that older entries can be loaded', async () => {
    await showFullFirstPage();

    expect(await entryElements()).toHaveLength(50);
    expect(text()).not.toContain('Admin 50');
    expect(text()).toContain('The newest 50 entries shown; older entries can be loaded.');
    expect(await olderButton()).not.toBeNull();
  });

  it('appends the entries before the last one shown when asked for older ones', async () => {
    await showFullFirstPage();

    await (await olderButton())!.click();
    http.expectOne(olderThan(51)).flush({ entries: serverEntries(50, 3) });
    await fixture.whenStable();

    expect(await entryElements()).toHaveLength(53);
    expect(text()).toMatch(/Admin 51[\s\S]*Admin 50[\s\S]*Admin 48/);
    expect(text()).toContain('53 entries shown, back to the oldest.');
    expect(await olderButton()).toBeNull();
  });

  it('shows progress while older entries load and ignores a second click', async () => {
    await showFullFirstPage();
    const button = (await olderButton())!;

    await button.click();
    await button.click();

    const progress = await loader.getHarnessOrNull(
      MatProgressBarHarness.with({ selector: '[aria-label="Loading older entries"]' }),
    );
    expect(progress).not.toBeNull();
    expect(await button.isDisabled()).toBe(true);
    http.expectOne(olderThan(51)).flush({ entries: [] });
  });

  it('moves the focus to the first older entry once it arrives', async () => {
    await showFullFirstPage();

    await (await olderButton())!.click();
    http.expectOne(olderThan(51)).flush({ entries: serverEntries(50, 51) });
    await fixture.whenStable();

    const entries = await entryElements();
    expect(await entries[50].isFocused()).toBe(true);
    expect(await entries[50].text()).toContain('Admin 50');
    expect(await olderButton()).not.toBeNull();
  });

  it('says when older entries fail to load, keeps those shown and lets the admin try again', async () => {
    await showFullFirstPage();

    await (await olderButton())!.click();
    http.expectOne(olderThan(51)).flush({}, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();

    expect(text()).toContain('The profile server failed (HTTP 503). Please try again.');
    expect(await entryElements()).toHaveLength(50);
    await (await olderButton())!.click();
    http.expectOne(olderThan(51)).flush({ entries: serverEntries(50, 1) });
    await fixture.whenStable();
    expect(text()).not.toContain('HTTP 503');
    expect(await entryElements()).toHaveLength(51);
  });

  it('drops an older page still on its way when the filter changes', async () => {
    await showFullFirstPage();
    await (await olderButton())!.click();
    const older = http.expectOne(olderThan(51));

    fixture.componentRef.setInput('profile', 'wholesale');
    await fixture.whenStable();

    expect(older.cancelled).toBe(true);
    http.expectOne(`${API}/admin/audit?profile=wholesale&limit=51`).flush({ entries: [] });
    await fixture.whenStable();
    expect(text()).toContain('No entries.');
  });
});
