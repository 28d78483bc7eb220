import { GenesysApiError } from './genesys-api-error';
import { GENESYS_PATHS, HttpGenesysBackend } from './http-genesys-backend';

const ORIGINS = { api: 'https://api.example.test', apiCdn: 'https://cdn.example.test' };

/** The parts of a fetch Response the backend reads (jsdom has no Response class). */
function respond(
  status: number,
  body: string | null,
  headers: Record<string, string> = {},
): Response {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => lower.get(name.toLowerCase()) ?? null },
    text: async () => body ?? '',
  } as Response;
}

describe(HttpGenesysBackend.name, () => {
  let calls: { url: string; init: RequestInit }[];
  let answer: () => Promise<Response>;
  let backend: HttpGenesysBackend;

  beforeEach(() => {
    calls = [];
    answer = async () => respond(200, JSON.stringify({ jwt: 'j' }));
    backend = new HttpGenesysBackend(ORIGINS, async (url, init) => {
      calls.push({ url: String(url), init: init ?? {} });
      return answer();
    });
  });

  it('posts the refresh body to the refresh path of the API origin', async () => {
    await expect(backend.refresh('rt', 'dep')).resolves.toEqual({ jwt: 'j' });
    expect(calls[0].url).toBe(`${ORIGINS.api}${GENESYS_PATHS.refresh}`);
    expect(JSON.parse(String(calls[0].init.body))).toEqual({
      refreshToken: 'rt',
      deploymentId: 'dep',
    });
  });

  it('loads the configuration from the CDN origin', async () => {
    await backend.deploymentConfig('dep 1');
    expect(calls[0].url).toBe(
      `${ORIGINS.apiCdn}/webdeployments/v1/deployments/dep%201/config.json`,
    );
  });

  it('revokes with the JWT as a bearer token', async () => {
    answer = async () => respond(204, null);
    await backend.revoke('the.jwt.here');
    expect([
      calls[0].init.method,
      (calls[0].init.headers as Record<string, string>)['Authorization'],
    ]).toEqual(['DELETE', 'bearer the.jwt.here']);
  });

  it('turns a Platform error body into a GenesysApiError with its status, code and message', async () => {
    answer = async () =>
      respond(
        400,
        JSON.stringify({
          message: 'the refresh token is not valid',
          code: 'bad.request',
          status: 400,
        }),
      );
    const error = await backend.refresh('rt', 'dep').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenesysApiError);
    expect([
      (error as GenesysApiError).status,
      (error as GenesysApiError).code,
      (error as Error).message,
    ]).toEqual([400, 'bad.request', 'the refresh token is not valid']);
  });

  it("carries a 429's Retry-After seconds as retryAfterSeconds", async () => {
    answer = async () =>
      respond(
        429,
        JSON.stringify({ message: 'Too many requests', code: 'too.many.requests', status: 429 }),
        { 'Retry-After': '17' },
      );
    await expect(
      backend.exchangeCode({ deploymentId: 'dep', oauth: { redirectUri: 'r' } }),
    ).rejects.toMatchObject({
      status: 429,
      code: 'too.many.requests',
      retryAfterSeconds: 17,
    });
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const in30s = new Date(Date.now() + 30_000).toUTCString();
    answer = async () => respond(429, null, { 'Retry-After': in30s });
    const error = (await backend.refresh('rt', 'dep').catch((e: unknown) => e)) as GenesysApiError;
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(29);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(30);
  });

  it('keeps the status of an error whose body is not JSON', async () => {
    answer = async () => respond(502, '<html>Bad gateway</html>');
    await expect(backend.refresh('rt', 'dep')).rejects.toMatchObject({
      status: 502,
      message: 'HTTP 502',
    });
  });

  it('reports no answer at all as a 503', async () => {
    answer = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(backend.sendMessage('j', 'hi')).rejects.toMatchObject({
      status: 503,
      code: 'network.error',
    });
  });
});
