import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideAuth } from 'angular-auth-oidc-client';
import { MessengerAuthErrorCode, isMessengerAuthError } from 'ngx-genesys-messenger-auth/core';
import { MESSENGER_AUTH_CONFIG_SOURCE } from '../messenger-auth-tokens';
import { provideMessengerAuth, withRemoteProfile } from '../provide-messenger-auth';

const URL = 'http://localhost:4600/profiles/demo/published';

function configureWith(answer: () => Promise<Response>): void {
  // jsdom has no fetch: the page's fetch is this test's answer.
  Object.defineProperty(globalThis, 'fetch', {
    configurable: true,
    writable: true,
    value: jest.fn(answer),
  });
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideAuth({
        config: {
          authority: 'https://idp.invalid',
          clientId: 'portal',
          redirectUrl: 'http://localhost/callback',
          responseType: 'code',
          scope: 'openid profile',
        },
      }),
      provideMessengerAuth(
        { redirectPath: '/chat/callback', scope: 'openid' },
        withRemoteProfile(URL),
      ),
    ],
  });
}

const published = (bridge: object) =>
  Promise.resolve({
    ok: true,
    status: 200,
    json: async () => ({ name: 'demo', version: 2, bridge }),
  } as Response);

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
    const config = await TestBed.inject(MESSENGER_AUTH_CONFIG_SOURCE);
    expect(config).toMatchObject({
      deploymentId: 'dep-7',
      environment: 'prod-euc1',
      clientId: 'genesys',
      scope: 'openid profile',
      redirectPath: '/chat/callback',
    });
  });

  it('refuses a published profile that misses a required field, naming it', async () => {
    configureWith(() => published({ environment: 'prod-euc1' }));
    const error = await TestBed.inject(MESSENGER_AUTH_CONFIG_SOURCE).catch((e: unknown) => e);
    expect(isMessengerAuthError(error, MessengerAuthErrorCode.INVALID_CONFIG)).toBe(true);
    expect((error as Error).message).toContain('deploymentId');
  });

  it('reports NGMA4180 when the profile server is down and nothing is cached', async () => {
    configureWith(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await TestBed.inject(MESSENGER_AUTH_CONFIG_SOURCE).catch((e: unknown) => e);
    expect(isMessengerAuthError(error, MessengerAuthErrorCode.PROFILE_UNAVAILABLE)).toBe(true);
  });
});
