import { messengerTokenKeys } from 'ngx-genesys-messenger-auth/core';
import { InMemoryGenesysBackend, TEST_DEPLOYMENT } from '../backend/in-memory-genesys-backend';
import { EmulatedAuthPlugin } from './emulated-auth-plugin';
import {
  answerCode,
  openTab,
  ProviderScript,
  REDIRECT,
  settle,
  type Tab,
} from './messenger-emulator.spec-helpers';

const KEYS = messengerTokenKeys(TEST_DEPLOYMENT.id);

describe(`${EmulatedAuthPlugin.name} over Genesys' per-minute limits (contract §4)`, () => {
  let backend: InMemoryGenesysBackend;
  let provider: ProviderScript;

  const code = () => backend.idp.issueCode({ subject: 'alice', accessTokenLifetime: 300 });
  /** Runs an `Auth.*` command as a page does and returns how it settled. */
  const command = async (tab: Tab, name: string, data: unknown = {}) => {
    const settled: { resolved?: unknown; rejected?: unknown } = {};
    tab.Genesys?.(
      'command',
      name,
      data,
      (value: unknown) => (settled.resolved = value),
      (error: unknown) => (settled.rejected = error),
    );
    await settle();
    return settled;
  };

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-26T09:00:00Z') });
    window.localStorage.clear();
    backend = new InMemoryGenesysBackend({ rateLimits: { exchange: 1, refresh: 1 } });
    provider = new ProviderScript();
    provider.getAuthCode = answerCode(code());
  });

  afterEach(() => jest.useRealTimers());

  it('rejects a rate-limited Auth.refreshToken with an Error whose status is 429', async () => {
    const { tab } = await openTab(backend, provider);
    await command(tab, 'Auth.refreshToken');
    const { rejected } = await command(tab, 'Auth.refreshToken');
    expect(rejected).toBeInstanceOf(Error);
    expect(rejected).toMatchObject({
      status: 429,
      message: expect.stringContaining('Too many requests'),
      retryAfterSeconds: 60,
    });
  });

  it('publishes Auth.tokenError with the status and Retry-After and, as in the field, clears the tokens', async () => {
    const { tab, messenger } = await openTab(backend, provider);
    await command(tab, 'Auth.refreshToken');
    await command(tab, 'Auth.refreshToken');
    expect(provider.eventData.get('tokenError')).toEqual({
      message: expect.stringContaining('Too many requests'),
      status: 429,
      retryAfterSeconds: 60,
    });
    expect(window.localStorage.getItem(KEYS.refreshToken)).toBeNull();
    expect(messenger.state.auth).toBe('reauthenticate');
  });

  it('publishes Auth.error with the status of a rate-limited exchange and re-authenticates', async () => {
    const { tab } = await openTab(backend, provider);
    const { rejected } = await command(tab, 'Auth.getTokens', {
      authCode: code(),
      redirectUri: REDIRECT,
    });
    expect(rejected).toMatchObject({ status: 429 });
    expect(provider.eventData.get('error')).toEqual({
      message: expect.stringContaining('Too many requests'),
      status: 429,
      retryAfterSeconds: 60,
    });
    expect(provider.calls).toEqual(['getAuthCode', 'reAuthenticate']);
  });

  it('publishes the status of other refusals too (400 for a used code)', async () => {
    const single = code();
    provider.getAuthCode = answerCode(single);
    backend.genesys.tokens.limits.set({ exchange: null });
    const { tab } = await openTab(backend, provider);
    await command(tab, 'Auth.getTokens', { authCode: single, redirectUri: REDIRECT });
    expect(provider.eventData.get('error')).toEqual({
      message: 'the authorization code was already used',
      status: 400,
    });
  });

  it('publishes only the message of an error no Genesys call caused', async () => {
    provider.getAuthCode = (e) => e.reject(new Error('no session'));
    await openTab(backend, provider);
    expect(provider.eventData.get('authError')).toEqual({ message: 'no session' });
  });
});
