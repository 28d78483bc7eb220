/**
 * The allow-list of custom Genesys environment origins (`--allowed-environment-origins`), over
 * real HTTP: regions always pass; a custom origin only when the server lists it.
 */
import { createDefaultProfile } from 'ngx-genesys-messenger-auth/profile';

import { startTestServer, TEST_ENVIRONMENT_ORIGIN, type TestServer } from '../testing/test-server';

const onEnvironment = (environment: string) => {
  const profile = createDefaultProfile('bank');
  return { ...profile, genesys: { ...profile.genesys, environment } };
};

describe('Genesys environment origins', () => {
  let server: TestServer;
  afterEach(() => server.stop());

  const save = async (environment: string) => {
    const ada = await server.issuer.admin();
    const created = await server.call('POST', '/admin/profiles', {
      token: ada,
      body: { name: 'bank' },
    });
    return server.call('PUT', '/admin/profiles/bank', {
      token: ada,
      body: onEnvironment(environment),
      headers: { 'if-match': created.body.etag },
    });
  };

  describe('on a server that allows none', () => {
    beforeEach(async () => {
      server = await startTestServer({ environmentOrigins: [] });
    });

    it('refuses a custom origin with 422 on genesys.environment', async () => {
      const answer = await save(TEST_ENVIRONMENT_ORIGIN);
      expect([answer.status, answer.body.issues]).toEqual([
        422,
        [expect.objectContaining({ path: 'genesys.environment', code: 'environment-not-allowed' })],
      ]);
    });

    it('accepts a region', async () => {
      expect((await save('euw1')).status).toBe(200);
    });

    it('creates a profile without a body on the region prod', async () => {
      const ada = await server.issuer.admin();
      const created = await server.call('POST', '/admin/profiles', {
        token: ada,
        body: { name: 'fresh' },
      });
      expect([created.status, created.body.draft.genesys.environment]).toEqual([201, 'prod']);
    });
  });

  describe('on a server that allows the simulator', () => {
    beforeEach(async () => {
      server = await startTestServer({ environmentOrigins: [TEST_ENVIRONMENT_ORIGIN] });
    });

    it('accepts the simulator origin', async () => {
      expect((await save(TEST_ENVIRONMENT_ORIGIN)).status).toBe(200);
    });

    it('refuses any other custom origin', async () => {
      const answer = await save('https://genesys.example.com');
      expect([answer.status, answer.body.issues[0].code]).toEqual([422, 'environment-not-allowed']);
    });
  });
});
