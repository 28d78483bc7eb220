/*
 * Test-only: the browser around MessengerAuthorizer — a page whose location and history the test
 * reads, and an IdP that answers (or not) inside the hidden iframe. jsdom cannot navigate, and its
 * location cannot be spied on.
 */
import { AuthorizationStore } from './authorization-store';
import type { AuthorizationMode, IdpMetadata } from './authorization-request';
import {
  MessengerAuthorizer,
  type AuthorizerEnvironment,
  type AuthorizerSettings,
} from './messenger-authorizer';

export const ISSUER = 'https://idp.example';
export const REDIRECT_URI = 'http://localhost/messenger/callback';
export const SILENT_REDIRECT_URI = 'http://localhost/messenger-silent-callback.html';
export const REAUTH_WINDOW_MS = 120_000;
export const SILENT_TIMEOUT_MS = 10_000;

export const IDP: IdpMetadata = {
  issuer: ISSUER,
  authorizationEndpoint: `${ISSUER}/authorize`,
  issParameterSupported: true,
};

export const SETTINGS: AuthorizerSettings = {
  clientId: 'genesys-messenger',
  scope: 'openid profile',
  idp: IDP,
};

/** A hidden iframe: at the IdP (another origin) until the IdP sends it back to the portal. */
class FakeFrame {
  readonly style = { cssText: '' };
  tabIndex = 0;
  title = '';
  src = '';
  removed = false;
  private href?: string;

  constructor(private readonly answer: (request: URL) => string | undefined) {}

  setAttribute(): void {
    // Attributes do not matter to the fake.
  }

  get contentWindow(): { readonly location: { readonly href: string } } {
    const href = this.href;
    if (href === undefined) throw new DOMException('cross-origin frame', 'SecurityError');
    return { location: { href } };
  }

  /** Called when the frame is added to the document: the IdP answers the request in `src`. */
  load(): void {
    this.href = this.answer(new URL(this.src));
  }

  remove(): void {
    this.removed = true;
  }
}

/** The portal's page as the authorizer sees it. */
export class FakePage {
  url: URL;
  scrollY = 0;
  readonly historyState = { navigationId: 7 };
  /** URLs the page was sent to with `location.assign`. */
  readonly assigned: string[] = [];
  /** `history.replaceState` calls: [state, url]. */
  readonly replaced: [unknown, string][] = [];
  readonly scrolledTo: number[] = [];
  readonly frames: FakeFrame[] = [];
  /** Whether `history.replaceState` throws (as a sandboxed or locked-down page may). */
  replaceStateThrows = false;
  /** How the IdP answers a hidden-iframe request: the URL it sends the frame to, or never. */
  frameAnswer: (request: URL) => string | undefined = () => undefined;

  constructor(href: string) {
    this.url = new URL(href);
  }

  /** The page as a `Window`. */
  get win(): Window {
    const fake = {
      history: {
        state: this.historyState,
        replaceState: (state: unknown, _title: string, url: string) => {
          if (this.replaceStateThrows)
            throw new DOMException('replaceState refused', 'SecurityError');
          this.replaced.push([state, url]);
          this.url = new URL(url, this.url);
        },
      },
      requestAnimationFrame: (callback: (time: number) => void) => {
        callback(0);
        return 1;
      },
      scrollTo: (_x: number, y: number) => this.scrolledTo.push(y),
      document: {
        createElement: () => {
          const frame = new FakeFrame((request) => this.frameAnswer(request));
          this.frames.push(frame);
          return frame;
        },
        body: { appendChild: (frame: FakeFrame) => frame.load() },
      },
    };
    Object.defineProperties(fake, {
      location: { get: () => this.location() },
      scrollY: { get: () => this.scrollY },
    });
    return fake as unknown as Window;
  }

  private location() {
    const { href, pathname, search, hash } = this.url;
    return { href, pathname, search, hash, assign: (url: string) => this.assigned.push(url) };
  }
}

/** An authorizer on a fake page, with the tab's sessionStorage as its store. */
export function authorizerOn(
  page: FakePage,
  starts: AuthorizationMode[] = [],
  storage: Storage = window.sessionStorage,
  overrides: Partial<AuthorizerEnvironment> = {},
): MessengerAuthorizer {
  return new MessengerAuthorizer({
    win: page.win,
    store: new AuthorizationStore(storage, 'ngma:test-deployment'),
    now: () => Date.now(),
    settings: async () => SETTINGS,
    redirectUri: REDIRECT_URI,
    silentRedirectUri: SILENT_REDIRECT_URI,
    silentTimeoutMs: SILENT_TIMEOUT_MS,
    reauthWindowMs: REAUTH_WINDOW_MS,
    onStart: (mode) => starts.push(mode),
    ...overrides,
  });
}
