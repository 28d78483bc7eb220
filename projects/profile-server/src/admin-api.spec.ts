/**
 * The admin API against a real SQLite file in a temp dir, over real HTTP: drafts and their ETags,
 * validation with field paths, deletion.
 */
import { createDefaultProfile, type DeploymentProfile } from 'ngx-genesys-messenger-auth/profile';

import { startTestServer, type TestServer } from '../testing/test-server';

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

/** A valid profile named `name`, changed by `change`. */
function profile(name: string, change: (p: Mutable<DeploymentProfile>) => void = () => undefined) {
  const copy = structuredClone(createDefaultProfile(name)) as Mutable<DeploymentProfile>;
  change(copy);
  return copy;
}

describe('admin API: drafts', () => {
  let server: TestServer;
  let ada: string;
  let grace: string;

  beforeEach(async () => {
    server = await startTestServer();
    [ada, grace] = await Promise.all([server.issuer.admin('ada'), server.issuer.admin('grace')]);
  });
  afterEach(() => server.stop());

  const create = (name: string, body: object = { name }) =>
    server.call('POST', '/admin/profiles', { token: ada, body });
  const get = (name: string, token = ada) =>
    server.call('GET', `/admin/profiles/${name}`, { token });
  const put = (name: string, body: unknown, ifMatch?: string, token = ada) =>
    server.call('PUT', `/admin/profiles/${name}`, {
      token,
      body,
      headers: ifMatch ? { 'if-match': ifMatch } : {},
    });

  it('creates a profile from the default, answering 201 with its Location and ETag', async () => {
    const created = await create('meridian');
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/admin/profiles/meridian');
    expect(created.headers.get('etag')).toBe(created.body.etag);
    expect(created.body).toMatchObject({
      name: 'meridian',
      status: 'draft',
      latestVersion: null,
      unpublishedChanges: true,
      updatedBy: 'ada',
      draft: createDefaultProfile('meridian'),
      errors: [],
    });
  });

  it('creates a profile from a given draft', async () => {
    const draft = profile('given', (p) => (p.refresh.leadSeconds = 90));
    const created = await create('given', { name: 'given', profile: draft });
    expect([created.status, created.body.draft.refresh.leadSeconds]).toEqual([201, 90]);
  });

  it('answers 409 naming the field when the name is taken', async () => {
    await create('taken');
    const again = await create('taken');
    expect([again.status, again.body.error, again.body.issues[0].path]).toEqual([
      409,
      'already-exists',
      'name',
    ]);
  });

  it.each([
    [{}, 'name', 'required'],
    [{ name: 'Bad Name' }, 'name', 'invalid-format'],
    [{ name: 'ok', extra: 1 }, 'extra', 'unknown-field'],
    [[], '', 'invalid-type'],
  ])('answers a create body %j with 400 naming %j', async (body, path, code) => {
    const answer = await create('x', body);
    expect([answer.status, answer.body.issues]).toEqual([
      400,
      [expect.objectContaining({ path, code })],
    ]);
  });

  it('answers an invalid draft inside a create body with 422 and paths under profile.', async () => {
    const draft = profile('bad', (p) => (p.idp.accessTokenLifetimeSeconds = -1));
    const answer = await create('bad', { name: 'bad', profile: draft });
    expect(answer.status).toBe(422);
    expect(answer.body.issues).toContainEqual(
      expect.objectContaining({ path: 'profile.idp.accessTokenLifetimeSeconds' }),
    );
  });

  it('lists profiles with their status, last editor and time', async () => {
    await create('b-profile');
    await create('a-profile');
    const list = await server.call('GET', '/admin/profiles', { token: ada });
    expect(list.body.profiles).toEqual([
      expect.objectContaining({ name: 'a-profile', status: 'draft', updatedBy: 'ada' }),
      expect.objectContaining({ name: 'b-profile', latestVersion: null }),
    ]);
    expect(Date.parse(list.body.profiles[0].updatedAt)).not.toBeNaN();
  });

  it('returns the draft with its ETag header and the validation warnings', async () => {
    const shared = profile(
      'warned',
      (p) => (p.genesys.integration.clientId = p.idp.portalClientId),
    );
    await create('warned', { name: 'warned', profile: shared });
    const answer = await get('warned');
    expect(answer.headers.get('etag')).toMatch(/^"[\w-]{43}"$/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body.warnings).toContainEqual(
      expect.objectContaining({ path: 'genesys.integration.clientId', code: 'shared-client-id' }),
    );
  });

  it('saves a draft with the right If-Match and gives it a new ETag', async () => {
    const { headers } = await create('edit');
    const saved = await put(
      'edit',
      profile('edit', (p) => (p.refresh.leadSeconds = 120)),
      headers.get('etag') ?? '',
    );
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).not.toBe(headers.get('etag'));
    expect((await get('edit')).body).toMatchObject({
      etag: saved.headers.get('etag'),
      draft: { refresh: { leadSeconds: 120 } },
    });
  });

  it("gives the second of two admins saving the same draft 412 with the first one's ETag", async () => {
    await create('shared');
    const [adaCopy, graceCopy] = [await get('shared', ada), await get('shared', grace)];
    const first = await put(
      'shared',
      profile('shared', (p) => (p.refresh.leadSeconds = 100)),
      adaCopy.body.etag,
      ada,
    );
    const second = await put(
      'shared',
      profile('shared', (p) => (p.refresh.leadSeconds = 200)),
      graceCopy.body.etag,
      grace,
    );
    expect(first.status).toBe(200);
    expect(second.status).toBe(412);
    expect(second.body).toMatchObject({
      error: 'precondition-failed',
      etag: first.headers.get('etag'),
      issues: [expect.objectContaining({ path: 'headers.if-match' })],
    });
    expect((await get('shared')).body).toMatchObject({
      updatedBy: 'ada',
      draft: { refresh: { leadSeconds: 100 } },
    });
  });

  it('answers a save without If-Match with 428 and changes nothing', async () => {
    const created = await create('careful');
    const answer = await put(
      'careful',
      profile('careful', (p) => (p.refresh.leadSeconds = 99)),
    );
    expect([answer.status, answer.body.issues[0].path]).toEqual([428, 'headers.if-match']);
    expect((await get('careful')).body.etag).toBe(created.body.etag);
  });

  it('answers an invalid draft with 422 listing each field path and code', async () => {
    const { body } = await create('strict');
    const bad = profile('strict', (p) => {
      p.idp.scopes = ['profile'];
      (p.refresh as { leadSeconds: unknown }).leadSeconds = 'soon';
    });
    const answer = await put('strict', bad, body.etag);
    expect(answer.status).toBe(422);
    expect(answer.body.error).toBe('invalid-profile');
    expect(answer.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'idp.scopes', code: 'missing-openid' }),
        expect.objectContaining({ path: 'refresh.leadSeconds', code: 'invalid-type' }),
      ]),
    );
  });

  it('answers a draft whose name is not the URL name with 422 on name', async () => {
    const { body } = await create('one');
    const answer = await put('one', profile('two'), body.etag);
    expect([answer.status, answer.body.issues]).toEqual([
      422,
      [expect.objectContaining({ path: 'name', code: 'name-mismatch' })],
    ]);
  });

  it('never stores a secret field: 422 naming it, and the value is nowhere in the database file', async () => {
    const { body } = await create('sealed');
    const secret = 'do-not-store-this-8f2c';
    const withSecret = profile('sealed') as unknown as {
      genesys: { integration: Record<string, unknown> };
    };
    withSecret.genesys.integration['clientSecret'] = secret;
    const answer = await put('sealed', withSecret, body.etag);
    expect(answer.status).toBe(422);
    expect(answer.body.issues).toContainEqual(
      expect.objectContaining({
        path: 'genesys.integration.clientSecret',
        code: 'secret-not-stored',
      }),
    );
    expect(await server.storedText()).not.toContain(secret);
  });

  it('deletes a never-published profile (204) with its ETag, after which it is 404', async () => {
    const created = await create('gone');
    const deleted = await server.call('DELETE', '/admin/profiles/gone', {
      token: ada,
      headers: { 'if-match': created.body.etag },
    });
    expect(deleted.status).toBe(204);
    const after = await get('gone');
    expect([after.status, after.body.issues[0].path]).toEqual([404, 'params.name']);
  });

  it('refuses a delete with a stale If-Match', async () => {
    await create('kept');
    const answer = await server.call('DELETE', '/admin/profiles/kept', {
      token: ada,
      headers: { 'if-match': '"stale"' },
    });
    expect(answer.status).toBe(412);
    expect((await get('kept')).status).toBe(200);
  });

  it('answers a malformed profile name in the URL with 400 on params.name', async () => {
    const answer = await get('Not_A_Name');
    expect([answer.status, answer.body.issues[0].path]).toEqual([400, 'params.name']);
  });
});
