import { createHash } from 'node:crypto';
import { Subject } from 'rxjs';
import { MessengerAuthErrorCode } from 'ngx-genesys-messenger-auth/core';
import type { AuthorizationMode } from '../authorization/authorization-request';
import { AuthorizationStore } from '../authorization/authorization-store';
import { FakePage, ISSUER, SETTINGS } from '../authorization/authorization.spec-helpers';
import {
  MessengerAuthorizer,
  type AuthorizerSettings,
} from '../authorization/messenger-authorizer';
import { MAX_REFUSED_CODES } from '../recovery/code-recovery';
import {
  BridgeWorld,
  ofType,
  REAUTH_WINDOW_MS,
  REDIRECT_URI,
  SUBJECT,
  type Page,
} from './bridge.spec-helpers';
import { MessengerAuthBridge } from './messenger-auth-bridge';

const START = Date.parse('2026-11-26T09:00:00Z');
const ROUTE = 'http://localhost:4200/orders/42';
const SILENT_REDIRECT_URI = 'http://localhost:4200/messenger-silent-callback.html';
/** Past the first refresh deadline of a 300 s JWT, with room for the recovery grace periods. */
const PAST_FIRST_REFRESH_MS = 250_000;

const settle = () => jest.advanceTimersByTimeAsync(0);

/**
 * The portal's IdP as the browser meets it: a session that lives or not, and third-party cookies
 * that the hidden iframe may not send. Codes are real single-use codes of the in-memory IdP.
 */
class BrowserIdp {
  sessionLives = true;
  thirdPartyCookiesBlocked = false;

  constructor(private readonly world: BridgeWorld) {}

  /** The URL the IdP sends a request back to: a code, or login_required. */
  answer(request: URL, framed: boolean): string {
    const params = request.searchParams;
    const redirectUri = params.get('redirect_uri') as string;
    const seesSession = this.sessionLives && !(framed && this.thirdPartyCookiesBlocked);
    const answer = new URLSearchParams({ state: params.get('state') as string, iss: ISSUER });
    if (seesSession && params.get('prompt') === 'none') {
      answer.set('code', this.world.backend.idp.issueCode({ subject: SUBJECT, redirectUri }));
    } else if (params.get('prompt') === 'none') {
      answer.set('error', 'login_required');
    } else {
      throw new Error('the test never completes an interactive login');
    }
    return `${redirectUri}?${answer}`;
  }
}

/** A tab of the portal with the real authorizer on a page whose navigations the test follows. */
interface PortalTab {
  readonly fake: FakePage;
  readonly page: Page;
}

describe(`${MessengerAuthBridge.name} with the real authorizer`, () => {
  let world: BridgeWorld;
  let idp: BrowserIdp;
  let settings: () => Promise<AuthorizerSettings>;

  beforeAll(() => {
    // jsdom has no SubtleCrypto: PKCE's SHA-256, answered at once so fake timers suffice.
    Object.defineProperty(globalThis.crypto, 'subtle', {
      configurable: true,
      value: {
        digest: async (_algorithm: string, data: BufferSource) =>
          createHash('sha256')
            .update(new Uint8Array(data as ArrayBuffer))
            .digest(),
      },
    });
  });

  function createWorld(reauthMode?: 'silent-only'): void {
    world = new BridgeWorld({
      later: (task) => setTimeout(task, 0),
      signOutLocally: jest.fn(),
      reauthMode,
    });
    idp = new BrowserIdp(world);
  }

  beforeEach(() => {
    jest.useFakeTimers({ now: START });
    window.localStorage.clear();
    settings = async () => SETTINGS;
    createWorld();
  });

  afterEach(() => {
    world.closeAll();
    jest.useRealTimers();
  });

  /** Opens the portal at `url` (a reload of the tab keeps its sessionStorage). */
  async function openAt(url: string): Promise<PortalTab> {
    const fake = new FakePage(url);
    fake.frameAnswer = (request) => idp.answer(request, true);
    const starts = new Subject<AuthorizationMode>();
    const authorizer = new MessengerAuthorizer({
      win: fake.win,
      store: new AuthorizationStore(window.sessionStorage, 'ngma'),
      now: () => Date.now(),
      settings: () => settings(),
      redirectUri: REDIRECT_URI,
      silentRedirectUri: SILENT_REDIRECT_URI,
      silentTimeoutMs: 10_000,
      reauthWindowMs: REAUTH_WINDOW_MS,
      onStart: (mode) => starts.next(mode),
    });
    const page = await world.open({}, world.portal, Object.assign(authorizer, { starts }));
    await settle();
    return { fake, page };
  }

  /** The IdP answers the page's last navigation; the tab reloads on the answer. */
  async function followNavigation(tab: PortalTab): Promise<PortalTab> {
    const request = new URL(tab.fake.assigned.at(-1) as string);
    tab.page.close();
    return openAt(idp.answer(request, false));
  }

  /** Lets fake time run while `work` settles (iframe polls, Messenger's asynchronous bus). */
  async function whileTimePasses(work: Promise<unknown>): Promise<void> {
    await jest.advanceTimersByTimeAsync(15_000);
    await work;
  }

  const navigations = (tab: PortalTab) =>
    tab.fake.assigned.map((url) => new URL(url).searchParams.get('prompt') ?? 'login');

  describe('when Genesys refuses every code (item 1)', () => {
    let tab: PortalTab;

    beforeEach(async () => {
      world.backend.genesys.faults.add({ endpoint: 'exchange', status: 500 });
      tab = await openAt(ROUTE);
      await jest.advanceTimersByTimeAsync(10 * 60_000);
    });

    it('asks the IdP and Genesys a bounded number of times in ten minutes', () => {
      expect(tab.fake.frames).toHaveLength(MAX_REFUSED_CODES);
      expect(world.backend.genesys.stats().rejections['fault-injected']).toBe(MAX_REFUSED_CODES);
    });

    it('spaces the attempts out', () => {
      const handed = ofType(tab.page.events, 'code-handed-over').map((e) => e.at - START);
      expect(handed[1] - handed[0]).toBeGreaterThanOrEqual(1_500);
      expect(handed[2] - handed[1]).toBeGreaterThanOrEqual(6_000);
    });

    it('ends with the reason login-loop-prevented, without navigating', () => {
      expect(tab.page.bridge.state).toBe('ended');
      expect(ofType(tab.page.events, 'recovery-stopped').map((e) => e.reason)).toEqual([
        'login-loop-prevented',
      ]);
      expect(tab.fake.assigned).toEqual([]);
    });

    it('tries again when a person asks to sign in to chat', async () => {
      world.backend.genesys.faults.clear();
      await whileTimePasses(tab.page.bridge.signInToChat());
      expect([tab.page.bridge.state, tab.page.messenger.state.auth]).toEqual([
        'authenticated',
        'authenticated',
      ]);
    });
  });

  describe('when Genesys refuses every code and the page reloads (item 1)', () => {
    it('asks nothing more after a reload within the window', async () => {
      world.backend.genesys.faults.add({ endpoint: 'exchange', status: 500 });
      const tab = await openAt(ROUTE);
      await jest.advanceTimersByTimeAsync(20_000);
      expect(tab.page.bridge.state).toBe('ended');
      tab.page.close();
      const reloaded = await openAt(ROUTE);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(reloaded.fake.frames).toHaveLength(0);
      expect(reloaded.page.bridge.state).toBe('ended');
      expect(world.backend.genesys.stats().rejections['fault-injected']).toBe(MAX_REFUSED_CODES);
    });
  });

  describe('when Genesys refuses every code slowly (each answer a minute late)', () => {
    it('still stops after the same number of codes', async () => {
      world.backend.genesys.faults.add({ endpoint: 'exchange', status: 500, delayMs: 70_000 });
      const tab = await openAt(ROUTE);
      await jest.advanceTimersByTimeAsync(15 * 60_000);
      expect(tab.fake.frames).toHaveLength(MAX_REFUSED_CODES);
      expect(ofType(tab.page.events, 'recovery-stopped').map((e) => e.reason)).toEqual([
        'login-loop-prevented',
      ]);
    });
  });

  describe('when Genesys answers 429 to an exchange', () => {
    it('waits for the limit and hands the same unused code over again, not a new one', async () => {
      world.backend.genesys.faults.add({ endpoint: 'exchange', status: 429, count: 1 });
      const tab = await openAt(ROUTE);
      await jest.advanceTimersByTimeAsync(30_000);
      expect(tab.page.messenger.state.auth).not.toBe('authenticated');
      await jest.advanceTimersByTimeAsync(40_000);
      expect(tab.page.messenger.state.auth).toBe('authenticated');
      expect(tab.fake.frames).toHaveLength(1);
    });
  });

  describe('when the hidden iframe cannot see the IdP session (item 3)', () => {
    let tab: PortalTab;

    beforeEach(async () => {
      tab = await openAt(ROUTE);
      idp.thirdPartyCookiesBlocked = true;
      world.backend.idp.endSession(SUBJECT);
      await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
    });

    it('leaves the page once with prompt=none, never for the login page', () => {
      expect(navigations(tab)).toEqual(['none']);
    });

    it('signs Messenger in with the code the top-level redirect brings back', async () => {
      const back = await followNavigation(tab);
      await jest.advanceTimersByTimeAsync(5_000);
      expect([back.page.bridge.state, back.page.messenger.state.auth]).toEqual([
        'authenticated',
        'authenticated',
      ]);
      expect(back.fake.url.href).toBe(ROUTE);
      expect(back.fake.assigned).toEqual([]);
    });
  });

  describe('when the IdP session has ended and reauthMode is silent-only (item 4)', () => {
    let tab: PortalTab;

    beforeEach(async () => {
      world.closeAll();
      createWorld('silent-only');
      tab = await openAt(ROUTE);
      idp.sessionLives = false;
      world.backend.idp.endSession(SUBJECT);
      await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
      tab = await followNavigation(tab);
      await jest.advanceTimersByTimeAsync(10_000);
    });

    it('tries prompt=none only, and never shows the login page', () => {
      expect(navigations(tab)).toEqual([]);
    });

    it('asks the IdP nothing more on the page prompt=none came back to', () => {
      expect(tab.fake.frames).toHaveLength(0);
    });

    it('ends with the reason login-required', () => {
      expect(tab.page.bridge.state).toBe('ended');
      expect(ofType(tab.page.events, 'recovery-stopped').at(-1)?.reason).toBe('login-required');
    });

    it('shows the login page when a person asks to sign in to chat', async () => {
      await whileTimePasses(tab.page.bridge.signInToChat());
      expect(navigations(tab)).toEqual(['login']);
    });
  });

  describe('when the IdP session has ended (silent-then-interactive)', () => {
    it('shows the login page after prompt=none came back with login_required', async () => {
      let tab = await openAt(ROUTE);
      idp.sessionLives = false;
      world.backend.idp.endSession(SUBJECT);
      await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
      tab = await followNavigation(tab);
      await jest.advanceTimersByTimeAsync(10_000);
      expect(navigations(tab)).toEqual(['login']);
    });
  });

  describe('while the tab is hidden or offline (item 2)', () => {
    let tab: PortalTab;

    beforeEach(async () => {
      tab = await openAt(ROUTE);
      world.online = false;
      world.visible = false;
      world.backend.idp.endSession(SUBJECT);
      await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
    });

    it('neither navigates nor frames the IdP, and says it waits for the page', () => {
      expect(tab.fake.assigned).toEqual([]);
      expect(tab.fake.frames).toHaveLength(1);
      expect(tab.page.bridge.state).toBe('ended');
      expect(ofType(tab.page.events, 'recovery-stopped').at(-1)?.reason).toBe('waiting-for-page');
    });

    it('gives up the wait when the bridge stops (its injector is destroyed)', async () => {
      tab.page.bridge.stop();
      world.online = true;
      world.visible = true;
      tab.page.wakeups.next('online');
      await jest.advanceTimersByTimeAsync(5_000);
      expect(tab.fake.frames).toHaveLength(1);
      expect(tab.fake.assigned).toEqual([]);
    });

    it('recovers silently once the tab is online again', async () => {
      world.online = true;
      tab.page.wakeups.next('online');
      await jest.advanceTimersByTimeAsync(5_000);
      expect([tab.page.bridge.state, tab.page.messenger.state.auth]).toEqual([
        'authenticated',
        'authenticated',
      ]);
      expect(tab.fake.assigned).toEqual([]);
    });
  });

  describe('when the redirect answer cannot be checked (item 8)', () => {
    it('reports a coded error and starts anyway, so Messenger goes on', async () => {
      let tab = await openAt(ROUTE);
      idp.thirdPartyCookiesBlocked = true;
      world.backend.idp.endSession(SUBJECT);
      await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
      settings = () => Promise.reject(new Error('discovery answered 503'));
      tab = await followNavigation(tab);
      const failed = ofType(tab.page.events, 'authorization-failed');
      expect(failed[0]?.reason).toMatch(
        new RegExp(`^NGMA${MessengerAuthErrorCode.DISCOVERY_FAILED}`),
      );
      // Messenger waits for AuthProvider.ready() before it looks at its tokens.
      expect(tab.page.views).not.toEqual(['starting']);
      expect(tab.fake.url.href).toBe(ROUTE);
    });
  });
});
