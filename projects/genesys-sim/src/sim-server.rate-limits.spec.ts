/**
 * The simulator's per-minute limits over HTTP (contract §4): the 429 answer, the `/__sim/limits`
 * control API and the stats; plus the fault and revocation views the e2e suite relies on. The IdP
 * is in memory: these calls are about Genesys' answers, not the IdP's.
 */
import type { FastifyInstance } from 'fastify';
import { InMemoryIdentityProvider } from 'ngx-genesys-messenger-auth/testing';
import { Es256Signer } from './es256-signer';
import { createSimServer } from './sim-server';
import { DEFAULT_DEPLOYMENTS, parseSimConfig } from './sim-config';
import { listenForSpecs, type SimCall } from './sim-server.spec-helpers';

const DEPLOYMENT = DEFAULT_DEPLOYMENTS[0].id;
const REDIRECT = 'http://localhost:4200/messenger/callback';
const EXCHANGE = '/api/v2/webdeployments/token/oauthcodegrantjwtexchange';
const REFRESH = '/api/v2/webdeployments/token/refresh';
const REVOKE = '/api/v2/webdeployments/token/revoke';
const CONFIGURED = { exchange: 1, refresh: 2, revoke: 1 };

describe('Genesys simulator rate limits', () => {
  const idp = new InMemoryIdentityProvider();
  let app: FastifyInstance;
  let call: SimCall;

  const exchange = (code = idp.issueCode({ subject: 'alice' }), headers = {}) =>
    call(
      'POST',
      EXCHANGE,
      { deploymentId: DEPLOYMENT, oauth: { code, redirectUri: REDIRECT } },
      headers,
    );
  const signIn = async () => {
    const answer = await exchange();
    if (answer.status !== 200) throw new Error(`exchange failed: ${JSON.stringify(answer.body)}`);
    return answer.body as { jwt: string; refreshToken: string };
  };
  const revoke = (jwt: string) =>
    call('DELETE', REVOKE, undefined, { authorization: `bearer ${jwt}` });

  beforeAll(async () => {
    const config = parseSimConfig(
      ['--rate-limits', 'exchange=1,refresh=2,revoke=1', '--control-api'],
      {},
      () => '',
    );
    ({ app } = await createSimServer({
      config,
      idp,
      signer: await Es256Signer.create(),
      bundle: '',
      log: () => undefined,
    }));
    ({ call } = await listenForSpecs(app));
  });

  afterAll(() => app?.close());

  beforeEach(() => call('POST', '/__sim/reset', {}));

  describe('over a limit', () => {
    it('answers 429 with a Platform body and Retry-After in seconds', async () => {
      await signIn();
      await call('POST', '/__sim/clock', { shiftMs: 15_000 });
      const answer = await exchange();
      expect([answer.status, answer.headers.get('retry-after')]).toEqual([429, '45']);
      expect(answer.body).toEqual({
        message: expect.stringContaining('Too many requests'),
        code: 'too.many.requests',
        status: 429,
        contextId: expect.any(String),
      });
    });

    it('lets pages of allowed origins read Retry-After (CORS)', async () => {
      await signIn();
      const answer = await exchange(undefined, { origin: 'http://localhost:4200' });
      expect(answer.headers.get('access-control-expose-headers')).toContain('Retry-After');
    });

    it('serves the code it refused once the window has moved on', async () => {
      await signIn();
      const code = idp.issueCode({ subject: 'alice' });
      expect((await exchange(code)).status).toBe(429);
      await call('POST', '/__sim/clock', { shiftMs: 60_000 });
      expect((await exchange(code)).status).toBe(200);
    });

    it('limits refresh and revoke too, and a refused revoke ends nothing', async () => {
      const { jwt, refreshToken } = await signIn();
      const body = { refreshToken, deploymentId: DEPLOYMENT };
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await call('POST', REFRESH, body)).status);
      await call('POST', '/__sim/limits', { exchange: null });
      const other = await signIn();
      statuses.push((await revoke(other.jwt)).status, (await revoke(jwt)).status);
      expect(statuses).toEqual([200, 200, 429, 204, 429]);
      const stats = (await call('GET', '/__sim/stats')).body;
      expect(stats.sessions.map((s: { endReason?: string }) => s.endReason)).toEqual([
        undefined,
        'revoked',
      ]);
    });

    it('reports the limits and the 429s per call in the stats', async () => {
      await signIn();
      await exchange();
      const stats = (await call('GET', '/__sim/stats')).body;
      expect([stats.limits, stats.rateLimited, stats.rejections]).toEqual([
        CONFIGURED,
        { exchange: 1, refresh: 0, revoke: 0 },
        { 'rate-limited': 1 },
      ]);
    });
  });

  describe('/__sim/limits', () => {
    it('answers the configured limits (--rate-limits)', async () => {
      expect((await call('GET', '/__sim/limits')).body).toEqual(CONFIGURED);
    });

    it('changes the limits named, null lifting one, and answers them all', async () => {
      const answer = await call('POST', '/__sim/limits', { exchange: null, revoke: 10 });
      expect([answer.status, answer.body]).toEqual([
        200,
        { exchange: null, refresh: 2, revoke: 10 },
      ]);
      await signIn();
      expect((await exchange()).status).toBe(200);
    });

    it('goes back to the configured limits on reset', async () => {
      await call('POST', '/__sim/limits', { exchange: 50 });
      await call('POST', '/__sim/reset', {});
      expect((await call('GET', '/__sim/limits')).body).toEqual(CONFIGURED);
    });

    it.each([
      [{ exchange: 0 }, 'exchange must be null (no limit) or a whole number'],
      [{ refresh: '5' }, 'refresh must be'],
      [{ revokes: 1 }, 'unknown limit revokes'],
      [[1], 'body must be a JSON object'],
      ['{"exchange":', 'not valid JSON'],
    ])('refuses %j with a 400 naming the field', async (body, message) => {
      const answer = await call('POST', '/__sim/limits', body);
      expect([answer.status, answer.body.message]).toEqual([400, expect.stringContaining(message)]);
      expect((await call('GET', '/__sim/limits')).body).toEqual(CONFIGURED);
    });

    it.each(['PUT', 'PATCH', 'DELETE'])(
      'answers %s with 405 and the allowed methods',
      async (method) => {
        const answer = await call(method, '/__sim/limits', {});
        expect([answer.status, answer.headers.get('allow'), answer.body.code]).toEqual([
          405,
          'GET, POST',
          'method.not.allowed',
        ]);
      },
    );
  });

  describe('what the e2e suite reads', () => {
    it('fails every call of an endpoint while a fault without count or time is in force', async () => {
      await call('POST', '/__sim/limits', { exchange: null });
      await call('POST', '/__sim/faults', { endpoint: 'exchange', status: 500 });
      const statuses = [
        (await exchange()).status,
        (await exchange()).status,
        (await exchange()).status,
      ];
      await call('DELETE', '/__sim/faults?endpoint=exchange');
      statuses.push((await exchange()).status);
      expect(statuses).toEqual([500, 500, 500, 200]);
    });

    it("shows a sign-out's revocation of the refresh token", async () => {
      const { jwt, refreshToken } = await signIn();
      await revoke(jwt);
      const refused = await call('POST', REFRESH, { refreshToken, deploymentId: DEPLOYMENT });
      const stats = (await call('GET', '/__sim/stats')).body;
      expect([refused.status, stats.revokes, stats.sessions[0].endReason]).toEqual([
        400,
        1,
        'revoked',
      ]);
    });
  });
});
