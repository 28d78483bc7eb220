/**
 * The profile server with the real dev IdP: the admin app's JWT access tokens (resource
 * indicator `http://localhost:4600`) are verified with the IdP's JWKS, found by discovery.
 */
import {
  signInForTokens,
  CLIENT_IDS,
  startDevIdp,
  TEST_PASSWORDS,
  type RunningDevIdp,
} from '../../dev-idp/testing';
import { startTestServer, type TestServer } from '../testing/test-server';
import { createAuthenticator } from './auth';

const AUDIENCE = 'http://localhost:4600';

describe('profile server with the dev IdP', () => {
  let idp: RunningDevIdp;
  let server: TestServer;

  beforeAll(async () => {
    idp = await startDevIdp();
    server = await startTestServer({
      auth: createAuthenticator({
        issuer: idp.issuer,
        audience: AUDIENCE,
        clientId: CLIENT_IDS.admin,
      }),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await idp?.stop();
  });

  async function accessToken(
    clientId: string,
    redirectUri: string,
    user: 'ada' | 'alice' | 'rosalind',
  ) {
    const tokens = await signInForTokens({
      issuer: idp.issuer,
      clientId,
      redirectUri,
      scope: 'openid profile roles offline_access',
      username: user,
      password: TEST_PASSWORDS[user],
    });
    return String(tokens.body['access_token']);
  }
  const adminToken = (user: 'ada' | 'alice' | 'rosalind') =>
    accessToken(CLIENT_IDS.admin, 'http://localhost:4300/callback', user);

  it("accepts ada's admin access token for a write and names her in the audit trail", async () => {
    const token = await adminToken('ada');
    const created = await server.call('POST', '/admin/profiles', {
      token,
      body: { name: 'from-idp' },
    });
    expect([created.status, created.body.updatedBy]).toEqual([201, 'ada']);
    const audit = await server.call('GET', '/admin/audit?profile=from-idp', { token });
    expect(audit.body.entries[0]).toMatchObject({ action: 'create', actorName: 'ada' });
  });

  it('lets rosalind (reader) read with her admin-app token but answers her write with 403', async () => {
    const token = await adminToken('rosalind');
    expect((await server.call('GET', '/admin/profiles', { token })).status).toBe(200);
    const write = await server.call('POST', '/admin/profiles', { token, body: { name: 'hers' } });
    expect([write.status, write.body.error]).toEqual([403, 'forbidden']);
  });

  it('answers alice (a customer, neither role) with 403 even for reading', async () => {
    const token = await adminToken('alice');
    const read = await server.call('GET', '/admin/profiles', { token });
    expect([read.status, read.body.issues[0].code]).toEqual([403, 'read-role-required']);
  });

  it("refuses the demo portal's opaque access token with 401", async () => {
    const token = await accessToken(CLIENT_IDS.demoPortal, 'http://localhost:4200/callback', 'ada');
    expect((await server.call('GET', '/admin/profiles', { token })).status).toBe(401);
  });
});
