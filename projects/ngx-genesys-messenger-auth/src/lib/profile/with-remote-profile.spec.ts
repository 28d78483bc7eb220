import { TestBed } from '@angular/core/testing';
import { MessengerAuthErrorCode, isMessengerAuthError } from 'ngx-genesys-messenger-auth/core';
import { createDefaultProfile, publishedDocument } from 'ngx-genesys-messenger-auth/profile';
import { ConsoleMessengerAuthLogger, MessengerAuthLogLevel } from 'ngx-genesys-messenger-auth/core';
import { MESSENGER_AUTH_CONFIG_SOURCE } from '../messenger-auth-tokens';
import { PORTAL_AUTH } from '../messenger-auth.spec-helpers';
import {
  provideMessengerAuth,
  withMessengerAuthLogger,
  withRemoteProfile,
  type MessengerAuthFeature,
} from '../provide-messenger-auth';

const URL = 'http://localhost:4600/profiles/demo/published';
const SIMULATOR = 'http://localhost:4500';
const ATTACKER = 'https://genesys.attacker.example';

function configureWith(
  answer: () => Promise<Response>,
  profile = withRemoteProfile(URL),
  ...features: MessengerAuthFeature[]
): void {
  // jsdom has no fetch: the page's fetch is this test's answer.
  Object.defineProperty(globalThis, 'fetch', {
    configurable: true,
    writable: true,
    value: jest.fn(answer),
  });
  TestBed.configureTestingModule({
    providers: [
      ...PORTAL_AUTH,
      provideMessengerAuth(
        { redirectPath: '/chat/callback', scope: 'openid' },
        profile,
        ...features,
      ),
    ],
  });
}

const answer = (document: object) =>
  Promise.resolve({ ok: true, status: 200, json: async () => document } as Response);
const published = (bridge: object) => answer({ name: 'demo', version: 2, bridge });
const loadedConfig = () => TestBed.inject(MESSENGER_AUTH_CONFIG_SOURCE);
const loadError = () => loadedConfig().catch((e: unknown) => e);

describe(withRemoteProfile.name, () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => delete (globalThis as { fetch?: unknown }).fetch);

  it('runs the bridge with the published settings over the ones written in the code', async () => {
    configureWith(() =>
      published({
        deploymentId: 'dep-7',
        environment: 'prod-euc1',
        clientId: 'genesys',
        scope: 'openid profile',
      }),
    );
    expect(await loadedConfig()).toMatchObject({
      deploymentId: 'dep-7',
      environment: 'prod-euc1',
      clientId: 'genesys',
      scope: 'openid profile',
      redirectPath: '/chat/callback',
    });
  });

  it('refuses a published profile that misses a required field with NGMA4181, naming it and the URL', async () => {
    configureWith(() => published({ environment: 'prod-euc1' }));
    const error = await loadError();
    expect(isMessengerAuthError(error, MessengerAuthErrorCode.INVALID_PROFILE)).toBe(true);
    expect((error as Error).message).toContain(`${URL} is invalid: deploymentId must be`);
  });

  it("runs on the last good copy when the server publishes one the core refuses, and warns the bridge's logger", async () => {
    const logger = new ConsoleMessengerAuthLogger(MessengerAuthLogLevel.None);
    const log = jest.spyOn(logger, 'log');
    configureWith(
      () => published({ deploymentId: 'dep-7', environment: 'prod-euc1' }),
      withRemoteProfile(URL),
      withMessengerAuthLogger(logger),
    );
    await loadedConfig();
    TestBed.resetTestingModule();
    configureWith(
      () => published({ deploymentId: 'dep-8', environment: ATTACKER }),
      withRemoteProfile(URL),
      withMessengerAuthLogger(logger),
    );
    expect((await loadedConfig()).deploymentId).toBe('dep-7');
    expect(log).toHaveBeenCalledWith(
      MessengerAuthLogLevel.Warn,
      expect.stringMatching(/^NGMA4181: .* names environment https:\/\/genesys\.attacker\.example/),
    );
  });

  it('refuses a profile whose environment is an origin, not a Genesys region', async () => {
    configureWith(() => published({ deploymentId: 'dep-7', environment: ATTACKER }));
    const error = await loadError();
    expect(isMessengerAuthError(error, MessengerAuthErrorCode.INVALID_PROFILE)).toBe(true);
    expect((error as Error).message).toContain('allowedEnvironmentOrigins');
  });

  it('accepts an environment origin the portal allow-lists', async () => {
    configureWith(
      () => published({ deploymentId: 'dep-7', environment: `${SIMULATOR}/` }),
      withRemoteProfile(URL, { allowedEnvironmentOrigins: [SIMULATOR] }),
    );
    expect((await loadedConfig()).environment).toBe(SIMULATOR);
  });

  it('refuses an allow-list entry that is not an origin when the feature is created', () => {
    expect(() =>
      withRemoteProfile(URL, { allowedEnvironmentOrigins: [`${SIMULATOR}/genesys`] }),
    ).toThrow(/^NGMA4101: allowedEnvironmentOrigins\[0\] must be an origin/);
  });

  it("runs the bridge with the admin's silent-only setting from a published profile", async () => {
    const profile = createDefaultProfile('demo');
    const silentOnly = { ...profile, refresh: { ...profile.refresh, reauthMode: 'silent-only' } };
    configureWith(
      () => answer(publishedDocument(silentOnly as typeof profile, 4)),
      withRemoteProfile(URL, { allowedEnvironmentOrigins: [SIMULATOR] }),
    );
    expect((await loadedConfig()).reauthMode).toBe('silent-only');
  });

  it('reports NGMA4180 when the profile server is down and nothing is cached', async () => {
    configureWith(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await loadError();
    expect(isMessengerAuthError(error, MessengerAuthErrorCode.PROFILE_UNAVAILABLE)).toBe(true);
  });
});
