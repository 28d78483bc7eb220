/**
 * Conformance of the simulator's REST API (contract §4) and its `/__sim/` control API, against a
 * listening server whose code exchanges go to a real dev IdP process.
 */
import type { FastifyInstance } from 'fastify';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import {
  authorizeWithPassword,
  DEFAULT_GENESYS_CLIENT_SECRET,
  startDevIdp,
  TEST_PASSWORDS,
  type RunningDevIdp,
} from '../../dev-idp/testing';
import { Es256Signer } from './es256-signer';
import { OidcIdentityProvider } from './oidc-identity-provider';
import { BODY_LIMIT_BYTES, createSimServer } from './sim-server';
import { DEFAULT_DEPLOYMENTS, parseSimConfig } from './sim-config';
import { listenForSpecs, type SimCall } from './sim-server.spec-helpers';

const DEPLOYMENT = DEFAULT_DEPLOYMENTS[0].id;
const REDIRECT = 'http://localhost:4200/messenger/callback';
const EXCHANGE = '/api/v2/webdeployments/token/oauthcodegrantjwtexchange';
const REFRESH = '/api/v2/webdeployments/token/refresh';
const REVOKE = '/api/v2/webdeployments/token/revoke';

jest.setTimeout(30_000);

describe('Genesys simulator REST API', () => {
  let idp: RunningDevIdp;
  let app: FastifyInstance;
  let base: string;
  let call: SimCall;
  const logLines: string[] = [];
  const secrets: string[] = [DEFAULT_GENESYS_CLIENT_SECRET];

  /** A fresh authorization code for the genesys-messenger client, signed in as alice. */
  const newCode = async () => {
    const result = await authorizeWithPassword({
      issuer: idp.issuer,
      clientId: 'genesys-messenger',
      redirectUri: REDIRECT,
      scope: 'openid profile offline_access',
      username: 'alice',
      password: TEST_PASSWORDS.alice,
    });
    if (!result.code) throw new Error(`no code: ${result.error}`);
    secrets.push(result.code, result.codeVerifier ?? '');
    return { code: result.code, codeVerifier: result.codeVerifier, nonce: result.nonce };
  };

  const signIn = async () => {
    const { code, codeVerifier, nonce } = await newCode();
    const answer = await call('POST', EXCHANGE, {
      deploymentId: DEPLOYMENT,
      oauth: { code, redirectUri: REDIRECT, codeVerifier, nonce, iss: idp.issuer },
    });
    if (answer.status !== 200) throw new Error(`exchange failed: ${JSON.stringify(answer.body)}`);
    secrets.push(answer.body.jwt, answer.body.refreshToken);
    return answer.body as { jwt: string; refreshToken: string };
  };

  beforeAll(async () => {
    idp = await startDevIdp();
    const config = parseSimConfig(
      ['--idp-issuer', idp.issuer, '--public-url', 'http://localhost:4599', '--control-api'],
      {},
      () => '',
    );
    const signer = await Es256Signer.create();
    const oidc = new OidcIdentityProvider({
      issuer: idp.issuer,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      clientAuth: config.clientAuth,
    });
    ({ app } = await createSimServer({
      config,
      idp: oidc,
      signer,
      bundle: '/* bundle */',
      log: (l) => logLines.push(l),
    }));
    ({ base, call } = await listenForSpecs(app));
  });

  afterAll(async () => {
    await app?.close();
    await idp?.stop();
  });

  beforeEach(() => call('POST', '/__sim/reset', {}));

  describe('code exchange', () => {
    it('exchanges a real IdP code for an ES256 JWT (verifiable with the JWKS) and a refresh token', async () => {
      const { jwt, refreshToken } = await signIn();
      const jwks = (await call('GET', '/.well-known/jwks.json')).body as JSONWebKeySet;
      const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(jwks));
      expect(protectedHeader.alg).toBe('ES256');
      expect(payload.sub).toBeTruthy();
      expect(refreshToken).toEqual(expect.any(String));
    });

    it("gives the JWT the IdP access token's lifetime (300 s at the dev IdP's default)", async () => {
      const claims = decodeJwt((await signIn()).jwt);
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(300);
    });

    it('refuses a code the second time with a Platform error body', async () => {
      const { code, codeVerifier } = await newCode();
      const body = {
        deploymentId: DEPLOYMENT,
        oauth: { code, redirectUri: REDIRECT, codeVerifier },
      };
      expect((await call('POST', EXCHANGE, body)).status).toBe(200);
      const again = await call('POST', EXCHANGE, body);
      expect(again.status).toBe(400);
      expect(again.body).toEqual({
        message: 'the authorization code was already used',
        code: 'bad.request',
        status: 400,
        contextId: expect.any(String),
      });
    });

    it('refuses a code the IdP does not know', async () => {
      const answer = await call('POST', EXCHANGE, {
        deploymentId: DEPLOYMENT,
        oauth: { code: 'forged', redirectUri: REDIRECT },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain('refused the code');
    });
  });

  describe('refresh and revoke', () => {
    it('answers {jwt} only, and the same refresh token works again', async () => {
      const { refreshToken } = await signIn();
      const first = await call('POST', REFRESH, { refreshToken, deploymentId: DEPLOYMENT });
      expect([first.status, Object.keys(first.body)]).toEqual([200, ['jwt']]);
      expect((await call('POST', REFRESH, { refreshToken, deploymentId: DEPLOYMENT })).status).toBe(
        200,
      );
    });

    it('revokes the JWT and the refresh token together', async () => {
      const { jwt, refreshToken } = await signIn();
      expect(
        (await call('DELETE', REVOKE, undefined, { authorization: `bearer ${jwt}` })).status,
      ).toBe(204);
      expect((await call('POST', REFRESH, { refreshToken, deploymentId: DEPLOYMENT })).status).toBe(
        400,
      );
      expect(
        (await call('DELETE', REVOKE, undefined, { authorization: `bearer ${jwt}` })).status,
      ).toBe(401);
    });

    it('answers 401 to a revoke with an expired JWT', async () => {
      const { jwt } = await signIn();
      await call('POST', '/__sim/clock', { shiftMs: 301_000 });
      const answer = await call('DELETE', REVOKE, undefined, { authorization: `bearer ${jwt}` });
      expect([answer.status, answer.body.message]).toEqual([401, 'the JWT has expired']);
    });

    it('answers 401 to a revoke with a forged JWT', async () => {
      const { jwt } = await signIn();
      const [header, , signature] = jwt.split('.');
      const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'mallory', exp: 9e9 })).toString('base64url')}.${signature}`;
      expect(
        (await call('DELETE', REVOKE, undefined, { authorization: `bearer ${forged}` })).status,
      ).toBe(401);
    });
  });

  describe('bad input', () => {
    it.each([
      ['POST', EXCHANGE, {}, 400, 'deploymentId is required'],
      [
        'POST',
        EXCHANGE,
        { deploymentId: DEPLOYMENT, oauth: 'code' },
        400,
        'oauth must be a JSON object',
      ],
      [
        'POST',
        EXCHANGE,
        { deploymentId: DEPLOYMENT, oauth: { code: 1, redirectUri: REDIRECT } },
        400,
        'oauth.code',
      ],
      [
        'POST',
        REFRESH,
        { refreshToken: 5, deploymentId: DEPLOYMENT },
        400,
        'refreshToken is required',
      ],
      ['POST', REFRESH, '{"refreshToken":', 400, 'not valid JSON'],
      ['POST', REFRESH, { refreshToken: 'x'.repeat(BODY_LIMIT_BYTES) }, 413, 'too large'],
      ['DELETE', REVOKE, undefined, 401, 'Authorization header'],
      ['GET', '/api/v2/nothing', undefined, 404, 'no such resource'],
      [
        'GET',
        '/webdeployments/v1/deployments/unknown/config.json',
        undefined,
        404,
        'does not exist',
      ],
      [
        'POST',
        '/__sim/faults',
        { endpoint: 'everything', status: 500 },
        400,
        'endpoint must be one of',
      ],
      ['POST', '/__sim/clock', { shiftMs: 'soon' }, 400, 'shiftMs'],
      ['POST', '/__sim/variants', { reAuthentication: 'never' }, 400, 'reAuthentication'],
      [
        'POST',
        '/__sim/variants',
        { refreshFailureClearsTokens: 'no' },
        400,
        'refreshFailureClearsTokens',
      ],
    ])(
      '%s %s with %j answers %i naming the problem',
      async (method, path, body, status, message) => {
        const answer = await call(method, path, body);
        expect(answer.status).toBe(status);
        expect(answer.body.message).toContain(message);
        expect((await call('GET', '/__sim/stats')).status).toBe(200);
      },
    );

    it('answers 415 to a body that is not JSON', async () => {
      const response = await fetch(`${base}${REFRESH}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'hi',
      });
      expect(response.status).toBe(415);
    });
  });

  describe('control API', () => {
    it('fails the next call of an endpoint with the injected status, then serves again', async () => {
      const { refreshToken } = await signIn();
      await call('POST', '/__sim/faults', { endpoint: 'refresh', status: 503, count: 1 });
      expect((await call('POST', REFRESH, { refreshToken, deploymentId: DEPLOYMENT })).status).toBe(
        503,
      );
      expect((await call('POST', REFRESH, { refreshToken, deploymentId: DEPLOYMENT })).status).toBe(
        200,
      );
      expect((await call('GET', '/__sim/stats')).body.rejections).toEqual({ 'fault-injected': 1 });
    });

    it('delays calls by the injected time', async () => {
      const { refreshToken } = await signIn();
      await call('POST', '/__sim/faults', { endpoint: 'refresh', delayMs: 300, count: 1 });
      const started = Date.now();
      await call('POST', REFRESH, { refreshToken, deploymentId: DEPLOYMENT });
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    });

    it('reports the gap of a session whose JWT expired, with the shifted clock', async () => {
      const { refreshToken } = await signIn();
      await call('POST', '/__sim/clock', { shiftMs: 420_000 });
      await call('POST', REFRESH, { refreshToken, deploymentId: DEPLOYMENT });
      const { sessions, codesExchanged, refreshes } = (await call('GET', '/__sim/stats')).body;
      expect([codesExchanged, refreshes]).toEqual([1, 1]);
      // The JWT ends at its whole-second exp, up to 1 s before its issue time + 300 s.
      const [margin] = sessions[0].refreshMargins;
      expect(margin).toBeLessThanOrEqual(-120_000);
      expect(margin).toBeGreaterThan(-122_000);
      expect(sessions[0].gaps).toEqual([expect.objectContaining({ ms: expect.any(Number) })]);
      expect(sessions[0].gaps[0].ms).toBeGreaterThanOrEqual(-margin);
    });

    it('reports each served refresh margin in ms and the smallest of them', async () => {
      const { refreshToken } = await signIn();
      await call('POST', REFRESH, { refreshToken, deploymentId: DEPLOYMENT });
      await call('POST', '/__sim/clock', { shiftMs: 200_000 });
      await call('POST', REFRESH, { refreshToken, deploymentId: DEPLOYMENT });
      const stats = (await call('GET', '/__sim/stats')).body;
      const margins: number[] = stats.sessions[0].refreshMargins;
      expect(margins).toHaveLength(2);
      expect(margins[0]).toBeGreaterThan(295_000);
      expect(margins[1]).toBeGreaterThan(95_000);
      expect(margins[1]).toBeLessThanOrEqual(100_000);
      expect(stats.minRefreshMarginMs).toBe(margins[1]);
    });

    it('switches a failed refresh to keeping the tokens, until reset', async () => {
      const changed = await call('POST', '/__sim/variants', { refreshFailureClearsTokens: false });
      expect(changed.body).toMatchObject({
        refreshFailureClearsTokens: false,
        reAuthentication: 'automatic',
      });
      expect((await call('GET', '/__sim/variants')).body.refreshFailureClearsTokens).toBe(false);
      await call('POST', '/__sim/reset', {});
      expect((await call('GET', '/__sim/variants')).body.refreshFailureClearsTokens).toBe(true);
    });

    it('forgets sessions, counters, faults and the clock shift on reset', async () => {
      await signIn();
      await call('POST', '/__sim/faults', { endpoint: 'exchange', status: 500 });
      await call('POST', '/__sim/clock', { shiftMs: 1000 });
      await call('POST', '/__sim/reset', {});
      const stats = (await call('GET', '/__sim/stats')).body;
      expect([stats.codesExchanged, stats.sessions, stats.faults, stats.clock.offsetMs]).toEqual([
        0,
        [],
        [],
        0,
      ]);
    });

    it('serves the deployment configuration document per deployment', async () => {
      const second = await call(
        'GET',
        `/webdeployments/v1/deployments/${DEFAULT_DEPLOYMENTS[1].id}/config.json`,
      );
      expect(second.body.auth).toEqual({ enabled: false, allowSessionUpgrade: false });
    });

    it('lets the portal origin call it (CORS) and not another origin', async () => {
      const preflight = (origin: string) =>
        fetch(`${base}${REFRESH}`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      expect(
        (await preflight('http://localhost:4200')).headers.get('access-control-allow-origin'),
      ).toBe('http://localhost:4200');
      expect(
        (await preflight('http://evil.example')).headers.get('access-control-allow-origin'),
      ).toBeNull();
    });
  });

  it('never writes a token, code, verifier or secret to its log', async () => {
    const { jwt, refreshToken } = await signIn();
    await call('POST', REFRESH, { refreshToken, deploymentId: DEPLOYMENT });
    await call('DELETE', REVOKE, undefined, { authorization: `bearer ${jwt}` });
    const log = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(3);
    for (const secret of secrets.filter(Boolean)) expect(log).not.toContain(secret);
  });
});
