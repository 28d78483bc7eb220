import { MessengerAuthErrorCode, isMessengerAuthError } from 'ngx-genesys-messenger-auth/core';
import { MessengerAuthLogger, MessengerAuthLogLevel } from 'ngx-genesys-messenger-auth/core';
import { loadRemoteProfile, type ProfileLoadOptions } from './remote-profile';

const URL = 'http://localhost:4600/profiles/demo/published';
const DOCUMENT = {
  name: 'demo',
  version: 3,
  bridge: { deploymentId: 'dep-1', environment: 'prod-euw1' },
};
const SIMULATOR = 'http://localhost:4500';
const ATTACKER = 'https://genesys.attacker.example';

function respond(status: number, body: unknown): Response {
  return { ok: status >= 200 && status < 300, status, json: async () => body } as Response;
}

/** Loads the profile with the server answering `body` (a document) or failing (an Error). */
function load(answer: unknown, options: Partial<ProfileLoadOptions> = {}) {
  return loadRemoteProfile(URL, {
    storage: localStorage,
    timeoutMs: 1000,
    fetchFn: async () => {
      if (answer instanceof Error) throw answer;
      return respond(200, answer);
    },
    ...options,
  });
}

/** A document of another version whose bridge configuration is changed by `bridge`. */
function versionWith(version: number, bridge: object) {
  return { ...DOCUMENT, version, bridge: { ...DOCUMENT.bridge, ...bridge } };
}

const serverDown = () => new TypeError('Failed to fetch');
const cachedVersion = () =>
  (JSON.parse(localStorage.getItem(`ngma:profile:${URL}`) ?? '{}') as { version?: number }).version;

describe(loadRemoteProfile.name, () => {
  beforeEach(() => localStorage.clear());

  it('loads the published document from the network', async () => {
    const loaded = await load(DOCUMENT);
    expect(loaded).toMatchObject({ document: DOCUMENT, source: 'network' });
  });

  it('resolves the configuration: the portal settings under the document', async () => {
    const loaded = await load(DOCUMENT, { setup: { redirectPath: '/chat', environment: 'prod' } });
    expect(loaded.config).toMatchObject({
      deploymentId: 'dep-1',
      environment: 'prod-euw1',
      redirectPath: '/chat',
    });
  });

  it('uses the last good copy when the profile server is down', async () => {
    await load(DOCUMENT);
    const loaded = await load(serverDown());
    expect(loaded).toMatchObject({ document: DOCUMENT, source: 'cache' });
  });

  it('uses the last good copy when the server answers an error', async () => {
    await load(DOCUMENT);
    const loaded = await load(DOCUMENT, { fetchFn: async () => respond(503, {}) });
    expect(loaded.source).toBe('cache');
  });

  it('fails with NGMA4180 when there is neither an answer nor a copy', async () => {
    const error = await load(DOCUMENT, { fetchFn: async () => respond(404, {}) }).catch(
      (e: unknown) => e,
    );
    expect(isMessengerAuthError(error, MessengerAuthErrorCode.PROFILE_UNAVAILABLE)).toBe(true);
    expect((error as Error).message).toMatch(/^NGMA4180: the deployment profile .* HTTP 404/);
  });

  it('refuses a document without a bridge configuration with NGMA4181, and does not cache it', async () => {
    const error = await load({ name: 'x' }).catch((e: unknown) => e);
    expect(isMessengerAuthError(error, MessengerAuthErrorCode.INVALID_PROFILE)).toBe(true);
    expect(localStorage.length).toBe(0);
  });

  describe('a published document the core refuses', () => {
    const refused = versionWith(4, { deploymentId: 'dep 4' });

    it('falls back to the last good copy', async () => {
      await load(DOCUMENT);
      const loaded = await load(refused);
      expect([loaded.source, loaded.document.version]).toEqual(['cache', 3]);
    });

    it('does not replace the last good copy', async () => {
      await load(DOCUMENT);
      await load(refused);
      expect(cachedVersion()).toBe(3);
    });

    it('fails with NGMA4181 naming the field and the URL when no good copy is cached', async () => {
      const error = await load(refused).catch((e: unknown) => e);
      expect(isMessengerAuthError(error, MessengerAuthErrorCode.INVALID_PROFILE)).toBe(true);
      expect([(error as Error).message, (error as { field?: string }).field]).toEqual([
        `NGMA4181: the deployment profile ${URL} is invalid: deploymentId must be 1–128 letters, digits, "-" or "_" (got "dep 4")`,
        'deploymentId',
      ]);
    });

    it('warns with the code and the version of the copy it uses instead', async () => {
      const logger = { log: jest.fn() } as jest.Mocked<MessengerAuthLogger>;
      await load(DOCUMENT);
      await load(refused, { logger });
      expect(logger.log).toHaveBeenCalledWith(
        MessengerAuthLogLevel.Warn,
        expect.stringMatching(
          /^NGMA4181: .*deploymentId.*; using the last good copy \(version 3\)$/,
        ),
      );
    });
  });

  it('does not use a cached copy the core refuses', async () => {
    localStorage.setItem(`ngma:profile:${URL}`, JSON.stringify(versionWith(2, { scope: 'x' })));
    const error = await load(serverDown()).catch((e: unknown) => e);
    expect(isMessengerAuthError(error, MessengerAuthErrorCode.PROFILE_UNAVAILABLE)).toBe(true);
  });

  it("reports the portal's own invalid settings as NGMA4101, not as the profile's fault", async () => {
    const error = await load(DOCUMENT, { setup: { redirectPath: 'chat' } }).catch(
      (e: unknown) => e,
    );
    expect(isMessengerAuthError(error, MessengerAuthErrorCode.INVALID_CONFIG)).toBe(true);
  });

  describe('the environment a profile names', () => {
    it('refuses an origin that is not a Genesys region, saying how to allow it', async () => {
      const error = await load(versionWith(4, { environment: ATTACKER })).catch((e: unknown) => e);
      expect(isMessengerAuthError(error, MessengerAuthErrorCode.INVALID_PROFILE)).toBe(true);
      expect((error as Error).message).toBe(
        `NGMA4181: the deployment profile ${URL} names environment ${ATTACKER}, which is not a ` +
          'Genesys region; if you trust that origin, allow it with ' +
          'withRemoteProfile(url, { allowedEnvironmentOrigins: [...] })',
      );
    });

    it('keeps the portal on the last good copy instead of that origin', async () => {
      await load(DOCUMENT);
      const loaded = await load(versionWith(4, { environment: ATTACKER }));
      expect([loaded.source, loaded.config.environment]).toEqual(['cache', 'prod-euw1']);
    });

    it('accepts a custom origin the portal allow-lists', async () => {
      const loaded = await load(versionWith(4, { environment: SIMULATOR }), {
        allowedEnvironmentOrigins: [SIMULATOR],
      });
      expect([loaded.source, loaded.config.environment]).toEqual(['network', SIMULATOR]);
    });

    it('refuses a custom origin other than the allow-listed ones', async () => {
      const error = await load(versionWith(4, { environment: ATTACKER }), {
        allowedEnvironmentOrigins: [SIMULATOR],
      }).catch((e: unknown) => e);
      expect(isMessengerAuthError(error, MessengerAuthErrorCode.INVALID_PROFILE)).toBe(true);
    });

    it('accepts a custom origin written in the portal settings when the profile names none', async () => {
      const loaded = await load(
        { ...DOCUMENT, bridge: { deploymentId: 'dep-1' } },
        { setup: { environment: SIMULATOR } },
      );
      expect(loaded.config.environment).toBe(SIMULATOR);
    });

    it('re-checks a cached copy against the allow-list of today', async () => {
      await load(versionWith(2, { environment: SIMULATOR }), {
        allowedEnvironmentOrigins: [SIMULATOR],
      });
      const error = await load(serverDown()).catch((e: unknown) => e);
      expect(isMessengerAuthError(error, MessengerAuthErrorCode.PROFILE_UNAVAILABLE)).toBe(true);
    });
  });
});
