/**
 * Who may do what, and how the server treats bad input: 401/403, body limits, media types,
 * malformed JSON, unknown routes, admin CORS, and a log without tokens.
 */
import { startTestServer, TEST_ADMIN_ORIGIN, type TestServer } from '../testing/test-server';
import { BODY_LIMIT_BYTES } from './profile-server';

describe('access and bad input', () => {
  let server: TestServer;
  let ada: string;
  let rosalind: string;
  let alice: string;
  const tokens: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ seed: true });
    [ada, rosalind, alice] = await Promise.all([
      server.issuer.admin('ada'),
      server.issuer.reader('rosalind'),
      server.issuer.customer('alice'),
    ]);
    tokens.push(ada, rosalind, alice);
  });
  afterAll(() => server.stop());

  const etag = async () =>
    (await server.call('GET', '/admin/profiles/demo', { token: ada })).headers.get('etag') ?? '';

  describe('without a token', () => {
    it.each([
      ['GET', '/admin/profiles'],
      ['GET', '/admin/profiles/demo'],
      ['POST', '/admin/profiles'],
      ['PUT', '/admin/profiles/demo'],
      ['DELETE', '/admin/profiles/demo'],
      ['GET', '/admin/audit'],
    ])('answers %s %s with 401 and a Bearer challenge', async (method, path) => {
      const answer = await server.call(
        method,
        path,
        method === 'GET' || method === 'DELETE' ? {} : { body: {} },
      );
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="profile-server"');
      expect(answer.body).toMatchObject({
        error: 'unauthorized',
        issues: [expect.objectContaining({ path: 'headers.authorization' })],
      });
    });

    it('serves the published portal document', async () => {
      expect((await server.call('GET', '/profiles/demo/published')).status).toBe(200);
    });
  });

  describe('a reader (role reader)', () => {
    it('may read profiles, versions, diffs and the audit trail', async () => {
      for (const path of [
        '/admin/profiles',
        '/admin/profiles/demo',
        '/admin/profiles/demo/versions/1',
        '/admin/profiles/demo/diff?from=1&to=draft',
        '/admin/audit',
      ]) {
        expect([path, (await server.call('GET', path, { token: rosalind })).status]).toEqual([
          path,
          200,
        ]);
      }
    });

    it.each([
      ['POST', '/admin/profiles', { name: 'mine' }],
      ['PUT', '/admin/profiles/demo', {}],
      ['POST', '/admin/profiles/demo/publish', undefined],
      ['DELETE', '/admin/profiles/demo', undefined],
    ])('gets 403 for %s %s and nothing changes', async (method, path, body) => {
      const before = await etag();
      const answer = await server.call(method, path, {
        token: rosalind,
        body,
        headers: { 'if-match': before },
      });
      expect(answer.status).toBe(403);
      expect(answer.body.message).toBe('writing needs the admin role (yours: reader)');
      expect(answer.headers.get('www-authenticate')).toContain('insufficient_scope');
      expect(await etag()).toBe(before);
    });
  });

  describe('a user of the admin client with neither role', () => {
    it.each([
      ['GET', '/admin/profiles'],
      ['GET', '/admin/profiles/demo'],
      ['GET', '/admin/profiles/demo/versions'],
      ['GET', '/admin/audit'],
      ['POST', '/admin/profiles'],
    ])('gets 403 for %s %s', async (method, path) => {
      const answer = await server.call(method, path, {
        token: alice,
        ...(method === 'POST' ? { body: { name: 'mine' } } : {}),
      });
      expect([answer.status, answer.body.issues[0].code]).toEqual([403, 'read-role-required']);
      expect(answer.body.message).toBe(
        'the admin API needs the reader or admin role (yours: customer)',
      );
    });
  });

  it('answers an expired token with 401 invalid_token', async () => {
    const expired = await server.issuer.token({ roles: ['admin'], expiresIn: -600 });
    tokens.push(expired);
    const answer = await server.call('GET', '/admin/profiles', { token: expired });
    expect([answer.status, answer.headers.get('www-authenticate')]).toEqual([
      401,
      expect.stringContaining('error="invalid_token"'),
    ]);
  });

  describe('bad input', () => {
    it('answers a body over 256 KiB with 413', async () => {
      const answer = await server.call('PUT', '/admin/profiles/demo', {
        token: ada,
        body: { name: 'demo', padding: 'x'.repeat(BODY_LIMIT_BYTES) },
        headers: { 'if-match': await etag() },
      });
      expect([answer.status, answer.body.error]).toEqual([413, 'payload-too-large']);
    });

    it('answers a body that is not JSON with 415 naming the content type', async () => {
      const answer = await server.call('POST', '/admin/profiles', {
        token: ada,
        body: 'name=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect([answer.status, answer.body.issues[0].path]).toEqual([415, 'headers.content-type']);
      const text = await server.call('POST', '/admin/profiles', {
        token: ada,
        body: 'x',
        headers: { 'content-type': 'text/plain' },
      });
      expect(text.status).toBe(415);
    });

    it.each([
      ['{"name":', 'invalid-json'],
      ['{"__proto__":{"x":1},"name":"p"}', 'invalid-json'],
    ])('answers the malformed body %s with 400 on the whole body', async (body, code) => {
      const answer = await server.call('POST', '/admin/profiles', { token: ada, body });
      expect([answer.status, answer.body.issues]).toEqual([
        400,
        [expect.objectContaining({ path: '', code })],
      ]);
    });

    it('answers an unknown route with a JSON 404', async () => {
      const answer = await server.call('GET', '/nothing/here?x=1');
      expect([answer.status, answer.body.error]).toEqual([404, 'not-found']);
    });

    it('keeps serving after all of that', async () => {
      expect((await server.call('GET', '/health')).body).toEqual({ status: 'ok' });
      expect((await server.call('GET', '/admin/profiles/demo', { token: ada })).status).toBe(200);
    });
  });

  describe('admin CORS', () => {
    const preflight = (origin: string) =>
      fetch(`${server.base}/admin/profiles/demo`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'authorization,content-type,if-match',
        },
      });

    it('lets the admin origin send Authorization and If-Match, and read ETag', async () => {
      const response = await preflight(TEST_ADMIN_ORIGIN);
      expect(response.headers.get('access-control-allow-origin')).toBe(TEST_ADMIN_ORIGIN);
      expect(response.headers.get('access-control-allow-headers')).toMatch(/If-Match/i);
      const read = await server.call('GET', '/admin/profiles/demo', {
        token: ada,
        headers: { origin: TEST_ADMIN_ORIGIN },
      });
      expect(read.headers.get('access-control-expose-headers')).toMatch(/ETag/);
    });

    it('does not let another origin call it', async () => {
      const response = await preflight('http://localhost:4200');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('logs one line per request with the path only, never a token or a query string', () => {
    const log = server.logLines.join('\n');
    expect(server.logLines.length).toBeGreaterThan(10);
    expect(server.logLines).toContainEqual(
      expect.stringMatching(/^GET \/nothing\/here 404 \d+ ms$/),
    );
    for (const token of tokens) {
      expect(log).not.toContain(token);
      expect(log).not.toContain(token.split('.')[2]);
    }
    expect(log).not.toMatch(/Bearer|\?/);
  });
});
