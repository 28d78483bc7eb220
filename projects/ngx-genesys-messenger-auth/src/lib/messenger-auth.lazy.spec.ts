import { DOCUMENT } from '@angular/common';
import { ApplicationInitStatus, provideAppInitializer } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  installGenesysSnippet,
  MessengerAuthLogger,
  MessengerAuthLogLevel,
  type GenesysHostWindow,
  type MessengerAuthConfig,
  type MessengerAuthEvent,
} from 'ngx-genesys-messenger-auth/core';
import { ɵMessengerAuthBridge as MessengerAuthBridge } from 'ngx-genesys-messenger-auth/engine';
import {
  EngineGate,
  engineLoaded,
  PORTAL_AUTH,
  RecordingLogger,
} from './messenger-auth.spec-helpers';
import { MessengerAuth } from './messenger-auth';
import { provideMessengerAuth, withMessengerAuthLogger } from './provide-messenger-auth';

const CONFIG: MessengerAuthConfig = {
  deploymentId: 'test-deployment',
  environment: 'prod-euw1',
  clientId: 'genesys-messenger',
};
const PENDING_KEY = 'ngma:pending-authorizations';

/** What the portal's OIDC library would see when its initializer (`checkAuth()`) runs. */
interface AtCheckAuth {
  href?: string;
  engineRequests?: number;
}

function configure(
  gate: EngineGate,
  atCheckAuth: AtCheckAuth = {},
  logger?: MessengerAuthLogger,
  config: MessengerAuthConfig = CONFIG,
) {
  TestBed.configureTestingModule({
    providers: [
      ...PORTAL_AUTH,
      provideMessengerAuth(config, ...(logger ? [withMessengerAuthLogger(logger)] : [])),
      gate.provider,
      // Stands for angular-auth-oidc-client's withAppInitializerAuthCheck(): it reads the URL.
      provideAppInitializer(() => {
        atCheckAuth.href = window.location.href;
        atCheckAuth.engineRequests = gate.requests;
      }),
    ],
  });
}

/** Starts the app as bootstrap does: the environment initializer, then the app's initializers. */
async function start(): Promise<MessengerAuth> {
  const auth = TestBed.inject(MessengerAuth);
  await TestBed.inject(ApplicationInitStatus).donePromise;
  return auth;
}

describe(`${MessengerAuth.name} with its engine loaded lazily`, () => {
  let gate: EngineGate;

  beforeEach(() => {
    gate = new EngineGate();
    sessionStorage.clear();
    installGenesysSnippet(window, { environment: CONFIG.environment, deploymentId: 'x' });
  });

  afterEach(() => {
    delete (window as GenesysHostWindow).Genesys;
    window.history.replaceState(null, '', '/');
    jest.restoreAllMocks();
  });

  describe('on the page the IdP sent back to (the bridge’s redirectPath)', () => {
    beforeEach(() => {
      const pending = {
        state: 'state-1',
        nonce: 'nonce-1',
        codeVerifier: 'verifier-1',
        redirectUri: 'http://localhost/messenger/callback',
        mode: 'silent-redirect',
        returnTo: '/account?tab=2#top',
        scrollY: 0,
        createdAt: Date.now(),
      };
      sessionStorage.setItem(PENDING_KEY, JSON.stringify([pending]));
      window.history.replaceState(null, '', '/messenger/callback?code=code-1&state=state-1');
    });

    it('takes the answer out of the address before checkAuth() runs, the engine not loaded yet', async () => {
      const atCheckAuth: AtCheckAuth = {};
      configure(gate, atCheckAuth);
      await start();
      expect(atCheckAuth.href).toBe('http://localhost/account?tab=2#top');
      // Asked for once (the configuration's check and the bridge share the load), not loaded yet.
      expect(atCheckAuth.engineRequests).toBe(1);
      expect(sessionStorage.getItem(PENDING_KEY)).toBeNull();
    });

    it('counts a redirectPath written as undefined as left out: the default path is captured', async () => {
      const atCheckAuth: AtCheckAuth = {};
      configure(gate, atCheckAuth, undefined, { ...CONFIG, redirectPath: undefined });
      await start();
      expect(atCheckAuth.href).toBe('http://localhost/account?tab=2#top');
    });

    it('hands the captured answer to the engine, which checks it when it loads', async () => {
      jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const adopted = jest.spyOn(MessengerAuthBridge.prototype, 'adoptRedirectAnswer');
      configure(gate);
      const auth = await start();
      expect(adopted).not.toHaveBeenCalled();
      gate.release();
      await engineLoaded(auth);
      await waitFor(() => adopted.mock.calls.length > 0);
      // jsdom cannot fetch the IdP's discovery document: the check fails with NGMA4103.
      expect(adopted.mock.calls[0][0]).toMatchObject({ code: 4103 });
    });
  });

  it('inside a frame (e.g. the app loaded again for a silent renew) does not load the engine, even when a component injects MessengerAuth', async () => {
    const frame = document.body.appendChild(document.createElement('iframe'));
    try {
      TestBed.configureTestingModule({
        providers: [
          ...PORTAL_AUTH,
          provideMessengerAuth(CONFIG),
          gate.provider,
          { provide: DOCUMENT, useValue: frame.contentDocument },
        ],
      });
      const auth = await start();
      await Promise.resolve();
      expect(gate.requests).toBe(0);
      expect(auth.state()).toBe('anonymous');
    } finally {
      frame.remove();
    }
  });

  it('is anonymous, with nothing scheduled, until the engine loads; then follows the bridge', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    delete (window as GenesysHostWindow).Genesys; // the bridge reports NGMA4140 when it starts
    configure(gate);
    const auth = await start();
    const events: MessengerAuthEvent[] = [];
    auth.events$.subscribe((event) => events.push(event));
    expect([auth.state(), auth.nextRefreshAt(), auth.endReason()]).toEqual([
      'anonymous',
      null,
      null,
    ]);
    expect(events).toEqual([]);

    gate.release();
    await engineLoaded(auth);
    await waitFor(() => auth.state() === 'error');
    expect(events).toContainEqual(expect.objectContaining({ type: 'error', code: 'NGMA4140' }));
  });

  it('carries out commands given before the engine loaded once it has', async () => {
    const refreshNow = jest.spyOn(MessengerAuthBridge.prototype, 'refreshNow');
    const signIn = jest
      .spyOn(MessengerAuthBridge.prototype, 'signInToChat')
      .mockResolvedValue(undefined);
    const signOut = jest.spyOn(MessengerAuthBridge.prototype, 'signOut').mockResolvedValue();
    configure(gate);
    const auth = await start();
    const settled: string[] = [];
    auth.refreshNow();
    const signingIn = auth.signInToChat().then(() => settled.push('signInToChat'));
    const signingOut = auth.signOutMessenger().then(() => settled.push('signOutMessenger'));
    await Promise.resolve();
    expect([refreshNow, signIn, signOut].map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
    expect(settled).toEqual([]);

    gate.release();
    await Promise.all([signingIn, signingOut]);
    expect([refreshNow, signIn, signOut].map((spy) => spy.mock.calls.length)).toEqual([1, 1, 1]);
    expect(settled).toEqual(['signInToChat', 'signOutMessenger']);
  });

  it('logs an engine that cannot be loaded; commands then do nothing, and the portal goes on', async () => {
    const logger = new RecordingLogger();
    configure(gate, {}, logger);
    const auth = await start();
    gate.fail(new Error('Failed to fetch dynamically imported module'));
    await engineLoaded(auth);
    await expect(auth.signInToChat()).resolves.toBeUndefined();
    await expect(auth.signOutMessenger()).resolves.toBeUndefined();
    expect(auth.state()).toBe('anonymous');
    expect(logger.logged).toEqual([
      [
        MessengerAuthLogLevel.Error,
        'the bridge could not be loaded',
        { error: 'Failed to fetch dynamically imported module' },
      ],
    ]);
  });
});

/** Lets promise callbacks run until `done()` holds (the bridge starts in a few of them). */
async function waitFor(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 50 && !done(); turn++) await Promise.resolve();
  expect(done()).toBe(true);
}
