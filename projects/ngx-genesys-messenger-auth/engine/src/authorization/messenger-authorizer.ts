import {
  MessengerAuthError,
  MessengerAuthErrorCode,
  type GenesysAuthCodeResult,
  ɵcallbackError as callbackError,
  ɵcaptureRedirect as captureRedirect,
  ɵDEV_MODE as DEV_MODE,
  ɵMAX_PENDING_AGE_MS as MAX_PENDING_AGE_MS,
  type ɵCapturedRedirect as CapturedRedirect,
} from 'ngx-genesys-messenger-auth/core';
import {
  authorizationUrl,
  codeFromAnswer,
  type AuthorizationMode,
  type IdpMetadata,
  type PendingAuthorization,
} from './authorization-request';
import type { AuthorizationStore, GuardedNavigation } from './authorization-store';
import { authorizeInHiddenIframe } from './hidden-iframe';
import type { AuthorizerPort, SilentOutcome } from './authorizer-port';
import { createPkcePair, randomUrlSafe } from './pkce';

/** What the authorizer needs to know about the IdP and the client. */
export interface AuthorizerSettings {
  readonly clientId: string;
  readonly scope: string;
  readonly idp: IdpMetadata;
}

/** What the authorizer runs on. */
export interface AuthorizerEnvironment {
  readonly win: Window;
  readonly store: AuthorizationStore;
  readonly now: () => number;
  /** The IdP and client settings (resolved lazily: the portal's OIDC library discovers them). */
  readonly settings: () => Promise<AuthorizerSettings>;
  /** Full-page redirects come back here (a route of the portal). */
  readonly redirectUri: string;
  /** Hidden-iframe attempts come back here (a static page that runs no script). */
  readonly silentRedirectUri: string;
  readonly silentTimeoutMs: number;
  /** At most one interactive login per this many ms. */
  readonly reauthWindowMs: number;
  /** Reports the start of an attempt. */
  readonly onStart: (mode: AuthorizationMode) => void;
}

/**
 * Messenger's own authorization requests at the portal's IdP (DESIGN.md flow 2): a fresh state,
 * nonce and PKCE pair per attempt; silent first (hidden iframe, else a full-page `prompt=none`
 * redirect that comes back to the same route and scroll position); an interactive login at most
 * once per window; answers validated (state, `iss`) and removed from the URL.
 */
export class MessengerAuthorizer implements AuthorizerPort {
  constructor(private readonly env: AuthorizerEnvironment) {}

  /**
   * Reads a full-page redirect's answer if this page load is one: captures it from the address
   * (`ɵcaptureRedirect`, which the main entry runs at start-up) and checks it. Never throws.
   * @returns the code, an error, or undefined when this page load is not the bridge's callback
   */
  captureRedirect(): Promise<GenesysAuthCodeResult | MessengerAuthError | undefined> {
    const { win, store, redirectUri } = this.env;
    return this.checkRedirect(captureRedirect({ win, pending: store, redirectUri }));
  }

  /**
   * Checks an answer captured at start-up against its attempt: age, then (with the IdP's
   * metadata) state and issuer; restores the page's scroll position. Never throws.
   * @returns the code, an error, or undefined when there was no answer
   */
  checkRedirect(
    captured: CapturedRedirect | MessengerAuthError | undefined,
  ): Promise<GenesysAuthCodeResult | MessengerAuthError | undefined> {
    if (captured === undefined || captured instanceof MessengerAuthError) {
      return Promise.resolve(captured);
    }
    return this.readAnswer(captured).catch((error: unknown) =>
      callbackError(DEV_MODE && 'the authorization answer could not be read', error),
    );
  }

  private async readAnswer({
    params,
    pending,
  }: CapturedRedirect): Promise<GenesysAuthCodeResult | MessengerAuthError> {
    if (this.env.now() - pending.createdAt > MAX_PENDING_AGE_MS) {
      return callbackError(
        DEV_MODE && 'the authorization answer came back after its request expired',
      );
    }
    let settings: AuthorizerSettings;
    try {
      settings = await this.env.settings();
    } catch (error) {
      return new MessengerAuthError(
        MessengerAuthErrorCode.DISCOVERY_FAILED,
        DEV_MODE &&
          "the IdP's metadata is unavailable, so the authorization answer cannot be checked",
        { cause: error },
      );
    }
    const { win } = this.env;
    if (pending.scrollY) win.requestAnimationFrame(() => win.scrollTo(0, pending.scrollY));
    return codeFromAnswer(params, pending, settings.idp);
  }

  /** Tries to get a code in a hidden iframe, without showing anything or leaving the page. */
  async silent(): Promise<SilentOutcome> {
    const settings = await this.env.settings();
    const pending = await this.pending('silent-iframe', this.env.silentRedirectUri);
    this.env.onStart('silent-iframe');
    const url = authorizationUrl(
      settings.idp.authorizationEndpoint,
      this.request(settings, pending, 'none'),
    );
    const answer = await authorizeInHiddenIframe(
      this.env.win.document,
      url,
      pending.redirectUri,
      this.env.silentTimeoutMs,
    );
    if (!answer) return { kind: 'no-answer' };
    const result = codeFromAnswer(answer.searchParams, pending, settings.idp);
    if (!(result instanceof MessengerAuthError)) return { kind: 'code', code: result };
    if (result.code === MessengerAuthErrorCode.LOGIN_REQUIRED)
      return { kind: 'interaction-required' };
    throw result;
  }

  /**
   * Sends the page to the IdP with `prompt=none` (silent where the iframe could not see the IdP
   * session, e.g. with third-party cookies blocked), unless that already happened within the
   * window; the answer comes back to this route and scroll position.
   * @returns `navigating`, or `already-tried` when the window's one attempt is spent
   */
  async silentRedirect(): Promise<'navigating' | 'already-tried'> {
    if (!this.mayNavigate('silent-redirect')) return 'already-tried';
    await this.redirect(await this.env.settings(), 'silent-redirect', 'none');
    return 'navigating';
  }

  /**
   * Sends the user to the IdP's login page, unless that already happened within the window.
   * @throws MessengerAuthError LOGIN_LOOP_PREVENTED when it did
   */
  async interactive(): Promise<'navigating'> {
    const last = this.env.store.lastNavigation('interactive');
    if (!this.mayNavigate('interactive')) {
      throw new MessengerAuthError(
        MessengerAuthErrorCode.LOGIN_LOOP_PREVENTED,
        DEV_MODE &&
          `a login for Messenger already happened ${Math.round((this.env.now() - (last ?? 0)) / 1000)} s ago; not starting another`,
      );
    }
    await this.redirect(await this.env.settings(), 'interactive');
    return 'navigating';
  }

  /** Whether this navigation is the window's first; if so, it is recorded as done. */
  private mayNavigate(kind: GuardedNavigation): boolean {
    const last = this.env.store.lastNavigation(kind);
    const now = this.env.now();
    if (last !== undefined && now - last < this.env.reauthWindowMs) return false;
    this.env.store.recordNavigation(kind, now);
    return true;
  }

  private async redirect(
    settings: AuthorizerSettings,
    mode: AuthorizationMode,
    prompt?: 'none',
  ): Promise<void> {
    const pending = await this.pending(mode, this.env.redirectUri);
    this.env.onStart(mode);
    this.env.win.location.assign(
      authorizationUrl(settings.idp.authorizationEndpoint, this.request(settings, pending, prompt)),
    );
  }

  private async pending(
    mode: AuthorizationMode,
    redirectUri: string,
  ): Promise<PendingAuthorization & { challenge: string }> {
    const { verifier, challenge } = await createPkcePair();
    const { location, scrollY } = this.env.win;
    const pending: PendingAuthorization = {
      state: randomUrlSafe(24),
      nonce: randomUrlSafe(24),
      codeVerifier: verifier,
      redirectUri,
      mode,
      returnTo: location.pathname + location.search + location.hash,
      scrollY,
      createdAt: this.env.now(),
    };
    if (mode !== 'silent-iframe') this.env.store.save(pending, this.env.now());
    return { ...pending, challenge };
  }

  private request(
    settings: AuthorizerSettings,
    pending: PendingAuthorization & { challenge: string },
    prompt?: 'none',
  ) {
    return {
      clientId: settings.clientId,
      scope: settings.scope,
      redirectUri: pending.redirectUri,
      state: pending.state,
      nonce: pending.nonce,
      codeChallenge: pending.challenge,
      prompt,
    };
  }
}
