import { GenesysApiError } from './genesys-api-error';
import { rejection } from './genesys-api-error.spec-helpers';
import { InMemoryGenesysBackend, TEST_DEPLOYMENT } from './in-memory-genesys-backend';
import { GenesysTokenService } from './genesys-token-service';
import { parseRateLimits, RateLimiter, type RateLimits } from './rate-limits';

const DEPLOYMENT = TEST_DEPLOYMENT.id;
const OTHER = { ...TEST_DEPLOYMENT, id: 'other-deployment' };
const REDIRECT = 'http://localhost:4200/messenger/callback';

describe(`${GenesysTokenService.name} rate limits (contract §4)`, () => {
  let backend: InMemoryGenesysBackend;
  let genesys: InMemoryGenesysBackend['genesys'];

  const exchangeBody = (code: string, deploymentId = DEPLOYMENT) => ({
    deploymentId,
    oauth: { code, redirectUri: REDIRECT },
  });
  const newCode = () => backend.idp.issueCode({ subject: 'alice', accessTokenLifetime: 300 });
  const signIn = (deploymentId = DEPLOYMENT) =>
    genesys.exchange(exchangeBody(newCode(), deploymentId));
  const refresh = (refreshToken: string | undefined) =>
    genesys.refresh({ refreshToken, deploymentId: DEPLOYMENT });
  const withLimits = (rateLimits: Partial<RateLimits>) => {
    backend = new InMemoryGenesysBackend({ deployments: [TEST_DEPLOYMENT, OTHER], rateLimits });
    genesys = backend.genesys;
  };

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-26T09:00:00Z') });
    withLimits({ exchange: 2, refresh: 2, revoke: 1 });
  });

  afterEach(() => jest.useRealTimers());

  it('answers the exchange over its limit with a Platform 429 that says when to retry', async () => {
    await signIn();
    genesys.shiftClock(20_000);
    await signIn();
    const error = await rejection(signIn());
    expect([error.status, error.code, error.reason, error.retryAfterSeconds]).toEqual([
      429,
      'too.many.requests',
      'rate-limited',
      40,
    ]);
    expect(error.message).toContain('Too many requests');
    expect(error.toBody('ctx')).toEqual({
      message: error.message,
      code: 'too.many.requests',
      status: 429,
      contextId: 'ctx',
    });
  });

  it('frees the window after a minute of the simulator clock (sliding)', async () => {
    await signIn();
    genesys.shiftClock(20_000);
    await signIn();
    genesys.shiftClock(39_999);
    expect((await rejection(signIn())).retryAfterSeconds).toBe(1);
    genesys.shiftClock(1);
    await expect(signIn()).resolves.toHaveProperty('jwt');
    expect((await rejection(signIn())).retryAfterSeconds).toBe(20);
  });

  it('leaves a code it refused unused and does not call the IdP', async () => {
    await signIn();
    await signIn();
    const exchangeAtIdp = jest.spyOn(backend.idp, 'exchangeCode');
    const code = newCode();
    await rejection(genesys.exchange(exchangeBody(code)));
    expect(exchangeAtIdp).not.toHaveBeenCalled();
    genesys.shiftClock(60_000);
    await expect(genesys.exchange(exchangeBody(code))).resolves.toHaveProperty('refreshToken');
  });

  it('does not count the calls it refused, so Retry-After holds however often a client asks', async () => {
    await signIn();
    await signIn();
    for (let i = 0; i < 10; i++) await rejection(signIn());
    genesys.shiftClock(60_000);
    await expect(signIn()).resolves.toHaveProperty('jwt');
  });

  it('counts the calls Genesys served and refused for other reasons', async () => {
    await rejection(genesys.exchange(exchangeBody('made-up')));
    await rejection(genesys.exchange(exchangeBody('made-up-too')));
    expect((await rejection(signIn())).status).toBe(429);
  });

  it('keeps one window per deployment', async () => {
    await signIn();
    await signIn();
    await expect(signIn(OTHER.id)).resolves.toHaveProperty('jwt');
  });

  it('refuses a refresh over its limit without calling the IdP or issuing a JWT', async () => {
    const { refreshToken } = await signIn();
    await refresh(refreshToken);
    await refresh(refreshToken);
    const refreshAtIdp = jest.spyOn(backend.idp, 'refresh');
    const error = await rejection(refresh(refreshToken));
    expect([error.status, error.retryAfterSeconds]).toEqual([429, 60]);
    expect(refreshAtIdp).not.toHaveBeenCalled();
    expect([genesys.stats().refreshes, genesys.stats().sessions[0].jwtsIssued]).toEqual([2, 3]);
  });

  it('refuses a revoke over its limit and leaves that session alive', async () => {
    const first = await signIn();
    const second = await signIn(OTHER.id);
    const third = await signIn();
    await genesys.revoke(`bearer ${first.jwt}`);
    await expect(genesys.revoke(`bearer ${second.jwt}`)).resolves.toBeUndefined();
    expect((await rejection(genesys.revoke(`bearer ${third.jwt}`))).status).toBe(429);
    const stats = genesys.stats();
    expect(stats.revokes).toBe(2);
    expect(stats.sessions.map((s) => s.endReason)).toEqual(['revoked', 'revoked', undefined]);
    await expect(refresh(third.refreshToken)).resolves.toHaveProperty('jwt');
  });

  it('reports the limits and the refusals per call in the stats', async () => {
    await signIn();
    await signIn();
    await rejection(signIn());
    const stats = genesys.stats();
    expect([stats.limits, stats.rateLimited, stats.rejections]).toEqual([
      { exchange: 2, refresh: 2, revoke: 1 },
      { exchange: 1, refresh: 0, revoke: 0 },
      { 'rate-limited': 1 },
    ]);
  });

  it('changes limits at run time, null lifting one', async () => {
    await signIn();
    await signIn();
    expect(genesys.tokens.limits.set({ exchange: null })).toEqual({
      exchange: null,
      refresh: 2,
      revoke: 1,
    });
    await expect(signIn()).resolves.toHaveProperty('jwt');
  });

  it('counts calls made while no limit was set', async () => {
    withLimits({});
    await signIn();
    await signIn();
    genesys.tokens.limits.set({ exchange: 2 });
    expect((await rejection(signIn())).status).toBe(429);
  });

  it('goes back to the configured limits and empty windows on reset', async () => {
    await signIn();
    await signIn();
    genesys.tokens.limits.set({ exchange: 5, refresh: null });
    genesys.reset();
    expect(genesys.stats().limits).toEqual({ exchange: 2, refresh: 2, revoke: 1 });
    expect(genesys.stats().rateLimited).toEqual({ exchange: 0, refresh: 0, revoke: 0 });
    await signIn();
    await expect(signIn()).resolves.toHaveProperty('jwt');
  });

  it('limits nothing by default', async () => {
    backend = new InMemoryGenesysBackend();
    genesys = backend.genesys;
    for (let i = 0; i < 50; i++) await signIn();
    expect(genesys.stats().limits).toEqual({ exchange: null, refresh: null, revoke: null });
  });
});

describe(parseRateLimits.name, () => {
  it('accepts any of the three calls, with null for no limit', () => {
    expect(parseRateLimits({ exchange: 1, revoke: null })).toEqual({ exchange: 1, revoke: null });
  });

  it.each([
    [[], 'body must be a JSON object'],
    [{ exchanges: 3 }, 'unknown limit exchanges; known: exchange, refresh, revoke'],
    [{ refresh: 0 }, 'refresh must be null (no limit) or a whole number'],
    [{ refresh: 1.5 }, 'refresh must be'],
    [{ revoke: '10' }, 'revoke must be'],
    [{ exchange: 100_001 }, 'exchange must be'],
  ])('refuses %j with a 400 naming the field', (body, message) => {
    let error: unknown;
    try {
      parseRateLimits(body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GenesysApiError);
    expect([(error as GenesysApiError).status, (error as Error).message]).toEqual([
      400,
      expect.stringContaining(message),
    ]);
  });

  it('makes a limiter refuse bad configured limits', () => {
    expect(() => new RateLimiter(Date.now, { exchange: -1 })).toThrow(RangeError);
  });
});
