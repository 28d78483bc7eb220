/*
 * Test-only (jest): the bridge with the real MessengerAuthorizer in a tab whose navigations the
 * test follows, and an IdP that answers as a browser meets it.
 */
import { createHash } from 'node:crypto';
import { Subject } from 'rxjs';
import type { AuthorizationMode } from '../authorization/authorization-request';
import { AuthorizationStore } from '../authorization/authorization-store';
import { FakePage, ISSUER, SETTINGS } from '../authorization/authorization.spec-helpers';
import {
  MessengerAuthorizer,
  type AuthorizerSettings,
} from '../authorization/messenger-authorizer';
import {
  BridgeWorld,
  REAUTH_WINDOW_MS,
  REDIRECT_URI,
  SUBJECT,
  type BridgeWorldOptions,
  type Page,
} from './bridge.spec-helpers';

const SILENT_REDIRECT_URI = 'http://localhost:4200/messenger-silent-callback.html';

/** Gives jsdom the SubtleCrypto it lacks (PKCE's SHA-256), answering at once for fake timers. */
function installSyncSubtleCrypto(): void {
  Object.defineProperty(globalThis.crypto, 'subtle', {
    configurable: true,
    value: {
      digest: async (_algorithm: string, data: BufferSource) =>
        createHash('sha256')
          .update(new Uint8Array(data as ArrayBuffer))
          .digest(),
    },
  });
}

/**
 * The portal's IdP as the browser meets it: a session that lives or not, and third-party cookies
 * that the hidden iframe may not send. Codes are real single-use codes of the in-memory IdP.
 */
export class BrowserIdp {
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
export interface PortalTab {
  readonly fake: FakePage;
  readonly page: Page;
}

/** A browser with one portal tab at a time (reloads keep the tab's sessionStorage). */
export class RealAuthorizerWorld {
  world!: BridgeWorld;
  idp!: BrowserIdp;
  /** The IdP metadata the authorizer gets (a test may make discovery fail). */
  settings: () => Promise<AuthorizerSettings> = async () => SETTINGS;

  /** A new browser, whose bridge may show a login page or not. */
  reset(reauthMode?: BridgeWorldOptions['reauthMode']): void {
    this.world?.closeAll();
    this.world = new BridgeWorld({
      later: (task) => setTimeout(task, 0),
      signOutLocally: jest.fn(),
      reauthMode,
    });
    this.idp = new BrowserIdp(this.world);
    this.settings = async () => SETTINGS;
  }

  /** Opens the portal at `url` and lets it start. */
  readonly openAt = async (url: string): Promise<PortalTab> => {
    const fake = new FakePage(url);
    fake.frameAnswer = (request) => this.idp.answer(request, true);
    const starts = new Subject<AuthorizationMode>();
    const authorizer = new MessengerAuthorizer({
      win: fake.win,
      store: new AuthorizationStore(window.sessionStorage, 'ngma'),
      now: () => Date.now(),
      settings: () => this.settings(),
      redirectUri: REDIRECT_URI,
      silentRedirectUri: SILENT_REDIRECT_URI,
      silentTimeoutMs: 10_000,
      reauthWindowMs: REAUTH_WINDOW_MS,
      onStart: (mode) => starts.next(mode),
    });
    const page = await this.world.open(
      {},
      this.world.portal,
      Object.assign(authorizer, { starts }),
    );
    await jest.advanceTimersByTimeAsync(0);
    return { fake, page };
  };

  /** The IdP answers the tab's last navigation; the tab reloads on the answer. */
  readonly followNavigation = (tab: PortalTab): Promise<PortalTab> => {
    const request = new URL(tab.fake.assigned.at(-1) as string);
    tab.page.close();
    return this.openAt(this.idp.answer(request, false));
  };

  /** Lets fake time run while `work` settles (iframe polls, Messenger's asynchronous bus). */
  readonly whileTimePasses = async (work: Promise<unknown>): Promise<void> => {
    await jest.advanceTimersByTimeAsync(15_000);
    await work;
  };
}

/**
 * Gives each test of the describe block a new browser with the real authorizer, on fake timers
 * from `start`.
 */
export function useRealAuthorizerWorld(start: number): RealAuthorizerWorld {
  const browser = new RealAuthorizerWorld();
  beforeAll(installSyncSubtleCrypto);
  beforeEach(() => {
    jest.useFakeTimers({ now: start });
    window.localStorage.clear();
    browser.reset();
  });
  afterEach(() => {
    browser.world.closeAll();
    jest.useRealTimers();
  });
  return browser;
}

/** Where the tab went: `none` for a prompt=none redirect, `login` for the login page. */
export function navigations(tab: PortalTab): (string | null)[] {
  return tab.fake.assigned.map((url) => new URL(url).searchParams.get('prompt') ?? 'login');
}
