/**
 * Concurrent requests to one server process, on either engine: each ETag-checked change is one
 * transaction, so of many writers with the same If-Match exactly one wins, and no request's
 * statements run inside another's transaction.
 */
import { createDefaultProfile } from 'ngx-genesys-messenger-auth/profile';

import { startTestServer, TEST_ENGINE, type TestServer } from '../testing/test-server';

describe(`concurrent writes to one server (${TEST_ENGINE})`, () => {
  let server: TestServer;
  let ada: string;

  beforeEach(async () => {
    server = await startTestServer();
    ada = await server.issuer.admin('ada');
  });
  afterEach(() => server.stop());

  it('lets one of 20 edits with the same If-Match win; the trail has exactly the accepted writes', async () => {
    const created = await server.call('POST', '/admin/profiles', {
      token: ada,
      body: { name: 'bank' },
    });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const draft = structuredClone(createDefaultProfile('bank'));
        (draft.refresh as { leadSeconds: number }).leadSeconds = 100 + i;
        return server.call('PUT', '/admin/profiles/bank', {
          token: ada,
          body: draft,
          headers: { 'if-match': created.body.etag },
        });
      }),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, ...Array.from({ length: 19 }, () => 412)]);
    const audit = await server.call('GET', '/admin/audit?profile=bank&limit=100', { token: ada });
    expect(audit.body.entries.map((entry: { action: string }) => entry.action)).toEqual([
      'update',
      'create',
    ]);
  });

  it('keeps reads outside of a running change: 20 creates and 20 lists at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => [
        server.call('POST', '/admin/profiles', { token: ada, body: { name: `p${i}` } }),
        server.call('GET', '/admin/profiles', { token: ada }),
      ]).flat(),
    );
    expect(answers.map((answer) => answer.status).filter((s) => s >= 300)).toEqual([]);
    const list = await server.call('GET', '/admin/profiles', { token: ada });
    expect(list.body.profiles).toHaveLength(20);
  });
});
