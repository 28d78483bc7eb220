import { CLIENT_IDS, refreshTokens, signInToPortal, startDevIdp } from '../testing';
import type { RunningDevIdp } from '../testing';
import { parseLifetimeChange } from './test-lifetimes';

jest.setTimeout(20_000);

const aliceSignsIn = (idp: RunningDevIdp) =>
  signInToPortal(idp.issuer, 'alice', 'openid profile offline_access');

async function control(idp: RunningDevIdp, path: string, init: RequestInit = {}) {
  const response = await fetch(`${idp.issuer}/__idp/${path}`, {
    ...init,
    headers: { 'content-type': 'application/json' },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const post = (idp: RunningDevIdp, path: string, body: string) =>
  control(idp, path, { method: 'POST', body });

describe('parseLifetimeChange', () => {
  it('takes any of the four lifetimes', () => {
    expect(parseLifetimeChange({ accessToken: 600, session: 7200 })).toEqual({
      accessToken: 600,
      session: 7200,
    });
  });

  it.each([
    [[], 'send a JSON object such as {"accessToken": 600} or {"reset": true}'],
    [{}, 'name at least one lifetime, or send {"reset": true}'],
    [
      { accesToken: 60 },
      'unknown field "accesToken"; known: accessToken, idToken, refreshToken, session, reset',
    ],
    [{ accessToken: 0 }, 'accessToken must be whole seconds from 1 to 31536000, got 0'],
    [{ idToken: 1.5 }, 'idToken must be whole seconds from 1 to 31536000, got 1.5'],
    [{ session: '60' }, 'session must be whole seconds from 1 to 31536000, got "60"'],
    [
      { refreshToken: 31_536_001 },
      'refreshToken must be whole seconds from 1 to 31536000, got 31536001',
    ],
  ])('refuses %j with a message naming the field', (body, message) => {
    expect(parseLifetimeChange(body)).toBe(message);
  });
});

describe('dev-idp with --test-controls on', () => {
  let idp: RunningDevIdp;

  beforeAll(async () => {
    idp = await startDevIdp(['--test-controls', 'on', '--access-token-ttl', '300']);
  });
  afterEach(() => post(idp, 'lifetimes', '{"reset": true}'));
  afterAll(() => idp?.stop());

  it('answers the lifetimes in force and the configured ones', async () => {
    const { status, body } = await control(idp, 'lifetimes');
    expect(status).toBe(200);
    expect(body['lifetimes']).toEqual(body['configured']);
    expect(body['lifetimes']).toMatchObject({ accessToken: 300 });
  });

  it('issues tokens with a changed access-token lifetime, at sign-in and at refresh', async () => {
    const before = await aliceSignsIn(idp);
    expect(before.body['expires_in']).toBe(300);

    expect(await post(idp, 'lifetimes', '{"accessToken": 1200}')).toMatchObject({
      status: 200,
      body: { lifetimes: { accessToken: 1200 }, configured: { accessToken: 300 } },
    });
    const refreshed = await refreshTokens(
      { issuer: idp.issuer, clientId: CLIENT_IDS.demoPortal },
      String(before.body['refresh_token']),
    );
    expect(refreshed.body['expires_in']).toBe(1200);
    expect((await aliceSignsIn(idp)).body['expires_in']).toBe(1200);
  });

  it('restores the configured lifetimes on reset', async () => {
    await post(idp, 'lifetimes', '{"accessToken": 60}');
    await post(idp, 'lifetimes', '{"reset": true}');
    expect((await aliceSignsIn(idp)).body['expires_in']).toBe(300);
  });

  it('refuses a bad change with 400 and keeps the lifetimes', async () => {
    expect(await post(idp, 'lifetimes', '{"accessToken": -1}')).toEqual({
      status: 400,
      body: { error: 'accessToken must be whole seconds from 1 to 31536000, got -1' },
    });
    expect(await post(idp, 'lifetimes', '{not json')).toMatchObject({ status: 400 });
    expect((await control(idp, 'lifetimes')).body['lifetimes']).toMatchObject({ accessToken: 300 });
  });

  it('refuses other methods with 405', async () => {
    expect((await control(idp, 'lifetimes', { method: 'PUT', body: '{}' })).status).toBe(405);
    expect((await control(idp, 'clock')).status).toBe(405);
  });

  it('shifts its clock and puts it back', async () => {
    const shifted = await post(idp, 'clock', '{"shiftMs": 3600000}');
    expect(shifted).toMatchObject({ status: 200, body: { offsetMs: 3_600_000 } });
    const reset = await post(idp, 'clock', '{"reset": true}');
    expect(reset.body['offsetMs']).toBe(0);
    expect((await post(idp, 'clock', '{"shiftMs": "soon"}')).status).toBe(400);
  });
});

describe('dev-idp without test controls', () => {
  let idp: RunningDevIdp;

  beforeAll(async () => {
    idp = await startDevIdp();
  });
  afterAll(() => idp?.stop());

  it('serves neither the clock nor the lifetimes', async () => {
    for (const path of ['clock', 'lifetimes']) {
      const response = await fetch(`${idp.issuer}/__idp/${path}`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(404);
    }
  });
});
