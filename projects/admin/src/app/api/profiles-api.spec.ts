import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { createDefaultProfile } from 'ngx-genesys-messenger-auth/profile';
import { firstValueFrom } from 'rxjs';

import { API, provideAdminTesting } from '../../testing/admin-testing';
import { ProfilesApi } from './profiles-api';

/* The answers below are shaped as projects/profile-server/src/routes-admin.ts sends them. */
describe(ProfilesApi.name, () => {
  let api: ProfilesApi;
  let http: HttpTestingController;
  const local = createDefaultProfile('local');

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideAdminTesting() });
    api = TestBed.inject(ProfilesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it("reads the server's list", async () => {
    const list = firstValueFrom(api.list());
    http.expectOne(`${API}/admin/profiles`).flush({
      profiles: [
        {
          name: 'a',
          status: 'published',
          latestVersion: 2,
          liveVersion: 2,
          unpublishedChanges: true,
          updatedBy: 'ada',
          updatedAt: 't',
        },
        { name: 'u', status: 'unpublished', latestVersion: 4, liveVersion: null },
      ],
    });

    expect(await list).toEqual([
      {
        name: 'a',
        status: 'published',
        publishedVersion: 2,
        liveVersion: 2,
        unpublishedChanges: true,
        lastEditor: 'ada',
        updatedAt: 't',
      },
      expect.objectContaining({ status: 'unpublished', publishedVersion: 4, liveVersion: null }),
    ]);
  });

  it('deletes with If-Match', async () => {
    const done = firstValueFrom(api.delete('pilot', '"e1"'));
    const request = http.expectOne({ method: 'DELETE', url: `${API}/admin/profiles/pilot` });
    expect(request.request.headers.get('If-Match')).toBe('"e1"');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await done;
  });

  it('unpublishes with If-Match and the name as confirmation', async () => {
    const done = firstValueFrom(api.unpublish('retail', '"e2"'));
    const request = http.expectOne({
      method: 'POST',
      url: `${API}/admin/profiles/retail/unpublish`,
    });
    expect([request.request.headers.get('If-Match'), request.request.body]).toEqual([
      '"e2"',
      { confirm: 'retail' },
    ]);
    request.flush({});
    await done;
  });

  it('republishes a version with If-Match and reads the new number and ETag', async () => {
    const done = firstValueFrom(api.republish('retail', 1, '"e3"'));
    const request = http.expectOne({
      method: 'POST',
      url: `${API}/admin/profiles/retail/versions/1/republish`,
    });
    expect(request.request.headers.get('If-Match')).toBe('"e3"');
    request.flush({ number: 4, from: 1 }, { headers: { ETag: '"e4"' } });
    expect(await done).toEqual({ version: 4, etag: '"e4"' });
  });

  it('reads a bare list as well', async () => {
    const list = firstValueFrom(api.list());
    http.expectOne(`${API}/admin/profiles`).flush([{ name: 'b', status: 'draft' }]);

    expect(await list).toEqual([
      {
        name: 'b',
        status: 'draft',
        publishedVersion: null,
        liveVersion: null,
        unpublishedChanges: false,
        lastEditor: null,
        updatedAt: null,
      },
    ]);
  });

  it('reads a draft and takes its entity tag from the ETag header', async () => {
    const draft = firstValueFrom(api.get('local'));
    http
      .expectOne(`${API}/admin/profiles/local`)
      .flush(
        { name: 'local', draft: local, latestVersion: 1, etag: '"3"', warnings: [] },
        { headers: { ETag: '"3"' } },
      );

    expect(await draft).toEqual(
      expect.objectContaining({ etag: '"3"', profile: local, publishedVersion: 1 }),
    );
  });

  it('falls back to the entity tag in the body when the header is not exposed', async () => {
    const draft = firstValueFrom(api.get('local'));
    http
      .expectOne(`${API}/admin/profiles/local`)
      .flush({ name: 'local', draft: local, etag: '"9"' });

    expect((await draft).etag).toBe('"9"');
  });

  it('saves the profile itself with If-Match and returns the new entity tag', async () => {
    const saved = firstValueFrom(api.save('local', local, '"3"'));
    const request = http.expectOne({ method: 'PUT', url: `${API}/admin/profiles/local` });

    expect(request.request.headers.get('If-Match')).toBe('"3"');
    expect(request.request.body).toEqual(local);
    request.flush({ name: 'local', draft: local, etag: '"4"' }, { headers: { ETag: '"4"' } });
    expect(await saved).toEqual(expect.objectContaining({ etag: '"4"', profile: local }));
  });

  it('creates a profile from a name and an optional first draft', () => {
    api.create('fresh').subscribe();
    api.create('copy', local).subscribe();

    const [bare, withDraft] = http.match({ method: 'POST', url: `${API}/admin/profiles` });
    expect(bare.request.body).toEqual({ name: 'fresh' });
    expect(withDraft.request.body).toEqual({ name: 'copy', profile: local });
    bare.flush({}, { status: 201, statusText: 'Created' });
    withDraft.flush({}, { status: 201, statusText: 'Created' });
  });

  it('publishes with If-Match and reads the version number', async () => {
    const published = firstValueFrom(api.publish('local', '"4"'));
    const request = http.expectOne({ method: 'POST', url: `${API}/admin/profiles/local/publish` });

    expect(request.request.headers.get('If-Match')).toBe('"4"');
    request.flush(
      { name: 'local', number: 5, publishedBy: 'ada', publishedAt: 't' },
      { status: 201, statusText: 'Created' },
    );
    expect(await published).toEqual({ version: 5, etag: null });
  });

  it('asks for a diff between a version and the draft', async () => {
    const diff = firstValueFrom(api.diff('local', 2, 'draft'));
    http.expectOne(`${API}/admin/profiles/local/diff?from=2&to=draft`).flush({
      name: 'local',
      from: 2,
      to: 'draft',
      changes: [{ path: 'idp.scopes[2]', after: 'offline_access' }],
    });

    expect(await diff).toEqual([
      { path: 'idp.scopes[2]', before: undefined, after: 'offline_access' },
    ]);
  });

  it('lists versions newest first', async () => {
    const versions = firstValueFrom(api.versions('local'));
    http.expectOne(`${API}/admin/profiles/local/versions`).flush({
      name: 'local',
      versions: [
        { number: 1, publishedAt: 'a', publishedBy: 'ada' },
        { number: 2, publishedAt: 'b', publishedBy: 'grace' },
      ],
    });

    expect(await versions).toEqual([
      { version: 2, publishedAt: 'b', publishedBy: 'grace' },
      { version: 1, publishedAt: 'a', publishedBy: 'ada' },
    ]);
  });

  it("reads a version's profile from its document", async () => {
    const version = firstValueFrom(api.version('local', 2));
    http
      .expectOne(`${API}/admin/profiles/local/versions/2`)
      .flush({ name: 'local', number: 2, publishedBy: 'ada', publishedAt: 't', document: local });

    expect((await version).profile).toEqual(local);
  });

  it('filters the audit trail by profile and describes each entry', async () => {
    const audit = firstValueFrom(api.audit({ profile: 'local' }));
    http.expectOne(`${API}/admin/audit?profile=local`).flush({
      entries: [
        {
          id: 2,
          profile: 'local',
          actor: 'ada-sub',
          actorName: 'Ada Admin',
          action: 'publish',
          at: 't2',
          detail: { version: 2 },
        },
        {
          id: 1,
          profile: 'local',
          actor: 'ada-sub',
          actorName: 'Ada Admin',
          action: 'update',
          at: 't1',
          detail: { changes: [{ path: 'refresh.leadSeconds', before: 60, after: 30 }] },
        },
      ],
    });

    expect(await audit).toEqual([
      {
        id: 2,
        at: 't2',
        actor: 'Ada Admin',
        action: 'publish',
        profile: 'local',
        version: 2,
        detail: null,
      },
      {
        id: 1,
        at: 't1',
        actor: 'Ada Admin',
        action: 'update',
        profile: 'local',
        version: null,
        detail: 'Changed refresh.leadSeconds',
      },
    ]);
  });

  it('asks for the page of the audit trail before a cursor, with a limit', async () => {
    const audit = firstValueFrom(api.audit({ profile: 'local', before: 7, limit: 51 }));
    http.expectOne(`${API}/admin/audit?profile=local&before=7&limit=51`).flush({ entries: [] });

    expect(await audit).toEqual([]);
  });

  it('asks for the whole trail without a filter', async () => {
    const audit = firstValueFrom(api.audit());
    http.expectOne(`${API}/admin/audit`).flush({ entries: [] });

    expect(await audit).toEqual([]);
  });

  it('escapes profile names in URLs', () => {
    api.get('a/b').subscribe();
    http.expectOne(`${API}/admin/profiles/a%2Fb`).flush({ draft: local });
  });
});
