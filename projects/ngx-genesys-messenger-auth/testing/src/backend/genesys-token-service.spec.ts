import { readJwtTimes } from 'ngx-genesys-messenger-auth/core';
import { rejection } from './genesys-api-error.spec-helpers';
import { InMemoryGenesysBackend, TEST_DEPLOYMENT } from './in-memory-genesys-backend';
import { GenesysTokenService } from './genesys-token-service';
import { InMemoryIdentityProvider } from './in-memory-identity-provider';
import { InMemoryJwtSigner } from './in-memory-jwt-signer';

const HOUR = 3600_000;
const DEPLOYMENT = 'test-deployment';
const REDIRECT = 'http://localhost:4200/messenger/callback';

describe(GenesysTokenService.name, () => {
  let backend: InMemoryGenesysBackend;
  let genesys: InMemoryGenesysBackend['genesys'];

  const exchangeBody = (code: string) => ({
    deploymentId: DEPLOYMENT,
    oauth: { code, redirectUri: REDIRECT },
  });
  const signIn = (accessTokenLifetime = 300) =>
    genesys.exchange(
      exchangeBody(backend.idp.issueCode({ subject: 'alice', accessTokenLifetime })),
    );

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-26T09:00:00Z') });
    backend = new InMemoryGenesysBackend();
    genesys = backend.genesys;
  });

  afterEach(() => jest.useRealTimers());

  describe('code exchange', () => {
    it('answers a JWT and a refresh token', async () => {
      const tokens = await signIn();
      expect(Object.keys(tokens).sort()).toEqual(['jwt', 'refreshToken']);
    });

    it('gives the JWT the IdP access token lifetime when it is under 15 minutes', async () => {
      const { jwt } = await signIn(300);
      const times = readJwtTimes(jwt);
      expect(times && times.exp - times.iat).toBe(300);
    });

    it('caps the JWT lifetime at 15 minutes', async () => {
      const { jwt } = await signIn(3600);
      const times = readJwtTimes(jwt);
      expect(times && times.exp - times.iat).toBe(900);
    });

    it('accepts a code only once', async () => {
      const code = backend.idp.issueCode({ subject: 'alice' });
      await genesys.exchange(exchangeBody(code));
      const error = await rejection(genesys.exchange(exchangeBody(code)));
      expect([error.status, error.reason]).toEqual([400, 'code-reused']);
    });

    it('refuses a code the IdP does not know with 400', async () => {
      const error = await rejection(genesys.exchange(exchangeBody('made-up')));
      expect([error.status, error.reason]).toEqual([400, 'code-rejected']);
    });

    it('answers no refresh token for an ID token (implicit flow) when the IdP cannot verify it', async () => {
      const error = await rejection(
        genesys.exchange({
          deploymentId: DEPLOYMENT,
          oauth: { idToken: 'x.y.z', redirectUri: REDIRECT },
        }),
      );
      expect(error.reason).toBe('code-rejected');
    });

    it('refuses an unknown deployment with 404', async () => {
      const code = backend.idp.issueCode({ subject: 'alice' });
      const error = await rejection(
        genesys.exchange({ ...exchangeBody(code), deploymentId: 'nope' }),
      );
      expect(error.status).toBe(404);
    });

    it.each([
      [null, 'body must be a JSON object'],
      [{ oauth: { code: 'c', redirectUri: REDIRECT } }, 'deploymentId is required'],
      [{ deploymentId: DEPLOYMENT }, 'oauth must be a JSON object'],
      [{ deploymentId: DEPLOYMENT, oauth: { code: 'c' } }, 'oauth.redirectUri is required'],
      [{ deploymentId: DEPLOYMENT, oauth: { redirectUri: REDIRECT } }, 'exactly one of oauth.code'],
      [
        { deploymentId: 7, oauth: { code: 'c', redirectUri: REDIRECT } },
        'deploymentId is required',
      ],
      [
        { deploymentId: DEPLOYMENT, oauth: { code: 'c', redirectUri: REDIRECT, maxAge: -1 } },
        'oauth.maxAge',
      ],
      [
        {
          deploymentId: DEPLOYMENT,
          oauth: { code: 'c', redirectUri: REDIRECT, codeVerifier: 'short' },
        },
        'oauth.codeVerifier',
      ],
    ])('refuses the malformed body %j with a 400 naming the field', async (body, message) => {
      const error = await rejection(genesys.exchange(body));
      expect(error.status).toBe(400);
      expect(error.message).toContain(message);
      expect(error.toBody('ctx')).toEqual({
        message: error.message,
        code: 'bad.request',
        status: 400,
        contextId: 'ctx',
      });
    });
  });

  describe('refresh', () => {
    it('answers a new JWT only; the refresh token is not rotated', async () => {
      const { refreshToken } = await signIn();
      const first = await genesys.refresh({ refreshToken, deploymentId: DEPLOYMENT });
      expect(Object.keys(first)).toEqual(['jwt']);
      await expect(
        genesys.refresh({ refreshToken, deploymentId: DEPLOYMENT }),
      ).resolves.toHaveProperty('jwt');
    });

    it('refuses an unknown refresh token with 400', async () => {
      const error = await rejection(
        genesys.refresh({ refreshToken: 'nope', deploymentId: DEPLOYMENT }),
      );
      expect([error.status, error.reason]).toEqual([400, 'unknown-refresh-token']);
    });

    it('refuses the refresh token after 24 hours by default', async () => {
      const { refreshToken } = await signIn();
      jest.setSystemTime(Date.now() + 24 * HOUR);
      const error = await rejection(genesys.refresh({ refreshToken, deploymentId: DEPLOYMENT }));
      expect(error.reason).toBe('refresh-token-expired');
    });

    it('honours a configured refresh-token lifetime', async () => {
      backend = new InMemoryGenesysBackend({ refreshTokenLifetime: 900 });
      genesys = backend.genesys;
      const { refreshToken } = await signIn();
      jest.setSystemTime(Date.now() + 901_000);
      await expect(genesys.refresh({ refreshToken, deploymentId: DEPLOYMENT })).rejects.toThrow();
    });

    it('refuses a refresh-token lifetime outside 900 s – 90 days', () => {
      expect(() => new InMemoryGenesysBackend({ refreshTokenLifetime: 899 })).toThrow(RangeError);
      expect(() => new InMemoryGenesysBackend({ refreshTokenLifetime: 90 * 86400 + 1 })).toThrow(
        RangeError,
      );
    });

    it('fails once the IdP session has ended', async () => {
      const { refreshToken } = await signIn();
      backend.idp.endSession('alice');
      const error = await rejection(genesys.refresh({ refreshToken, deploymentId: DEPLOYMENT }));
      expect(error.reason).toBe('idp-session-ended');
    });
  });

  describe('revoke', () => {
    it('kills the JWT and the refresh token together', async () => {
      const { jwt, refreshToken } = await signIn();
      await genesys.revoke(`bearer ${jwt}`);
      await expect(genesys.refresh({ refreshToken, deploymentId: DEPLOYMENT })).rejects.toThrow();
      await expect(genesys.tokens.authorize(`bearer ${jwt}`)).rejects.toThrow(
        'the session has ended (revoked)',
      );
    });

    it('answers 401 for an expired JWT', async () => {
      const { jwt } = await signIn(300);
      jest.setSystemTime(Date.now() + 301_000);
      const error = await rejection(genesys.revoke(`bearer ${jwt}`));
      expect([error.status, error.reason]).toEqual([401, 'jwt-expired']);
    });

    it('answers 401 for a forged JWT and for a missing header', async () => {
      expect((await rejection(genesys.revoke('bearer a.b.c'))).status).toBe(401);
      expect((await rejection(genesys.revoke(undefined))).reason).toBe('jwt-missing');
    });
  });

  describe('stats', () => {
    it('counts exchanges, refreshes, revokes and rejections by reason', async () => {
      const { jwt, refreshToken } = await signIn();
      await genesys.refresh({ refreshToken, deploymentId: DEPLOYMENT });
      await genesys.revoke(`bearer ${jwt}`);
      await genesys.refresh({ refreshToken: 'x', deploymentId: DEPLOYMENT }).catch(() => undefined);
      const stats = genesys.stats();
      expect([stats.codesExchanged, stats.refreshes, stats.revokes]).toEqual([1, 1, 1]);
      expect(stats.rejections).toEqual({ 'unknown-refresh-token': 1 });
    });

    it('reports the intervals during which a session held no valid JWT', async () => {
      const { refreshToken } = await signIn(300);
      jest.setSystemTime(Date.now() + 420_000); // 2 minutes after expiry
      await genesys.refresh({ refreshToken, deploymentId: DEPLOYMENT });
      const [session] = genesys.stats().sessions;
      expect(session.gaps).toEqual([
        {
          from: '2026-11-26T09:05:00.000Z',
          to: '2026-11-26T09:07:00.000Z',
          ms: 120_000,
          seconds: 120,
        },
      ]);
    });

    it('reports no gap for a session refreshed ahead of expiry', async () => {
      const { refreshToken } = await signIn(300);
      for (let i = 0; i < 12; i++) {
        jest.setSystemTime(Date.now() + 240_000);
        await genesys.refresh({ refreshToken, deploymentId: DEPLOYMENT });
      }
      expect(genesys.stats().sessions[0].gaps).toEqual([]);
    });

    it("reports a user's gaps across sessions: a new sign-in before expiry leaves none", async () => {
      await signIn(300);
      jest.setSystemTime(Date.now() + 250_000);
      await signIn(300);
      jest.setSystemTime(Date.now() + 250_000);
      const [alice] = genesys.stats().subjects;
      expect([alice.sessions, alice.gaps]).toEqual([2, []]);
      expect(genesys.stats().sessions[0].gaps).toHaveLength(1);
    });

    it("leaves the time after a sign-out (revocation) out of the user's gaps", async () => {
      const { jwt } = await signIn(300);
      await genesys.revoke(`bearer ${jwt}`);
      jest.setSystemTime(Date.now() + 3600_000);
      expect(genesys.stats().subjects[0].gaps).toEqual([]);
    });

    it('reports a refresh 400 ms after expiry as a 400 ms gap and a −400 ms margin', async () => {
      const { refreshToken } = await signIn(300);
      jest.setSystemTime(Date.now() + 300_400);
      await genesys.refresh({ refreshToken, deploymentId: DEPLOYMENT });
      const stats = genesys.stats();
      expect(stats.sessions[0].gaps).toEqual([
        {
          from: '2026-11-26T09:05:00.000Z',
          to: '2026-11-26T09:05:00.400Z',
          ms: 400,
          seconds: 0.4,
        },
      ]);
      expect(stats.sessions[0].refreshMargins).toEqual([-400]);
      expect(stats.minRefreshMarginMs).toBe(-400);
    });

    it("reports each refresh's margin before the previous JWT's expiry in ms", async () => {
      const { refreshToken } = await signIn(300);
      jest.setSystemTime(Date.now() + 240_123);
      await genesys.refresh({ refreshToken, deploymentId: DEPLOYMENT });
      jest.setSystemTime(Date.now() + 300_001);
      await genesys.refresh({ refreshToken, deploymentId: DEPLOYMENT });
      // The second JWT, issued at 09:04:00.123, expires at exp = 09:09:00, whole seconds.
      expect(genesys.stats().sessions[0].refreshMargins).toEqual([59_877, -124]);
    });

    it('writes whole-second iat and exp and ends the JWT at that exp, not 300 s after its issue', async () => {
      jest.setSystemTime(Date.now() + 700);
      const { jwt } = await signIn(300);
      const times = readJwtTimes(jwt);
      expect(times).toEqual({ iat: 1795683600, exp: 1795683900 });
      jest.setSystemTime(Date.now() + 300_000);
      expect(genesys.stats().sessions[0].gaps).toEqual([
        expect.objectContaining({ from: '2026-11-26T09:05:00.000Z', ms: 700 }),
      ]);
    });

    it('reports the smallest margin of all sessions, and none for a refused refresh', async () => {
      const first = await signIn(300);
      const second = await signIn(300);
      genesys.faults.add({ endpoint: 'refresh', status: 503, count: 1 });
      jest.setSystemTime(Date.now() + 200_000);
      const body = { refreshToken: first.refreshToken, deploymentId: DEPLOYMENT };
      await genesys.refresh(body).catch(() => undefined);
      await genesys.refresh(body);
      jest.setSystemTime(Date.now() + 50_000);
      await genesys.refresh({ refreshToken: second.refreshToken, deploymentId: DEPLOYMENT });
      const stats = genesys.stats();
      expect(stats.sessions.map((s) => s.refreshMargins)).toEqual([[100_000], [50_000]]);
      expect(stats.minRefreshMarginMs).toBe(50_000);
    });

    it('measures a margin when the refresh call arrives, not when the IdP has answered', async () => {
      const idp = new InMemoryIdentityProvider();
      const service = new GenesysTokenService({
        clock: Date.now,
        idp: {
          exchangeCode: (oauth) => idp.exchangeCode(oauth),
          refresh: async (token) => {
            await new Promise((resolve) => setTimeout(resolve, 2_000));
            return idp.refresh(token);
          },
        },
        signer: new InMemoryJwtSigner(),
        deployments: [TEST_DEPLOYMENT],
        issuer: 'x',
        randomId: () => String(Math.random()),
      });
      const code = idp.issueCode({ subject: 'alice', accessTokenLifetime: 300 });
      const { refreshToken } = await service.exchange(exchangeBody(code));
      jest.setSystemTime(Date.now() + 299_000);
      const refreshed = service.refresh({ refreshToken, deploymentId: DEPLOYMENT });
      await jest.advanceTimersByTimeAsync(2_000);
      await refreshed;
      const [session] = service.stats().sessions;
      expect(session.refreshMargins).toEqual([1_000]);
      expect(session.gaps).toEqual([expect.objectContaining({ ms: 1_000 })]);
    });

    it('reports no smallest margin while no refresh was served', async () => {
      await signIn(300);
      expect(genesys.stats().minRefreshMarginMs).toBeNull();
    });

    it('measures time with the shifted clock', async () => {
      await signIn(300);
      genesys.shiftClock(600_000);
      expect(genesys.stats().sessions[0].gaps[0].seconds).toBe(300);
    });
  });

  it('verifies only JWTs its signer issued', async () => {
    const service = new GenesysTokenService({
      clock: Date.now,
      idp: new InMemoryIdentityProvider(),
      signer: new InMemoryJwtSigner(),
      deployments: [],
      issuer: 'x',
      randomId: () => String(Math.random()),
    });
    await expect(service.authorize('bearer e30.e30.')).rejects.toThrow(
      'not one this deployment issued',
    );
  });
});
