import {
  installGenesysSnippet,
  messengerTokenKeys,
  type GenesysAuthCodeResult,
  type GenesysEnvelope,
} from 'ngx-genesys-messenger-auth/core';
import { InMemoryGenesysBackend, TEST_DEPLOYMENT } from '../backend/in-memory-genesys-backend';
import { MessengerEmulator } from './messenger-emulator';
import {
  answerCode,
  openTab as openPage,
  ProviderScript,
  REDIRECT,
  settle,
  Tab,
} from './messenger-emulator.spec-helpers';
import {
  ALL_MESSENGER_VARIANTS,
  ALL_MESSENGER_VARIANTS_KEEPING_TOKENS,
  type MessengerVariants,
} from './messenger-variants';

const KEYS = messengerTokenKeys(TEST_DEPLOYMENT.id);

describe(MessengerEmulator.name, () => {
  let backend: InMemoryGenesysBackend;
  let provider: ProviderScript;

  const code = (lifetime = 300) =>
    backend.idp.issueCode({ subject: 'alice', accessTokenLifetime: lifetime });
  const openTab = (variants: Partial<MessengerVariants> = {}, script = provider) =>
    openPage(backend, script, variants);

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-26T09:00:00Z') });
    window.localStorage.clear();
    backend = new InMemoryGenesysBackend();
    provider = new ProviderScript();
  });

  afterEach(() => jest.useRealTimers());

  describe('loading (contract §1)', () => {
    it('replaces the snippet stub and drains its queue only after the configuration arrived', async () => {
      backend.genesys.faults.add({ endpoint: 'config', delayMs: 5_000 });
      const tab = new Tab();
      provider.install(tab);
      const stub = tab.Genesys;
      const messenger = new MessengerEmulator({ window: tab, backend });
      const booted = messenger.boot();
      expect(tab.Genesys).not.toBe(stub);
      await jest.advanceTimersByTimeAsync(4_000);
      expect(provider.plugin).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1_000);
      await booted;
      expect(provider.plugin).toBeDefined();
    });

    it('republishes GenesysJS.configurationReceived with the deployment auth settings', async () => {
      const { tab } = await openTab();
      const seen: GenesysEnvelope[] = [];
      tab.Genesys?.('subscribe', 'GenesysJS.configurationReceived', (e) => seen.push(e));
      await settle();
      expect(seen[0].data).toEqual({
        deploymentConfig: { auth: { enabled: true, allowSessionUpgrade: true } },
        snippetConfig: { environment: 'test', deploymentId: TEST_DEPLOYMENT.id },
      });
    });

    it('opens and closes with the Messenger commands and publishes Messenger.opened', async () => {
      const { tab, messenger } = await openTab();
      const opened = jest.fn();
      tab.Genesys?.('subscribe', 'Messenger.opened', opened);
      tab.Genesys?.('command', 'Messenger.open');
      await settle();
      expect([messenger.state.open, opened.mock.calls.length]).toEqual([true, 1]);
    });
  });

  describe('signing in (contracts §2–3)', () => {
    it('asks AuthProvider.getAuthCode for a code, exchanges it and stores both tokens', async () => {
      provider.getAuthCode = answerCode(code());
      const { messenger } = await openTab();
      expect(provider.calls).toEqual(['getAuthCode']);
      expect(messenger.state.auth).toBe('authenticated');
      expect(window.localStorage.getItem(KEYS.jwt)).toMatch(/\./);
      expect(window.localStorage.getItem(KEYS.refreshToken)).toBeTruthy();
      expect(provider.events).toContain('authenticated');
    });

    it('publishes MessagingService.started once authenticated', async () => {
      provider.getAuthCode = answerCode(code());
      const { tab } = await openTab();
      const started = jest.fn();
      tab.Genesys?.('subscribe', 'MessagingService.started', started);
      await settle();
      expect(started.mock.calls[0][0].data).toEqual({
        newSession: true,
        authenticated: true,
        readOnly: false,
      });
    });

    it('waits for ever when getAuthCode never settles (nothing times out)', async () => {
      const { messenger } = await openTab();
      await jest.advanceTimersByTimeAsync(3600_000);
      expect(messenger.state.auth).toBe('authenticating');
    });

    it('publishes Auth.authError when getAuthCode rejects', async () => {
      provider.getAuthCode = (e) => e.reject(new Error('no session'));
      await openTab();
      expect(provider.events).toContain('authError');
    });

    it('publishes Auth.authError when getAuthCode resolves without a code', async () => {
      provider.getAuthCode = answerCode('');
      const { messenger } = await openTab();
      expect(provider.events).toEqual(['authError']);
      expect(messenger.state.auth).toBe('anonymous');
    });

    it('hears a signedIn the AuthProvider publishes while it registers', async () => {
      const single = code();
      const tab = new Tab();
      installGenesysSnippet(tab as unknown as Window, {
        environment: 'test',
        deploymentId: TEST_DEPLOYMENT.id,
      });
      tab.Genesys?.('registerPlugin', 'AuthProvider', (plugin) => {
        plugin.registerCommand('getAuthCode', () => undefined);
        plugin.publish('signedIn', { authCode: single, redirectUri: REDIRECT });
        plugin.ready();
      });
      const messenger = new MessengerEmulator({ window: tab, backend });
      await messenger.boot();
      await settle();
      expect(messenger.state.auth).toBe('authenticated');
    });

    it('calls AuthProvider.reAuthenticate at once when the exchange refuses the code', async () => {
      provider.getAuthCode = answerCode('not-a-code');
      const { messenger } = await openTab();
      expect(provider.events).toContain('error');
      expect(provider.calls).toEqual(['getAuthCode', 'reAuthenticate']);
      expect(messenger.state.auth).toBe('reauthenticate');
    });

    it('asks for a new code by itself once reAuthenticate resolves', async () => {
      let first = true;
      provider.getAuthCode = (e) => {
        const value = first ? 'used-up' : code();
        first = false;
        answerCode(value)(e);
      };
      provider.reAuthenticate = (e) => e.resolve();
      const { messenger } = await openTab();
      expect(provider.calls).toEqual(['getAuthCode', 'reAuthenticate', 'getAuthCode']);
      expect(messenger.state.auth).toBe('authenticated');
    });

    it('re-authenticates right after Auth.authenticated when a page hands one code over twice', async () => {
      const single = code();
      provider.getAuthCode = answerCode(single);
      const tab = new Tab();
      provider.install(tab);
      // The blueprint's page also publishes signedIn with the code from its URL.
      tab.Genesys?.('registerPlugin', 'Page', (page) =>
        page.subscribe('AuthProvider.ready', () => {
          provider.plugin.publish('signedIn', {
            authCode: single,
            redirectUri: REDIRECT,
          } satisfies GenesysAuthCodeResult);
        }),
      );
      await new MessengerEmulator({ window: tab, backend }).boot();
      await settle();
      expect(backend.genesys.stats().rejections).toEqual({ 'code-reused': 1 });
      expect(provider.events.slice(0, 2)).toEqual(['authenticated', 'error']);
      expect(provider.calls).toEqual(['getAuthCode', 'reAuthenticate']);
    });
  });

  describe('the field failure (contract §3)', () => {
    it('never refreshes the JWT by itself', async () => {
      provider.getAuthCode = answerCode(code(300));
      await openTab();
      await jest.advanceTimersByTimeAsync(20 * 60_000);
      expect(backend.genesys.stats().refreshes).toBe(0);
    });

    it('re-authenticates after a reload past expiry although the refresh token is valid', async () => {
      provider.getAuthCode = answerCode(code(300));
      await openTab();
      jest.setSystemTime(Date.now() + 6 * 60_000);
      const reloaded = new ProviderScript();
      const { messenger } = await openTab({}, reloaded);
      expect(reloaded.calls).toEqual(['reAuthenticate']);
      expect(messenger.state.auth).toBe('reauthenticate');
      expect(backend.genesys.stats().refreshes).toBe(0);
    });

    it('only shows the re-authenticate state in the button variant, until the user presses it', async () => {
      provider.getAuthCode = answerCode(code(300));
      await openTab();
      jest.setSystemTime(Date.now() + 6 * 60_000);
      const reloaded = new ProviderScript();
      const { messenger } = await openTab({ reAuthentication: 'button' }, reloaded);
      expect([messenger.state.auth, reloaded.calls]).toEqual(['reauthenticate', []]);
      messenger.pressReAuthenticate();
      await settle();
      expect(reloaded.calls).toEqual(['reAuthenticate']);
    });

    it('resumes authenticated on a reload while the stored JWT is valid', async () => {
      provider.getAuthCode = answerCode(code(300));
      await openTab();
      const reloaded = new ProviderScript();
      const { messenger } = await openTab({}, reloaded);
      expect([messenger.state.auth, reloaded.calls]).toEqual(['authenticated', []]);
    });

    it('refuses to send a message once the JWT has expired', async () => {
      provider.getAuthCode = answerCode(code(300));
      const { messenger } = await openTab();
      await expect(messenger.sendMessage('hello')).resolves.toHaveProperty('reply');
      jest.setSystemTime(Date.now() + 301_000);
      await expect(messenger.sendMessage('still there?')).rejects.toThrow('the JWT has expired');
    });
  });

  describe.each(ALL_MESSENGER_VARIANTS)('Auth.refreshToken with variants %j', (variants) => {
    it('stores a new JWT and settles as the variant says', async () => {
      provider.getAuthCode = answerCode(code(300));
      const { tab } = await openTab(variants);
      const before = window.localStorage.getItem(KEYS.jwt);
      provider.events.length = 0;
      jest.setSystemTime(Date.now() + 240_000);
      const resolved = jest.fn();
      tab.Genesys?.('command', 'Auth.refreshToken', {}, resolved);
      await settle();
      const after = window.localStorage.getItem(KEYS.jwt);
      expect(after).not.toBe(before);
      expect(resolved).toHaveBeenCalledWith(
        variants.refreshResolvesWithJwt ? { jwt: after } : undefined,
      );
      expect(provider.events.includes('authenticated')).toBe(
        variants.refreshRepublishesAuthenticated,
      );
    });
  });

  describe.each(ALL_MESSENGER_VARIANTS_KEEPING_TOKENS)(
    'a failed Auth.refreshToken with variants %j (inferred [I])',
    (variants) => {
      let rejected: jest.Mock;
      let messenger: MessengerEmulator;
      let tab: Tab;
      let tokensBefore: (string | null)[];

      beforeEach(async () => {
        provider.getAuthCode = answerCode(code(300));
        ({ tab, messenger } = await openTab(variants));
        tokensBefore = [KEYS.jwt, KEYS.refreshToken].map((k) => window.localStorage.getItem(k));
        backend.genesys.faults.add({ endpoint: 'refresh', status: 503, count: 1 });
        rejected = jest.fn();
        tab.Genesys?.('command', 'Auth.refreshToken', {}, jest.fn(), rejected);
        await settle();
      });

      it('keeps both tokens, rejects the command and publishes Auth.tokenError', () => {
        const tokens = [KEYS.jwt, KEYS.refreshToken].map((k) => window.localStorage.getItem(k));
        expect(tokens).toEqual(tokensBefore);
        expect(rejected).toHaveBeenCalledWith(expect.objectContaining({ status: 503 }));
        expect(provider.eventData.get('tokenError')).toMatchObject({ status: 503 });
      });

      it('starts no re-authentication and stays authenticated', async () => {
        await jest.advanceTimersByTimeAsync(60_000);
        expect([provider.calls, messenger.state.auth]).toEqual([['getAuthCode'], 'authenticated']);
      });

      it('refreshes with the kept refresh token when asked again', async () => {
        tab.Genesys?.('command', 'Auth.refreshToken');
        await settle();
        expect(backend.genesys.stats().refreshes).toBe(1);
        expect(window.localStorage.getItem(KEYS.jwt)).not.toBe(tokensBefore[0]);
      });
    },
  );

  describe('refresh failure, logout and other tabs', () => {
    it('clears the tokens, publishes Auth.tokenError and re-authenticates when a refresh fails', async () => {
      provider.getAuthCode = answerCode(code(300));
      const { tab, messenger } = await openTab();
      backend.idp.endSession('alice');
      const rejected = jest.fn();
      tab.Genesys?.('command', 'Auth.refreshToken', {}, jest.fn(), rejected);
      await settle();
      expect(rejected).toHaveBeenCalled();
      expect(window.localStorage.getItem(KEYS.jwt)).toBeNull();
      expect(provider.events).toContain('tokenError');
      expect(messenger.state.auth).toBe('reauthenticate');
    });

    it('revokes, clears storage and publishes Auth.loggedOut on Auth.logout', async () => {
      provider.getAuthCode = answerCode(code(300));
      const { tab, messenger } = await openTab();
      tab.Genesys?.('command', 'Auth.logout');
      await settle();
      expect(backend.genesys.stats().revokes).toBe(1);
      expect(window.localStorage.getItem(KEYS.refreshToken)).toBeNull();
      expect(provider.events).toContain('loggedOut');
      expect(messenger.state.auth).toBe('anonymous');
    });

    it("publishes Auth.loggedOut in another tab when that tab's storage event removes the JWT", async () => {
      provider.getAuthCode = answerCode(code(300));
      await openTab();
      const other = new ProviderScript();
      const { tab, messenger } = await openTab({}, other);
      window.localStorage.removeItem(KEYS.jwt);
      tab.dispatchEvent(new StorageEvent('storage', { key: KEYS.jwt, newValue: null }));
      await settle();
      expect(other.events).toContain('loggedOut');
      expect(messenger.state.auth).toBe('anonymous');
    });

    it('upgrades through AuthProvider.signIn and publishes Auth.signedIn', async () => {
      provider.getAuthCode = (e) => e.reject(new Error('anonymous for now'));
      provider.signIn = answerCode(code());
      const { tab, messenger } = await openTab();
      tab.Genesys?.('command', 'Auth.signIn');
      await settle();
      expect(provider.events).toContain('signedIn');
      expect(messenger.state.auth).toBe('authenticated');
    });

    it('publishes Auth.signInFailed when the page has no code for signIn', async () => {
      provider.getAuthCode = (e) => e.reject(new Error('anonymous for now'));
      provider.signIn = (e) => e.reject(new Error('no code'));
      const { tab } = await openTab();
      tab.Genesys?.('command', 'Auth.signIn');
      await settle();
      expect(provider.events).toContain('signInFailed');
    });
  });
});
