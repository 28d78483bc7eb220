import { HttpTestingController } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import axe from 'axe-core';
import { createDefaultProfile } from 'ngx-genesys-messenger-auth/profile';

import { API, draftBody, provideAdminTesting } from '../testing/admin-testing';
import { AuditPage } from './audit/audit-page';
import { ProfileEditorPage } from './profiles/editor/profile-editor-page';
import { ProfileHistoryPage } from './profiles/history/profile-history-page';
import { ProfileListPage } from './profiles/list/profile-list-page';
import { Shell } from './shell/shell';

/** `GET /admin/profiles` as the profile server answers it. */
const LIST = {
  profiles: [
    {
      name: 'retail',
      status: 'published',
      latestVersion: 3,
      unpublishedChanges: true,
      updatedBy: 'Ada Admin',
      updatedAt: '2026-01-05T10:00:00Z',
    },
    {
      name: 'pilot-with-a-rather-long-name',
      status: 'draft',
      latestVersion: null,
      unpublishedChanges: false,
      updatedBy: 'Grace Hopper',
      updatedAt: '2026-01-06T10:00:00Z',
    },
  ],
};

/** Renders the shell at a width, on a page of the app fed with the given answers. */
async function renderPage(
  url: string,
  width: number,
  answer: (http: HttpTestingController) => void,
): Promise<ComponentFixture<Shell>> {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      ...provideAdminTesting({
        routes: [
          { path: 'profiles', component: ProfileListPage },
          { path: 'profiles/:name', component: ProfileEditorPage },
          { path: 'profiles/:name/history', component: ProfileHistoryPage },
          { path: 'audit', component: AuditPage },
        ],
      }),
    ],
  });
  const fixture = TestBed.createComponent(Shell);
  const host = fixture.nativeElement as HTMLElement;
  host.style.display = 'block';
  host.style.width = `${width}px`;
  await TestBed.inject(Router).navigateByUrl(url);
  await fixture.whenStable();
  answer(TestBed.inject(HttpTestingController));
  await fixture.whenStable();
  await document.fonts.ready;
  // One more frame: the timeline measures its width with a ResizeObserver.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await fixture.whenStable();
  return fixture;
}

const listAnswers = (http: HttpTestingController) =>
  http.expectOne(`${API}/admin/profiles`).flush(LIST);

const editorAnswers = (http: HttpTestingController) => {
  const okta = createDefaultProfile('local');
  const profile = {
    ...okta,
    idp: {
      ...okta.idp,
      kind: 'okta' as const,
      accessTokenLifetimeSeconds: 3600,
      refreshTokenIdleSeconds: 7 * 86_400,
      refreshTokenLifetimeSeconds: undefined,
    },
  };
  http
    .expectOne(`${API}/admin/profiles/local`)
    .flush(draftBody(profile, { publishedVersion: 2 }), { headers: { ETag: '"v1"' } });
};

const historyAnswers = (http: HttpTestingController) => {
  http.expectOne(`${API}/admin/profiles/local/versions`).flush({
    name: 'local',
    versions: [
      { number: 1, publishedAt: '2026-01-01T09:00:00Z', publishedBy: 'Ada Admin' },
      { number: 2, publishedAt: '2026-02-01T09:00:00Z', publishedBy: 'Grace Admin' },
    ],
  });
  http
    .expectOne(`${API}/admin/profiles/local`)
    .flush(draftBody(createDefaultProfile('local'), { publishedVersion: 2 }));
};

/** The newest audit page, one entry more than a page: "Load older entries" shows. */
const auditAnswers = (http: HttpTestingController) => {
  http.expectOne(`${API}/admin/audit?limit=51`).flush({
    entries: Array.from({ length: 51 }, (_, i) => ({
      id: 200 - i,
      profile: i % 2 ? 'retail' : 'pilot-with-a-rather-long-name',
      actor: 'ada-sub',
      actorName: 'Ada Admin',
      action: i % 5 ? 'update' : 'publish',
      version: i % 5 ? null : 3,
      at: '2026-02-01T10:00:00Z',
      detail: { changes: [{ path: 'genesys.integration.discoveryUri', before: 'a', after: 'b' }] },
    })),
  });
};

/** The history page's first diff: the draft against the newest version. */
const historyDiff = (http: HttpTestingController) =>
  http
    .expectOne(`${API}/admin/profiles/local/diff?from=2&to=draft`)
    .flush({ changes: [{ path: 'refresh.leadSeconds', before: 60, after: 30 }] });

async function violationsOf(element: Element): Promise<string[]> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** Elements whose right edge passes the host's, with their selectors, for a readable failure. */
function overflowing(host: HTMLElement): string[] {
  const right = host.getBoundingClientRect().right + 0.5;
  return [...host.querySelectorAll<HTMLElement>('*')]
    .filter(
      (element) =>
        element.getBoundingClientRect().right > right && element.getClientRects().length > 0,
    )
    .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
}

/**
 * Loads the fonts of the global styles. The karma server serves the builder's media files at `/`
 * while the stylesheet asks for them under `/base/`; without the icon font axe would read icon
 * ligatures ("logout") as button text.
 */
async function loadFonts(): Promise<void> {
  const faces = [
    new FontFace('Material Icons', 'url(/media/material-icons-latin-400-normal.woff2)'),
    new FontFace('Roboto Variable', 'url(/media/roboto-latin-wght-normal.woff2)', {
      weight: '100 900',
    }),
  ];
  for (const face of faces) document.fonts.add(await face.load());
}

describe('Admin pages rendered in Chromium', () => {
  beforeAll(loadFonts);
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('have no axe violations on the profile list', async () => {
    const fixture = await renderPage('/profiles', 1280, listAnswers);

    expect(await violationsOf(fixture.nativeElement)).toEqual([]);
  });

  it('have no axe violations on the editor', async () => {
    const fixture = await renderPage('/profiles/local', 1280, editorAnswers);

    expect(
      (fixture.nativeElement as HTMLElement).querySelector('admin-lifetime-timeline'),
    ).not.toBeNull();
    expect(await violationsOf(fixture.nativeElement)).toEqual([]);
  });

  it('have no axe violations on the editor showing errors', async () => {
    const fixture = await renderPage('/profiles/local', 1280, (http) => {
      const profile = createDefaultProfile('local');
      http
        .expectOne(`${API}/admin/profiles/local`)
        .flush(draftBody({ ...profile, refresh: { ...profile.refresh, leadSeconds: 900 } }), {
          headers: { ETag: '"v1"' },
        });
    });

    expect((fixture.nativeElement as HTMLElement).querySelector('mat-error')).not.toBeNull();
    expect(await violationsOf(fixture.nativeElement)).toEqual([]);
  });

  it('have no axe violations on the history, with a diff', async () => {
    const fixture = await renderPage('/profiles/local/history', 1280, historyAnswers);
    historyDiff(TestBed.inject(HttpTestingController));
    await fixture.whenStable();

    expect((fixture.nativeElement as HTMLElement).textContent).toContain('refresh.leadSeconds');
    expect(await violationsOf(fixture.nativeElement)).toEqual([]);
  });

  it('have no axe violations on the audit trail, with older entries to load', async () => {
    const fixture = await renderPage('/audit', 1280, auditAnswers);

    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Load older entries');
    expect(await violationsOf(fixture.nativeElement)).toEqual([]);
  });

  for (const [page, url, answers] of [
    ['profile list', '/profiles', listAnswers],
    ['editor', '/profiles/local', editorAnswers],
    [
      'history',
      '/profiles/local/history',
      (http: HttpTestingController) => {
        historyAnswers(http);
        historyDiff(http);
      },
    ],
    ['audit trail', '/audit', auditAnswers],
  ] as const) {
    it(`keep the ${page} within 360 px`, async () => {
      const fixture = await renderPage(url, 360, answers);
      const host = fixture.nativeElement as HTMLElement;

      expect(overflowing(host)).toEqual([]);
      expect(host.scrollWidth).toBeLessThanOrEqual(360);
    });
  }

  it('collapse the navigation into a menu button at 360 px', async () => {
    const fixture = await renderPage('/profiles', 360, listAnswers);
    const host = fixture.nativeElement as HTMLElement;

    expect(getComputedStyle(host.querySelector('.nav')!).display).toBe('none');
    expect(
      host.querySelector<HTMLElement>('.menu-button')!.getBoundingClientRect().width,
    ).toBeGreaterThan(0);
  });
});
