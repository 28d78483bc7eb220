/**
 * Publishing, versions, diffs and the audit trail, against a real SQLite file over real HTTP.
 */
import { createDefaultProfile, type DeploymentProfile } from 'ngx-genesys-messenger-auth/profile';

import { startTestServer, type TestServer } from '../testing/test-server';

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

function profile(name: string, change: (p: Mutable<DeploymentProfile>) => void) {
  const copy = structuredClone(createDefaultProfile(name)) as Mutable<DeploymentProfile>;
  change(copy);
  return copy;
}

describe('admin API: publishing and history', () => {
  let server: TestServer;
  let ada: string;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date('2026-03-01T09:00:00.000Z');
    server = await startTestServer({ now: () => clock });
    ada = await server.issuer.admin('ada');
    await server.call('POST', '/admin/profiles', { token: ada, body: { name: 'bank' } });
  });
  afterEach(() => server.stop());

  const etag = async () =>
    (await server.call('GET', '/admin/profiles/bank', { token: ada })).headers.get('etag') ?? '';
  const publish = async (ifMatch?: string) =>
    server.call('POST', '/admin/profiles/bank/publish', {
      token: ada,
      headers: { 'if-match': ifMatch ?? (await etag()) },
    });
  const save = async (leadSeconds: number) =>
    server.call('PUT', '/admin/profiles/bank', {
      token: ada,
      body: profile('bank', (p) => (p.refresh.leadSeconds = leadSeconds)),
      headers: { 'if-match': await etag() },
    });
  const get = (path: string) => server.call('GET', path, { token: ada });

  it('publishes the draft as version 1, then 2, with Location and who published when', async () => {
    const first = await publish();
    expect([first.status, first.headers.get('location')]).toEqual([
      201,
      '/admin/profiles/bank/versions/1',
    ]);
    expect(first.body).toEqual({
      name: 'bank',
      number: 1,
      publishedBy: 'ada',
      publishedAt: '2026-03-01T09:00:00.000Z',
    });
    await save(90);
    expect((await publish()).body.number).toBe(2);
    expect(
      (await get('/admin/profiles/bank/versions')).body.versions.map(
        (v: { number: number }) => v.number,
      ),
    ).toEqual([1, 2]);
  });

  it('keeps a published version as it was when the draft changes afterwards', async () => {
    await publish();
    const v1 = (await get('/admin/profiles/bank/versions/1')).body.document;
    await save(123);
    expect((await get('/admin/profiles/bank/versions/1')).body.document).toEqual(v1);
    expect(v1.refresh.leadSeconds).toBe(createDefaultProfile('bank').refresh.leadSeconds);
  });

  it('shows the list status as published vN with unpublished changes after an edit', async () => {
    await publish();
    await save(80);
    const [summary] = (await get('/admin/profiles')).body.profiles;
    expect(summary).toMatchObject({
      status: 'published',
      latestVersion: 1,
      unpublishedChanges: true,
    });
  });

  it('answers a publish without If-Match with 428 and with a stale one with 412', async () => {
    const missing = await server.call('POST', '/admin/profiles/bank/publish', { token: ada });
    expect(missing.status).toBe(428);
    const stale = await publish('"not-the-etag"');
    expect([stale.status, stale.body.etag]).toEqual([412, await etag()]);
    expect((await get('/admin/profiles/bank/versions')).body.versions).toEqual([]);
  });

  it('answers 409 nothing-to-publish when the draft equals the latest version', async () => {
    await publish();
    const again = await publish();
    expect([again.status, again.body.error]).toEqual([409, 'nothing-to-publish']);
  });

  it('answers 409 with the field paths when the stored draft no longer passes the rules', async () => {
    // A draft saved under older rules: written behind the API's back.
    const broken = { ...createDefaultProfile('bank'), refresh: { leadSeconds: 'x' } };
    await server.sql(`UPDATE profiles SET draft = ?, draft_etag = '"old"' WHERE name = 'bank'`, [
      JSON.stringify(broken),
    ]);
    const answer = await publish('"old"');
    expect(answer.status).toBe(409);
    expect(answer.body.error).toBe('not-publishable');
    expect(answer.body.issues[0].path).toMatch(/^refresh\./);
  });

  it('404s an unknown version, naming params.number', async () => {
    const answer = await get('/admin/profiles/bank/versions/7');
    expect([answer.status, answer.body.issues[0].path]).toEqual([404, 'params.number']);
  });

  it('diffs two versions and a version with the draft', async () => {
    await publish();
    await save(90);
    await publish();
    await save(45);
    const versions = await get('/admin/profiles/bank/diff?from=1&to=2');
    expect(versions.body).toEqual({
      name: 'bank',
      from: 1,
      to: 2,
      changes: [{ path: 'refresh.leadSeconds', before: 60, after: 90 }],
    });
    const draft = await get('/admin/profiles/bank/diff?from=2&to=draft');
    expect(draft.body.changes).toEqual([{ path: 'refresh.leadSeconds', before: 90, after: 45 }]);
  });

  it.each([
    ['?to=draft', 400, 'query.from'],
    ['?from=one&to=draft', 400, 'query.from'],
    ['?from=1&to=0', 400, 'query.to'],
    ['?from=1&to=9', 404, 'query.to'],
  ])('answers a diff %s with %i naming %s', async (query, status, path) => {
    await publish();
    const answer = await get(`/admin/profiles/bank/diff${query}`);
    expect([answer.status, answer.body.issues[0].path]).toEqual([status, path]);
  });

  it('records who did what when in the audit trail, newest first', async () => {
    clock = new Date('2026-03-01T10:00:00.000Z');
    await save(90);
    clock = new Date('2026-03-01T11:00:00.000Z');
    await publish();
    const { entries } = (await get('/admin/audit?profile=bank')).body;
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'publish',
        actor: 'sub-ada',
        actorName: 'ada',
        at: '2026-03-01T11:00:00.000Z',
        detail: { version: 1 },
      }),
      expect.objectContaining({
        action: 'update',
        at: '2026-03-01T10:00:00.000Z',
        detail: { changes: [{ path: 'refresh.leadSeconds', before: 60, after: 90 }] },
      }),
      expect.objectContaining({ action: 'create', detail: { from: 'default' } }),
    ]);
  });

  it('keeps the trail of a deleted profile, with enough in it to restore the profile', async () => {
    await publish();
    const etag = (await get('/admin/profiles/bank')).body.etag;
    const headers = { 'if-match': etag };
    const body = { confirm: 'bank' };
    await server.call('POST', '/admin/profiles/bank/unpublish', { token: ada, headers, body });
    await server.call('DELETE', '/admin/profiles/bank', { token: ada, headers });
    const { entries } = (await get('/admin/audit?profile=bank')).body;
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'delete',
      'unpublish',
      'publish',
      'create',
    ]);
    expect(entries[0].detail).toEqual({
      latestVersion: 1,
      draft: expect.objectContaining({ name: 'bank' }),
      lastPublished: expect.objectContaining({ name: 'bank' }),
    });
    expect(entries[1].detail).toEqual({ version: 1 });
  });

  it('pages the trail with limit and before', async () => {
    await save(70);
    await save(80);
    const page = (await get('/admin/audit?limit=2')).body.entries;
    expect(page).toHaveLength(2);
    const next = (await get(`/admin/audit?limit=2&before=${page[1].id}`)).body.entries;
    expect(next.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it.each([
    ['?limit=0', 'query.limit'],
    ['?limit=501', 'query.limit'],
    ['?profile=No', 'query.profile'],
    ['?actor=ada', 'query.actor'],
  ])('answers an audit query %s with 400 naming %s', async (query, path) => {
    const answer = await get(`/admin/audit${query}`);
    expect([answer.status, answer.body.issues[0].path]).toEqual([400, path]);
  });
});
