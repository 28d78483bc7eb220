import { MessengerAuthErrorCode, isMessengerAuthError } from 'ngx-genesys-messenger-auth/core';
import { loadRemoteProfile } from './remote-profile';

const URL = 'http://localhost:4600/profiles/demo/published';
const DOCUMENT = {
  name: 'demo',
  version: 3,
  bridge: { deploymentId: 'dep-1', environment: 'prod-euw1' },
};

function respond(status: number, body: unknown): Response {
  return { ok: status >= 200 && status < 300, status, json: async () => body } as Response;
}

describe(loadRemoteProfile.name, () => {
  beforeEach(() => localStorage.clear());

  it('loads the published document from the network', async () => {
    const loaded = await loadRemoteProfile(URL, {
      storage: localStorage,
      timeoutMs: 1000,
      fetchFn: async () => respond(200, DOCUMENT),
    });
    expect(loaded).toEqual({ document: DOCUMENT, source: 'network' });
  });

  it('uses the last good copy when the profile server is down', async () => {
    await loadRemoteProfile(URL, {
      storage: localStorage,
      timeoutMs: 1000,
      fetchFn: async () => respond(200, DOCUMENT),
    });
    const loaded = await loadRemoteProfile(URL, {
      storage: localStorage,
      timeoutMs: 1000,
      fetchFn: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(loaded).toEqual({ document: DOCUMENT, source: 'cache' });
  });

  it('uses the last good copy when the server answers an error', async () => {
    await loadRemoteProfile(URL, {
      storage: localStorage,
      timeoutMs: 1000,
      fetchFn: async () => respond(200, DOCUMENT),
    });
    const loaded = await loadRemoteProfile(URL, {
      storage: localStorage,
      timeoutMs: 1000,
      fetchFn: async () => respond(503, {}),
    });
    expect(loaded.source).toBe('cache');
  });

  it('fails with NGMA4180 when there is neither an answer nor a copy', async () => {
    const error = await loadRemoteProfile(URL, {
      storage: localStorage,
      timeoutMs: 1000,
      fetchFn: async () => respond(404, {}),
    }).catch((e: unknown) => e);
    expect(isMessengerAuthError(error, MessengerAuthErrorCode.PROFILE_UNAVAILABLE)).toBe(true);
    expect((error as Error).message).toMatch(/^NGMA4180: the deployment profile .* HTTP 404/);
  });

  it('refuses a document without a bridge configuration with NGMA4181, and does not cache it', async () => {
    const error = await loadRemoteProfile(URL, {
      storage: localStorage,
      timeoutMs: 1000,
      fetchFn: async () => respond(200, { name: 'x' }),
    }).catch((e: unknown) => e);
    expect(isMessengerAuthError(error, MessengerAuthErrorCode.INVALID_PROFILE)).toBe(true);
    expect(localStorage.length).toBe(0);
  });
});
