import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject, Injectable, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import {
  DEFAULT_MESSENGER_AUTH_CONFIG,
  type ResolvedMessengerAuthConfig,
} from 'ngx-genesys-messenger-auth/core';
import {
  firstValueFrom,
  ReplaySubject,
  shareReplay,
  startWith,
  Subject,
  switchMap,
  type Observable,
} from 'rxjs';
import type { AuthorizationMode } from './authorization/authorization-request';
import { AuthorizationStore } from './authorization/authorization-store';
import { MessengerAuthorizer } from './authorization/messenger-authorizer';
import type {
  MessengerAuthEndReason,
  MessengerAuthEvent,
  MessengerAuthState,
} from './bridge/bridge-state';
import { JwtTracker } from './bridge/jwt-tracker';
import { MessengerAuthBridge } from './bridge/messenger-auth-bridge';
import { MessengerAuthLogger, MessengerAuthLogLevel } from './logging/messenger-auth-logger';
import { MessengerClient } from './messenger/messenger-client';
import {
  MESSENGER_AUTH_CLOCK,
  MESSENGER_AUTH_CONFIG_SOURCE,
  MESSENGER_AUTH_INSTALLS_SNIPPET,
  MESSENGER_AUTH_SCHEDULER,
  MESSENGER_AUTH_SETUP,
} from './messenger-auth-tokens';
import { MessengerSignOutHook } from './oidc/messenger-sign-out-hook';
import { OidcPortalSession } from './oidc/oidc-portal-session';
import { pageWakeups } from './refresh/page-wakeups';
import { createRefreshLock } from './tabs/refresh-lock';
import { TabChannel } from './tabs/tab-channel';

/** Longest wait for a Messenger command (Messenger itself never times a command out). */
const COMMAND_TIMEOUT_MS = 30_000;
/** The static page hidden-iframe authorization comes back to (ships in the package's assets). */
export const SILENT_CALLBACK_PATH = '/messenger-silent-callback.html';
/** Where the bridge keeps its authorization attempts (one bridge per page). */
const AUTHORIZATION_NAMESPACE = 'ngma';

/**
 * Keeps Genesys Messenger signed in for as long as the portal's user is: the bridge's state, its
 * timeline and its commands. Provided by `provideMessengerAuth` / `MessengerAuthModule.forRoot`.
 * @usageNotes
 * ```ts
 * readonly messengerAuth = inject(MessengerAuth);
 * // in a template: {{ messengerAuth.state() }}, next refresh {{ messengerAuth.nextRefreshAt() | date:'mediumTime' }}
 * ```
 */
@Injectable()
export class MessengerAuth {
  private readonly setup = inject(MESSENGER_AUTH_SETUP);
  private readonly configSource = inject(MESSENGER_AUTH_CONFIG_SOURCE);
  private readonly oidc = inject(OidcSecurityService);
  private readonly portal = inject(OidcPortalSession);
  private readonly installSnippet = inject(MESSENGER_AUTH_INSTALLS_SNIPPET);
  private readonly now = inject(MESSENGER_AUTH_CLOCK);
  private readonly scheduler = inject(MESSENGER_AUTH_SCHEDULER);
  private readonly logger = inject(MessengerAuthLogger);
  private readonly authorizationStarts = new Subject<AuthorizationMode>();
  private readonly doc = inject(DOCUMENT);
  private readonly win = this.doc.defaultView as Window;
  private readonly store = new AuthorizationStore(this.win.sessionStorage, AUTHORIZATION_NAMESPACE);
  private readonly authorizer = this.createAuthorizer();
  private readonly bridges = new ReplaySubject<MessengerAuthBridge>(1);
  private bridge?: MessengerAuthBridge;
  /** Whether the injector was destroyed: nothing may start after that. */
  private destroyed = false;

  /** The bridge's state as it changes (`anonymous` until the configuration is known). */
  readonly state$: Observable<MessengerAuthState> = this.bridges.pipe(
    switchMap((bridge) => bridge.state$),
    startWith<MessengerAuthState>('anonymous'),
    shareReplay({ bufferSize: 1, refCount: false }),
  );
  /** What happened, timestamped; never a token, code or secret. */
  readonly events$: Observable<MessengerAuthEvent> = this.bridges.pipe(
    switchMap((bridge) => bridge.events$),
  );
  /** When the next refresh is due (ms since the epoch), or null when none is scheduled. */
  readonly nextRefreshAt$: Observable<number | null> = this.bridges.pipe(
    switchMap((bridge) => bridge.nextRefreshAt$),
    startWith<number | null>(null),
  );
  /** Why the bridge is in `ended` (null in every other state). */
  readonly endReason$: Observable<MessengerAuthEndReason | null> = this.bridges.pipe(
    switchMap((bridge) => bridge.endReason$),
    startWith<MessengerAuthEndReason | null>(null),
  );
  /** The bridge's state, for templates. */
  readonly state: Signal<MessengerAuthState> = toSignal(this.state$, { initialValue: 'anonymous' });
  /** When the next refresh is due, for templates. */
  readonly nextRefreshAt: Signal<number | null> = toSignal(this.nextRefreshAt$, {
    initialValue: null,
  });

  /** Why the bridge is in `ended`, for templates: show "Sign in to chat" while it is set. */
  readonly endReason: Signal<MessengerAuthEndReason | null> = toSignal(this.endReason$, {
    initialValue: null,
  });

  constructor() {
    inject(MessengerSignOutHook).register(() => this.signOutMessenger());
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.bridge?.stop();
    });
  }

  /** Refreshes Messenger's JWT now (joins a refresh in flight). */
  refreshNow(): void {
    this.bridge?.refreshNow();
  }

  /**
   * Signs Messenger in again at a person's request — the action to offer while the state is
   * `ended`: the loop guards start afresh, a hidden iframe is tried first, then the IdP's login
   * page (also with `reauthMode: 'silent-only'`: the person chose to leave the page).
   */
  signInToChat(): Promise<void> {
    return this.bridge?.signInToChat() ?? Promise.resolve();
  }

  /** Signs the user out of Messenger (revoking its tokens) and then of the portal and the IdP. */
  async signOut(): Promise<void> {
    await firstValueFrom(this.oidc.logoffAndRevokeTokens(this.setup.oidcConfigId), {
      defaultValue: undefined,
    });
  }

  /** Signs Messenger out in every tab; the portal's logoff paths call it first. */
  signOutMessenger(): Promise<void> {
    return this.bridge?.signOut() ?? Promise.resolve();
  }

  /**
   * @internal Reads a redirect answer now (before the portal's OIDC library reads the URL), builds
   * the bridge once the configuration is known, and starts it after the app's initializers.
   */
  ɵinitialize(initialized: Promise<unknown>): void {
    const captured = this.authorizer.captureRedirect();
    void this.configSource.then(
      async (config) => {
        if (this.destroyed) return;
        const bridge = this.createBridge(config);
        this.bridge = bridge;
        this.bridges.next(bridge);
        bridge.adoptRedirectAnswer(await captured);
        await initialized;
        if (!this.destroyed) await this.start(config, bridge);
      },
      (error: unknown) =>
        // NGMA4180/4181: no profile. Messenger stays as the page left it; the portal keeps working.
        this.logger.log(MessengerAuthLogLevel.Error, 'the bridge has no configuration', {
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  }

  private async start(
    config: ResolvedMessengerAuthConfig,
    bridge: MessengerAuthBridge,
  ): Promise<void> {
    if (this.installSnippet) {
      const signedIn = await firstValueFrom(this.portal.signedIn$);
      if (this.destroyed || (!signedIn && config.signedOut === 'none')) return;
      this.installSnippet(this.win, config);
    }
    bridge.start();
  }

  /** The authorizer exists before the configuration: a redirect answer must be read at once. */
  private createAuthorizer(): MessengerAuthorizer {
    const origin = this.win.location.origin;
    const setup = { ...DEFAULT_MESSENGER_AUTH_CONFIG, ...this.setup };
    return new MessengerAuthorizer({
      win: this.win,
      store: this.store,
      now: this.now,
      settings: () => this.portal.settings(),
      redirectUri: origin + setup.redirectPath,
      silentRedirectUri: origin + SILENT_CALLBACK_PATH,
      silentTimeoutMs: setup.silentAuthorizationTimeoutMs,
      reauthWindowMs: setup.reauthWindowMs,
      onStart: (mode) => this.authorizationStarts.next(mode),
    });
  }

  private createBridge(config: ResolvedMessengerAuthConfig): MessengerAuthBridge {
    return new MessengerAuthBridge({
      deploymentId: config.deploymentId,
      policy: config.refresh,
      messenger: new MessengerClient(this.win, COMMAND_TIMEOUT_MS, this.scheduler),
      portal: this.portal,
      authorizer: this.authorizer,
      store: this.store,
      page: {
        visible: () => this.doc.visibilityState === 'visible',
        online: () => this.win.navigator.onLine,
      },
      reauthMode: config.reauthMode,
      reauthWindowMs: config.reauthWindowMs,
      tracker: new JwtTracker(this.win.localStorage, config.deploymentId, this.now),
      lock: createRefreshLock(),
      channel: new TabChannel(`ngma:${config.deploymentId}`),
      authorizationStarts: this.authorizationStarts,
      wakeups: pageWakeups(this.doc, this.win),
      now: this.now,
      scheduler: this.scheduler,
      random: Math.random,
      logger: this.logger,
    });
  }
}
