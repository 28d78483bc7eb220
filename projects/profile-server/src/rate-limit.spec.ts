/**
 * Per-address rate limits over real HTTP: `/admin` (counted before the token is read) and the
 * anonymous portal document each have their own, answered with a JSON 429 and Retry-After.
 */
import { startTestServer, type TestServer } from '../testing/test-server';

describe('rate limits', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer({
      seed: true,
      rateLimits: { adminPerMinute: 3, portalPerMinute: 2 },
    });
  });
  afterEach(() => server.stop());

  const statuses = async (count: number, path: string, token?: string) => {
    const answers = [];
    for (let i = 0; i < count; i += 1) answers.push(await server.call('GET', path, { token }));
    return answers;
  };

  it('answers /admin beyond its limit with 429 in the API error shape, with Retry-After', async () => {
    const token = await server.issuer.admin();
    const answers = await statuses(4, '/admin/profiles', token);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    const limited = answers[3];
    expect(limited.body).toEqual({
      error: 'rate-limited',
      message: expect.stringMatching(/^too many requests; retry in \d+ (second|minute)/),
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts requests without a valid token too, before checking it', async () => {
    const answers = await statuses(4, '/admin/profiles', 'not-a-token');
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 429]);
  });

  it('limits the portal document on its own count, leaving /admin and /health alone', async () => {
    const portal = await statuses(3, '/profiles/demo/published');
    expect(portal.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(portal[2].body.error).toBe('rate-limited');
    const token = await server.issuer.admin();
    expect((await server.call('GET', '/admin/profiles', { token })).status).toBe(200);
    expect((await statuses(5, '/health')).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
  });
});
