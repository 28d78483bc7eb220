import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';

import { LocalIssuer, TEST_AUDIENCE, TEST_CLIENT_ID, TEST_ISSUER } from '../testing/local-issuer';
import { refusal } from '../testing/refusal';
import { createAuthenticator, type Authenticator } from './auth';

describe('createAuthenticator with a key set', () => {
  let issuer: LocalIssuer;
  let auth: Authenticator;

  beforeAll(async () => {
    issuer = await LocalIssuer.create();
    auth = createAuthenticator({
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      clientId: TEST_CLIENT_ID,
      keySet: issuer.keySet,
    });
  });

  it('accepts an admin token and names the caller by preferred_username', async () => {
    const principal = await auth.authenticate(`Bearer ${await issuer.admin('ada')}`);
    expect(principal).toEqual({
      sub: 'sub-ada',
      name: 'ada',
      roles: ['admin'],
      canRead: true,
      isAdmin: true,
    });
  });

  it('accepts a reader token as one who may read, named by sub without a username', async () => {
    const token = await issuer.token({ sub: 'u-9', roles: ['reader'] });
    expect(await auth.authenticate(`bearer ${token}`)).toEqual({
      sub: 'u-9',
      name: 'u-9',
      roles: ['reader'],
      canRead: true,
      isAdmin: false,
    });
  });

  it('accepts a token with neither role as one who may not even read', async () => {
    const token = await issuer.token({ roles: ['customer'] });
    const principal = await auth.authenticate(`Bearer ${token}`);
    expect([principal.canRead, principal.isAdmin]).toEqual([false, false]);
  });

  it('answers a missing header with 401 and a bare Bearer challenge', async () => {
    const error = await refusal(auth, undefined);
    expect([error.status, error.extra.headers]).toEqual([
      401,
      { 'www-authenticate': 'Bearer realm="profile-server"' },
    ]);
    expect(error.extra.issues?.[0]?.path).toBe('headers.authorization');
  });

  it.each([
    ['another scheme', async () => 'Basic YWRhOmxvdmVsYWNl', 'must be "Bearer'],
    ['an expired token', async (i: LocalIssuer) => i.token({ expiresIn: -120 }), 'expired'],
    [
      'another audience',
      async (i: LocalIssuer) => i.token({ audience: 'http://localhost:4500' }),
      '"aud"',
    ],
    ['another issuer', async (i: LocalIssuer) => i.token({ issuer: 'http://evil' }), '"iss"'],
    ['an ID token (typ JWT)', async (i: LocalIssuer) => i.token({ typ: 'JWT' }), '"typ"'],
    ['garbage', async () => 'Bearer not-a-jwt', 'not valid'],
  ])('answers %s with 401 invalid_token', async (_what, make, message) => {
    const made = await make(issuer);
    const error = await refusal(auth, made.startsWith('B') ? made : `Bearer ${made}`);
    expect(error.status).toBe(401);
    expect(error.message).toContain(message);
    expect(error.extra.headers?.['www-authenticate']).toContain('error="invalid_token"');
  });

  it('answers a token signed by another key with 401', async () => {
    const stranger = await LocalIssuer.create();
    expect((await refusal(auth, `Bearer ${await stranger.admin()}`)).status).toBe(401);
  });

  it('refuses an HMAC-signed token even with the right claims', async () => {
    const token = await new SignJWT({ client_id: TEST_CLIENT_ID, roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: 'test-key' })
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setSubject('mallory')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    expect((await refusal(auth, `Bearer ${token}`)).status).toBe(401);
  });

  it("answers another client's token with 403", async () => {
    const token = await issuer.token({ clientId: 'demo-portal', roles: ['admin'] });
    const error = await refusal(auth, `Bearer ${token}`);
    expect([error.status, error.extra.issues?.[0]?.code]).toEqual([403, 'wrong-client']);
  });

  it('never puts the token into an error', async () => {
    const token = await issuer.token({ expiresIn: -120 });
    const error = await refusal(auth, `Bearer ${token}`);
    expect(JSON.stringify({ message: error.message, extra: error.extra })).not.toContain(token);
  });
});

describe('createAuthenticator with discovery', () => {
  let server: Server;
  let base: string;
  let up = false;
  let signWith: (claims: Record<string, unknown>) => Promise<string>;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] };
    server = createServer((req, res) => {
      const body =
        req.url === '/.well-known/openid-configuration'
          ? { issuer: base, jwks_uri: `${base}/jwks` }
          : jwks;
      if (up) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      else res.writeHead(503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    signWith = (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'k1' })
        .setIssuer(base)
        .setAudience(TEST_AUDIENCE)
        .setSubject('ada')
        .setExpirationTime('5m')
        .sign(privateKey);
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers 503 while the IdP is down, then verifies with its JWKS once it is up', async () => {
    const auth = createAuthenticator({
      issuer: base,
      audience: TEST_AUDIENCE,
      clientId: TEST_CLIENT_ID,
    });
    const token = await signWith({ client_id: TEST_CLIENT_ID, roles: ['admin'] });
    up = false;
    expect((await refusal(auth, `Bearer ${token}`)).status).toBe(503);
    up = true;
    expect((await auth.authenticate(`Bearer ${token}`)).isAdmin).toBe(true);
  });
});
