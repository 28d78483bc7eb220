import {
  authorize,
  authorizeWithPassword,
  CLIENT_IDS,
  DEFAULT_GENESYS_CLIENT_SECRET,
  decodeJwtPayload,
  exchangeCode,
  refreshTokens,
  signOut,
  startDevIdp,
  submitLogin,
  TEST_PASSWORDS,
} from '../testing';
import type { RunningDevIdp } from '../testing';

jest.setTimeout(20_000);

const PORTAL = 'http://localhost:4200';
const PORTAL_CALLBACK = `${PORTAL}/callback`;
const MESSENGER_CALLBACK = `${PORTAL}/messenger/callback`;

/** Alice signs in to the demo portal with PKCE and exchanges the code. */
async function aliceSignsInToPortal(idp: RunningDevIdp, scope = 'openid profile email') {
  const flow = await authorizeWithPassword({
    issuer: idp.issuer,
    clientId: CLIENT_IDS.demoPortal,
    redirectUri: PORTAL_CALLBACK,
    scope,
    username: 'alice',
    password: TEST_PASSWORDS.alice,
  });
  const tokens = await exchangeCode({
    issuer: idp.issuer,
    clientId: CLIENT_IDS.demoPortal,
    code: flow.code,
    redirectUri: PORTAL_CALLBACK,
    codeVerifier: flow.codeVerifier,
  });
  return { flow, tokens };
}

function lifetimeOf(idToken: unknown): number {
  const claims = decodeJwtPayload(String(idToken));
  return Number(claims['exp']) - Number(claims['iat']);
}

describe('dev-idp with default settings', () => {
  let idp: RunningDevIdp;

  beforeAll(async () => {
    idp = await startDevIdp();
  });
  afterAll(() => idp?.stop());

  it('answers /health with {"status":"ok"}', async () => {
    const response = await fetch(`${idp.issuer}/health`);
    expect([response.status, await response.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('advertises its localhost issuer, S256 and the iss response parameter', async () => {
    const metadata = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json();
    expect(metadata).toMatchObject({
      issuer: `http://localhost:${idp.port}`,
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
    });
  });

  it('issues access and ID tokens that live 300 s', async () => {
    const { tokens } = await aliceSignsInToPortal(idp);
    expect([tokens.body['expires_in'], lifetimeOf(tokens.body['id_token'])]).toEqual([300, 300]);
  });

  it('returns the issuer in the authorization response', async () => {
    const { flow } = await aliceSignsInToPortal(idp);
    expect(flow.redirect?.searchParams.get('iss')).toBe(idp.issuer);
  });

  it('puts the roles claim into ada’s ID token', async () => {
    const flow = await authorizeWithPassword({
      issuer: idp.issuer,
      clientId: CLIENT_IDS.admin,
      redirectUri: 'http://localhost:4300/callback',
      scope: 'openid profile roles',
      username: 'ada',
      password: TEST_PASSWORDS.ada,
    });
    const tokens = await exchangeCode({
      issuer: idp.issuer,
      clientId: CLIENT_IDS.admin,
      code: flow.code,
      redirectUri: 'http://localhost:4300/callback',
      codeVerifier: flow.codeVerifier,
    });
    const claims = decodeJwtPayload(String(tokens.body['id_token']));
    expect(claims).toMatchObject({
      roles: ['admin'],
      name: 'Ada Admin',
      preferred_username: 'ada',
    });
  });

  it('silently authorizes genesys-messenger from the session alice opened for the portal', async () => {
    const { flow } = await aliceSignsInToPortal(idp);
    const silent = await authorize({
      issuer: idp.issuer,
      clientId: CLIENT_IDS.genesysMessenger,
      redirectUri: MESSENGER_CALLBACK,
      prompt: 'none',
      jar: flow.jar,
    });
    expect([silent.error, typeof silent.code]).toEqual([undefined, 'string']);
  });

  it('sends its session cookie SameSite=None and Secure, as hosted IdPs do', async () => {
    const { flow } = await aliceSignsInToPortal(idp);
    expect(flow.jar.attributes('_session')).toEqual(
      expect.arrayContaining(['samesite=none', 'secure', 'httponly']),
    );
    expect(flow.jar.attributes('_session')).not.toContain('samesite=lax');
    expect(flow.jar.attributes('_session.sig')).toEqual(
      expect.arrayContaining(['samesite=none', 'secure']),
    );
  });

  it('answers prompt=none without a session with login_required', async () => {
    const silent = await authorize({
      issuer: idp.issuer,
      clientId: CLIENT_IDS.demoPortal,
      redirectUri: PORTAL_CALLBACK,
      prompt: 'none',
    });
    expect(silent.redirect?.searchParams.get('error')).toBe('login_required');
  });

  it('answers prompt=none after sign-out with login_required', async () => {
    const { flow } = await aliceSignsInToPortal(idp);
    const out = await signOut({
      issuer: idp.issuer,
      jar: flow.jar,
      clientId: CLIENT_IDS.demoPortal,
      postLogoutRedirectUri: `${PORTAL}/signed-out`,
    });
    expect(out.redirect?.href).toBe(`${PORTAL}/signed-out`);
    const silent = await authorize({
      issuer: idp.issuer,
      clientId: CLIENT_IDS.demoPortal,
      redirectUri: PORTAL_CALLBACK,
      prompt: 'none',
      jar: flow.jar,
    });
    expect(silent.error).toBe('login_required');
  });

  it('shows the signed-out page after a sign-out without a redirect URI', async () => {
    const { flow } = await aliceSignsInToPortal(idp);
    const out = await signOut({ issuer: idp.issuer, jar: flow.jar });
    expect(out.page?.html).toContain('data-testid="idp-signed-out"');
  });

  describe('genesys-messenger', () => {
    async function messengerCode(): Promise<string> {
      const { flow } = await aliceSignsInToPortal(idp);
      const silent = await authorize({
        issuer: idp.issuer,
        clientId: CLIENT_IDS.genesysMessenger,
        redirectUri: MESSENGER_CALLBACK,
        prompt: 'none',
        withoutPkce: true,
        jar: flow.jar,
      });
      return String(silent.code);
    }

    it.each(['basic', 'post'] as const)('exchanges its code with client_secret_%s', async (how) => {
      const tokens = await exchangeCode({
        issuer: idp.issuer,
        clientId: CLIENT_IDS.genesysMessenger,
        clientSecret: DEFAULT_GENESYS_CLIENT_SECRET,
        clientAuth: how,
        code: await messengerCode(),
        redirectUri: MESSENGER_CALLBACK,
      });
      expect([tokens.status, typeof tokens.body['id_token']]).toEqual([200, 'string']);
    });

    it('cannot exchange its code with a wrong secret', async () => {
      const tokens = await exchangeCode({
        issuer: idp.issuer,
        clientId: CLIENT_IDS.genesysMessenger,
        clientSecret: 'wrong-secret',
        code: await messengerCode(),
        redirectUri: MESSENGER_CALLBACK,
      });
      expect([tokens.status, tokens.body['error']]).toEqual([401, 'invalid_client']);
    });
  });

  it('rotates the portal’s refresh token and refuses the rotated one', async () => {
    const { tokens } = await aliceSignsInToPortal(idp, 'openid offline_access');
    const client = { issuer: idp.issuer, clientId: CLIENT_IDS.demoPortal };
    const first = String(tokens.body['refresh_token']);
    const renewed = await refreshTokens(client, first);
    expect([renewed.status, typeof renewed.body['refresh_token']]).toEqual([200, 'string']);
    expect(renewed.body['refresh_token']).not.toBe(first);
    expect((await refreshTokens(client, first)).body['error']).toBe('invalid_grant');
  });

  describe('login page', () => {
    async function loginPage() {
      const started = await authorize({
        issuer: idp.issuer,
        clientId: CLIENT_IDS.demoPortal,
        redirectUri: PORTAL_CALLBACK,
      });
      if (!started.page) {
        throw new Error('expected the login page');
      }
      return { page: started.page, jar: started.jar };
    }

    async function wrongPassword(username: string): Promise<string> {
      const { page, jar } = await loginPage();
      const result = await submitLogin(
        page,
        { username, password: 'not-the-password' },
        jar,
        PORTAL_CALLBACK,
      );
      return result.page?.html ?? '';
    }

    it('shows the form with stable test ids', async () => {
      const { page } = await loginPage();
      for (const id of ['idp-login-form', 'idp-username', 'idp-password', 'idp-submit']) {
        expect(page.html).toContain(`data-testid="${id}"`);
      }
    });

    it('shows an error and keeps the username after a wrong password', async () => {
      const html = await wrongPassword('alice');
      expect(html).toContain('data-testid="idp-error"');
      expect(html).toMatch(/value="alice" data-testid="idp-username"/);
    });

    it('escapes HTML in the echoed username', async () => {
      const html = await wrongPassword('"><script>alert(1)</script>');
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    });
  });

  describe('CORS', () => {
    async function preflight(origin: string, path: string): Promise<Response> {
      return fetch(`${idp.issuer}${path}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    }

    it('allows a preflight from http://localhost:4200 to the token endpoint', async () => {
      const response = await preflight(PORTAL, '/token');
      expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    });

    it('refuses a preflight from http://evil.example to the token endpoint', async () => {
      const response = await preflight('http://evil.example', '/token');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('lets the portal’s origin read its token response', async () => {
      const flow = await authorizeWithPassword({
        issuer: idp.issuer,
        clientId: CLIENT_IDS.demoPortal,
        redirectUri: PORTAL_CALLBACK,
        username: 'bob',
        password: TEST_PASSWORDS.bob,
      });
      const tokens = await exchangeCode({
        issuer: idp.issuer,
        clientId: CLIENT_IDS.demoPortal,
        code: flow.code,
        redirectUri: PORTAL_CALLBACK,
        codeVerifier: flow.codeVerifier,
        origin: PORTAL,
      });
      expect(tokens.headers.get('access-control-allow-origin')).toBe(PORTAL);
    });
  });

  it('never writes a secret or password to its output', () => {
    const output = idp.output();
    for (const secret of [DEFAULT_GENESYS_CLIENT_SECRET, ...Object.values(TEST_PASSWORDS)]) {
      expect(output).not.toContain(secret);
    }
  });
});
