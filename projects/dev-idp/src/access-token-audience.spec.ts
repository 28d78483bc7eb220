/**
 * The admin app's access tokens are JWTs for the profile server (RFC 8707 resource indicators);
 * every other client keeps opaque access tokens that work at userinfo.
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';

import {
  signInForTokens,
  CLIENT_IDS,
  discover,
  refreshTokens,
  startDevIdp,
  TEST_PASSWORDS,
  TEST_USERS,
} from '../testing';
import type { RunningDevIdp } from '../testing';
import { PROFILE_SERVER_AUDIENCE } from './clients';

jest.setTimeout(20_000);

const ADMIN_CALLBACK = 'http://localhost:4300/callback';
const PORTAL_CALLBACK = 'http://localhost:4200/callback';

type User = keyof typeof TEST_PASSWORDS;

describe('access tokens per client', () => {
  let idp: RunningDevIdp;

  beforeAll(async () => {
    idp = await startDevIdp();
  });
  afterAll(() => idp?.stop());

  async function signIn(clientId: string, redirectUri: string, username: User, scope: string) {
    const tokens = await signInForTokens({
      issuer: idp.issuer,
      clientId,
      redirectUri,
      scope,
      username,
      password: TEST_PASSWORDS[username],
    });
    return tokens.body;
  }

  const adminSignIn = (username: User) =>
    signIn(CLIENT_IDS.admin, ADMIN_CALLBACK, username, 'openid profile roles offline_access');

  async function verify(accessToken: unknown) {
    const metadata = await discover(idp.issuer);
    const keys = createRemoteJWKSet(new URL(String(metadata['jwks_uri'])));
    return jwtVerify(String(accessToken), keys, {
      issuer: idp.issuer,
      audience: PROFILE_SERVER_AUDIENCE,
    });
  }

  async function userinfo(accessToken: unknown): Promise<number> {
    const metadata = await discover(idp.issuer);
    const response = await fetch(String(metadata['userinfo_endpoint']), {
      headers: { authorization: `Bearer ${String(accessToken)}` },
    });
    await response.body?.cancel();
    return response.status;
  }

  it("gives ada's admin access token the profile server's audience, her roles and sub, signed by the IdP", async () => {
    const before = Math.floor(Date.now() / 1000);
    const tokens = await adminSignIn('ada');
    const { payload, protectedHeader } = await verify(tokens['access_token']);
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(payload).toMatchObject({
      iss: idp.issuer,
      aud: PROFILE_SERVER_AUDIENCE,
      client_id: CLIENT_IDS.admin,
      sub: TEST_USERS.find((u) => u.username === 'ada')?.sub,
      roles: ['admin'],
      preferred_username: 'ada',
    });
    expect((payload.iat ?? 0) - before).toBeLessThan(5);
  });

  it('makes the JWT live as long as every access token (300 s) and says so in expires_in', async () => {
    const tokens = await adminSignIn('ada');
    const { payload } = await verify(tokens['access_token']);
    expect([(payload.exp ?? 0) - (payload.iat ?? 0), tokens['expires_in']]).toEqual([300, 300]);
  });

  it("puts alice's customer role into her admin access token", async () => {
    const { payload } = await verify((await adminSignIn('alice'))['access_token']);
    expect(payload['roles']).toEqual(['customer']);
  });

  it('issues a JWT for the same audience again on refresh', async () => {
    const tokens = await adminSignIn('ada');
    const renewed = await refreshTokens(
      { issuer: idp.issuer, clientId: CLIENT_IDS.admin },
      String(tokens['refresh_token']),
    );
    expect(renewed.status).toBe(200);
    const { payload } = await verify(renewed.body['access_token']);
    expect(payload).toMatchObject({ aud: PROFILE_SERVER_AUDIENCE, roles: ['admin'] });
  });

  it("still puts the roles claim into the admin app's ID token", async () => {
    const tokens = await adminSignIn('ada');
    const idToken = await jwtVerify(
      String(tokens['id_token']),
      createRemoteJWKSet(new URL(String((await discover(idp.issuer))['jwks_uri']))),
      { issuer: idp.issuer, audience: CLIENT_IDS.admin },
    );
    expect(idToken.payload['roles']).toEqual(['admin']);
  });

  it('refuses the admin JWT at userinfo (its audience is the profile server)', async () => {
    expect(await userinfo((await adminSignIn('ada'))['access_token'])).toBe(401);
  });

  it("keeps the demo portal's access token opaque and good at userinfo", async () => {
    const tokens = await signIn(CLIENT_IDS.demoPortal, PORTAL_CALLBACK, 'alice', 'openid profile');
    expect(String(tokens['access_token']).split('.')).toHaveLength(1);
    expect(await userinfo(tokens['access_token'])).toBe(200);
  });
});
