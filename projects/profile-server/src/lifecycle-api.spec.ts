/**
 * How profiles leave and come back, over real HTTP: If-Match on every write (never `*`), delete
 * only what portals do not get, unpublish confirmed by name, rollback by republishing a version.
 */
import { createDefaultProfile, type DeploymentProfile } from 'ngx-genesys-messenger-auth/profile';

import { startTestServer, type TestServer } from '../testing/test-server';

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

function withLead(leadSeconds: number): DeploymentProfile {
  const copy = structuredClone(createDefaultProfile('bank')) as Mutable<DeploymentProfile>;
  copy.refresh.leadSeconds = leadSeconds;
  return copy;
}

describe('admin API: delete, unpublish and rollback', () => {
  let server: TestServer;
  let ada: string;

  beforeEach(async () => {
    server = await startTestServer();
    ada = await server.issuer.admin('ada');
    await server.call('POST', '/admin/profiles', { token: ada, body: { name: 'bank' } });
  });
  afterEach(() => server.stop());

  const etag = async () =>
    (await server.call('GET', '/admin/profiles/bank', { token: ada })).body.etag as string;
  const write = async (method: string, path: string, body?: unknown, ifMatch?: string | null) =>
    server.call(method, `/admin/profiles/bank${path}`, {
      token: ada,
      ...(body === undefined ? {} : { body }),
      headers: ifMatch === null ? {} : { 'if-match': ifMatch ?? (await etag()) },
    });
  const publish = () => write('POST', '/publish');
  const save = (leadSeconds: number) => write('PUT', '', withLead(leadSeconds));
  const unpublish = (body: unknown = { confirm: 'bank' }, ifMatch?: string | null) =>
    write('POST', '/unpublish', body, ifMatch);
  const portal = () => server.call('GET', '/profiles/bank/published');
  const audit = async () =>
    (await server.call('GET', '/admin/audit?profile=bank', { token: ada })).body.entries;

  describe('If-Match', () => {
    it.each([
      ['PUT', ''],
      ['POST', '/publish'],
      ['POST', '/unpublish'],
      ['POST', '/versions/1/republish'],
      ['DELETE', ''],
    ])('is required on %s %s (428)', async (method, path) => {
      const body =
        method === 'PUT' ? withLead(70) : path === '/unpublish' ? { confirm: 'bank' } : undefined;
      const answer = await write(method, path, body, null);
      expect([answer.status, answer.body.issues[0]]).toEqual([
        428,
        expect.objectContaining({ path: 'headers.if-match', code: 'required' }),
      ]);
    });

    it.each([
      ['PUT', ''],
      ['POST', '/publish'],
      ['DELETE', ''],
    ])('refuses * on %s %s (428) and changes nothing', async (method, path) => {
      const before = await etag();
      const answer = await write(method, path, method === 'PUT' ? withLead(70) : undefined, '*');
      expect([answer.status, answer.body.issues[0].code]).toEqual([428, 'wildcard-refused']);
      expect(await etag()).toBe(before);
      expect((await server.call('GET', '/admin/profiles/bank', { token: ada })).status).toBe(200);
    });

    it('refuses * also inside a list of tags', async () => {
      const answer = await write('PUT', '', withLead(70), `"x", *`);
      expect([answer.status, answer.body.issues[0].code]).toEqual([428, 'wildcard-refused']);
    });
  });

  describe('DELETE', () => {
    it('refuses a published profile with 409 saying to unpublish first; portals still get it', async () => {
      await publish();
      const answer = await write('DELETE', '');
      expect([answer.status, answer.body.error]).toEqual([409, 'profile-published']);
      expect(answer.body.message).toContain('unpublish it first');
      expect((await portal()).status).toBe(200);
    });

    it('deletes an unpublished profile, its versions going with it', async () => {
      await publish();
      await unpublish();
      expect((await write('DELETE', '')).status).toBe(204);
      const after = await server.call('GET', '/admin/profiles/bank/versions', { token: ada });
      expect(after.status).toBe(404);
    });
  });

  describe('unpublish', () => {
    it('takes the profile off the portal API and keeps its versions and draft', async () => {
      await publish();
      const before = await etag();
      const answer = await unpublish();
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        status: 'unpublished',
        latestVersion: 1,
        liveVersion: null,
        etag: before,
      });
      expect((await portal()).status).toBe(404);
      const versions = await server.call('GET', '/admin/profiles/bank/versions', { token: ada });
      expect(versions.body.versions).toHaveLength(1);
      expect((await audit())[0]).toMatchObject({ action: 'unpublish', detail: { version: 1 } });
    });

    it.each([
      [undefined, 'required'],
      [{}, 'required'],
      [{ confirm: 'other' }, 'mismatch'],
    ])('needs the name typed again: body %j is a 400 on confirm', async (body, code) => {
      await publish();
      const answer = await write('POST', '/unpublish', body);
      expect([answer.status, answer.body.issues[0]]).toEqual([
        400,
        expect.objectContaining({ path: 'confirm', code }),
      ]);
      expect((await portal()).status).toBe(200);
    });

    it('answers 412 with a stale ETag and leaves the profile published', async () => {
      await publish();
      const stale = await etag();
      await save(70);
      expect((await unpublish({ confirm: 'bank' }, stale)).status).toBe(412);
      expect((await portal()).status).toBe(200);
    });

    it('answers 409 for a profile never published or unpublished already', async () => {
      expect((await unpublish()).body).toMatchObject({
        error: 'not-published',
        message: 'profile bank has never been published',
      });
      await publish();
      await unpublish();
      expect((await unpublish()).body.message).toBe('profile bank is unpublished already');
    });

    it('is undone by publishing again: the same draft goes live as the next version', async () => {
      await publish();
      await unpublish();
      const again = await publish();
      expect([again.status, again.body.number]).toEqual([201, 2]);
      expect((await portal()).body.version).toBe(2);
    });
  });

  describe('republish (rollback)', () => {
    beforeEach(async () => {
      await save(70);
      await publish();
      await save(80);
      await publish();
      await save(90);
    });
    const republish = (n: number, ifMatch?: string) =>
      write('POST', `/versions/${n}/republish`, undefined, ifMatch);

    it('publishes version 1 again as version 3 and makes it the draft', async () => {
      const answer = await republish(1);
      expect(answer.status).toBe(201);
      expect(answer.headers.get('location')).toBe('/admin/profiles/bank/versions/3');
      expect(answer.body).toMatchObject({ name: 'bank', number: 3, from: 1, publishedBy: 'ada' });
      const v1 = await server.call('GET', '/admin/profiles/bank/versions/1', { token: ada });
      const v3 = await server.call('GET', '/admin/profiles/bank/versions/3', { token: ada });
      expect(v3.body.document).toEqual(v1.body.document);
      const draft = await server.call('GET', '/admin/profiles/bank', { token: ada });
      expect(draft.body).toMatchObject({
        draft: { refresh: { leadSeconds: 70 } },
        unpublishedChanges: false,
        etag: answer.headers.get('etag'),
      });
      expect((await portal()).body.version).toBe(3);
    });

    it("records the rollback with the replaced draft's changes", async () => {
      await republish(1);
      expect((await audit())[0]).toMatchObject({
        action: 'republish',
        detail: {
          version: 3,
          from: 1,
          changes: [{ path: 'refresh.leadSeconds', before: 90, after: 70 }],
        },
      });
    });

    it('answers 412 when the draft changed since it was loaded, and publishes nothing', async () => {
      const stale = await etag();
      await save(95);
      expect((await republish(1, stale)).status).toBe(412);
      const versions = await server.call('GET', '/admin/profiles/bank/versions', { token: ada });
      expect(versions.body.versions).toHaveLength(2);
    });

    it('answers 404 on params.number for a version that does not exist', async () => {
      const answer = await republish(9);
      expect([answer.status, answer.body.issues[0].path]).toEqual([404, 'params.number']);
    });

    it('answers 409 nothing-to-publish for the version portals already get', async () => {
      const answer = await republish(2);
      expect([answer.status, answer.body.error]).toEqual([409, 'nothing-to-publish']);
    });

    it('brings an unpublished profile back', async () => {
      await unpublish();
      expect((await republish(2)).body.number).toBe(3);
      expect((await portal()).body.version).toBe(3);
    });

    it("refuses a version that does not pass today's rules", async () => {
      await server.stop();
      server = await startTestServer({ environmentOrigins: [] });
      ada = await server.issuer.admin('ada');
      // The server's rules changed: the old version's simulator origin is no longer allowed.
      await server.store.create('bank', createDefaultProfile('bank'), { sub: 's', name: 'ada' });
      const draftEtag = (await server.store.get('bank'))?.etag ?? '';
      await server.store.publish('bank', draftEtag, { sub: 's', name: 'ada' }, () => undefined);
      const answer = await republish(1, draftEtag);
      expect([answer.status, answer.body.error, answer.body.issues[0].code]).toEqual([
        409,
        'not-publishable',
        'environment-not-allowed',
      ]);
    });
  });
});
