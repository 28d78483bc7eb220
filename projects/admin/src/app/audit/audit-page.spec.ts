import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router } from '@angular/router';

import { API, provideAdminTesting } from '../../testing/admin-testing';
import { AuditPage } from './audit-page';

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

  it('shows the trail of the profile named in the URL, who did what', async () => {
    http.expectOne(`${API}/admin/audit?profile=retail`).flush({
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

    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toMatch(/Ada Admin\s+publish\s+retail\s+\(version 4\)/);
    expect(text).toMatch(/Grace Hopper\s+update\s+retail\s*Changed idp\.issuer/);
    expect(await (await loader.getHarness(MatInputHarness)).getValue()).toBe('retail');
  });

  it('puts a new filter into the URL', async () => {
    http.expectOne(`${API}/admin/audit?profile=retail`).flush({ entries: [] });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    await (await loader.getHarness(MatInputHarness)).setValue('');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show' }))).click();

    expect(navigate).toHaveBeenCalledWith([], { queryParams: { profile: null } });
  });
});
