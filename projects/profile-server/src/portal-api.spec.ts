/**
 * The portal document: anonymous, no secrets, ETag/304, Cache-Control and CORS for the profile's
 * own allowed origins only.
 */
import { createDefaultProfile, type DeploymentProfile } from 'ngx-genesys-messenger-auth/profile';

import { startTestServer, type TestServer } from '../testing/test-server';
import { hasSecretField } from './profile-rules';
import { PORTAL_CACHE_CONTROL } from './routes-portal';

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

describe('portal API', () => {
  let server: TestServer;
  let ada: string;

  beforeEach(async () => {
    server = await startTestServer({ seed: true });
    ada = await server.issuer.admin('ada');
  });
  afterEach(() => server.stop());

  const published = (name = 'demo', headers: Record<string, string> = {}) =>
    server.call('GET', `/profiles/${name}/published`, { headers });

  /** Saves `change` into demo's draft and publishes it. */
  async function republish(change: (p: Mutable<DeploymentProfile>) => void) {
    const current = await server.call('GET', '/admin/profiles/demo', { token: ada });
    const draft = structuredClone(current.body.draft) as Mutable<DeploymentProfile>;
    change(draft);
    const saved = await server.call('PUT', '/admin/profiles/demo', {
      token: ada,
      body: draft,
      headers: { 'if-match': current.body.etag },
    });
    return server.call('POST', '/admin/profiles/demo/publish', {
      token: ada,
      headers: { 'if-match': saved.headers.get('etag') ?? '' },
    });
  }

  it('serves the seeded demo profile as version 1 without a token', async () => {
    const answer = await published();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      name: 'demo',
      version: 1,
      bridge: { deploymentId: createDefaultProfile('demo').genesys.deploymentId },
      allowedOrigins: expect.arrayContaining(['http://localhost:*']),
    });
  });

  it('carries no secret and none of the admin-only fields', async () => {
    const { body } = await published();
    expect(hasSecretField(body)).toBe(false);
    const text = JSON.stringify(body);
    const { integration, authentication } = createDefaultProfile('demo').genesys;
    expect(text).not.toContain(authentication.integrationId);
    expect(text).not.toContain(integration.discoveryUri);
    expect(text).not.toContain('"draft"');
  });

  it('sends a strong ETag and Cache-Control, and 304 for a matching If-None-Match', async () => {
    const first = await published();
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    expect(first.headers.get('cache-control')).toBe(PORTAL_CACHE_CONTROL);
    const again = await published('demo', { 'if-none-match': etag });
    expect([again.status, again.body, again.headers.get('etag')]).toEqual([304, '', etag]);
    expect((await published('demo', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('keeps serving the published version while the draft changes, then the new one', async () => {
    const before = await published();
    const current = await server.call('GET', '/admin/profiles/demo', { token: ada });
    const draft = {
      ...current.body.draft,
      refresh: { ...current.body.draft.refresh, leadSeconds: 42 },
    };
    await server.call('PUT', '/admin/profiles/demo', {
      token: ada,
      body: draft,
      headers: { 'if-match': current.body.etag },
    });
    expect((await published()).headers.get('etag')).toBe(before.headers.get('etag'));
    await server.call('POST', '/admin/profiles/demo/publish', {
      token: ada,
      headers: {
        'if-match': (await server.call('GET', '/admin/profiles/demo', { token: ada })).body.etag,
      },
    });
    const after = await published('demo', { 'if-none-match': before.headers.get('etag') ?? '' });
    expect([after.status, after.body.version, after.body.bridge.refresh.leadMs]).toEqual([
      200, 2, 42_000,
    ]);
  });

  it("lets the profile's allowed origins read it from JavaScript, and varies on Origin", async () => {
    const answer = await published('demo', { origin: 'http://localhost:4200' });
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
    expect(answer.headers.get('access-control-expose-headers')).toBe('ETag');
    expect(answer.headers.get('vary')).toBe('Origin');
  });

  it('gives other origins no CORS headers', async () => {
    const answer = await published('demo', { origin: 'https://evil.example' });
    expect([answer.status, answer.headers.get('access-control-allow-origin')]).toEqual([200, null]);
  });

  it('follows the allowed domains of the latest version', async () => {
    await republish((p) => (p.genesys.allowedDomains = ['portal.example.com']));
    const allowed = await published('demo', { origin: 'https://portal.example.com' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.com');
    const old = await published('demo', { origin: 'http://localhost:4200' });
    expect(old.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight from an allowed origin with 204, and from another with 403', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.base}/profiles/demo/published`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'if-none-match',
        },
      });
    const ok = await preflight('http://localhost:4200');
    expect([ok.status, ok.headers.get('access-control-allow-origin')]).toEqual([
      204,
      'http://localhost:4200',
    ]);
    expect(ok.headers.get('access-control-allow-headers')).toBe('If-None-Match');
    const refused = await preflight('https://evil.example');
    expect([refused.status, refused.headers.get('access-control-allow-origin')]).toEqual([
      403,
      null,
    ]);
  });

  it('answers 404 for a profile that was never published, and for an unknown one', async () => {
    await server.call('POST', '/admin/profiles', { token: ada, body: { name: 'unpublished' } });
    for (const name of ['unpublished', 'nobody']) {
      const answer = await published(name);
      expect([answer.status, answer.body.issues[0].path]).toEqual([404, 'params.name']);
    }
  });
});
