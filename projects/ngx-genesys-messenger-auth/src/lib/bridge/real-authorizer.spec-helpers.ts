/*
 * Test-only: the bridge with the real MessengerAuthorizer in a tab whose navigations the test
 * follows, and an IdP that answers as a browser meets it. Free of jest globals: the library's
 * tsconfig type-checks every file under src/.
 */
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

/**
 * Gives jsdom the SubtleCrypto it lacks (PKCE's SHA-256), answering at once so that fake timers
 * suffice.
 * @param sha256 a synchronous SHA-256 (e.g. Node's `createHash`)
 */
export function installSyncSubtleCrypto(sha256: (data: Uint8Array) => Uint8Array): void {
  Object.defineProperty(globalThis.crypto, 'subtle', {
    configurable: true,
    value: {
      digest: async (_algorithm: string, data: BufferSource) =>
        sha256(new Uint8Array(data as ArrayBuffer)),
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
  readonly world: BridgeWorld;
  readonly idp: BrowserIdp;
  /** The IdP metadata the authorizer gets (a test may make discovery fail). */
  settings: () => Promise<AuthorizerSettings> = async () => SETTINGS;

  constructor(options: BridgeWorldOptions) {
    this.world = new BridgeWorld(options);
    this.idp = new BrowserIdp(this.world);
  }

  /** Opens the portal at `url` and lets it start. */
  async openAt(url: string, settle: () => Promise<unknown>): Promise<PortalTab> {
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
    await settle();
    return { fake, page };
  }

  /** The IdP answers the tab's last navigation; the tab reloads on the answer. */
  followNavigation(tab: PortalTab, settle: () => Promise<unknown>): Promise<PortalTab> {
    const request = new URL(tab.fake.assigned.at(-1) as string);
    tab.page.close();
    return this.openAt(this.idp.answer(request, false), settle);
  }
}

/** Where the tab went: `none` for a prompt=none redirect, `login` for the login page. */
export function navigations(tab: PortalTab): (string | null)[] {
  return tab.fake.assigned.map((url) => new URL(url).searchParams.get('prompt') ?? 'login');
}
