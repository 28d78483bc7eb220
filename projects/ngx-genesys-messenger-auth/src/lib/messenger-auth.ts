import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject, Injectable, Injector, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import {
  DEFAULT_MESSENGER_AUTH_CONFIG,
  MessengerAuthLogger,
  MessengerAuthLogLevel,
  ɵcaptureRedirect as captureRedirect,
  ɵPendingAuthorizations as PendingAuthorizations,
  type MessengerAuthEndReason,
  type MessengerAuthEvent,
  type MessengerAuthState,
} from 'ngx-genesys-messenger-auth/core/startup';
import type { ɵMessengerAuthBridge as MessengerAuthBridge } from 'ngx-genesys-messenger-auth/engine';
import {
  firstValueFrom,
  ReplaySubject,
  shareReplay,
  startWith,
  switchMap,
  type Observable,
} from 'rxjs';
import {
  MESSENGER_AUTH_CLOCK,
  MESSENGER_AUTH_CONFIG_SOURCE,
  MESSENGER_AUTH_ENGINE_LOADED,
  MESSENGER_AUTH_INSTALLS_SNIPPET,
  MESSENGER_AUTH_SCHEDULER,
  MESSENGER_AUTH_SETUP,
} from './messenger-auth-tokens';
import { MessengerSignOutHook } from './oidc/messenger-sign-out-hook';

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
  private readonly oidc = inject(OidcSecurityService);
  private readonly installSnippet = inject(MESSENGER_AUTH_INSTALLS_SNIPPET);
  private readonly now = inject(MESSENGER_AUTH_CLOCK);
  private readonly scheduler = inject(MESSENGER_AUTH_SCHEDULER);
  private readonly logger = inject(MessengerAuthLogger);
  /**
   * Where the engine and the configuration come from: read in {@link ɵinitialize} only, so that a
   * page where the bridge does not run (a frame) never loads the engine to check the configuration.
   */
  private readonly injector = inject(Injector);
  private readonly win = inject(DOCUMENT).defaultView as Window;
  private readonly bridges = new ReplaySubject<MessengerAuthBridge>(1);
  private bridge?: MessengerAuthBridge;
  /**
   * The bridge once the engine has loaded and the configuration is known; undefined when it never
   * comes (no configuration, the engine failed to load, the injector was destroyed, or the page is
   * a frame where the bridge does not run).
   */
  private loaded: Promise<MessengerAuthBridge | undefined> = Promise.resolve(undefined);
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

  /** Refreshes Messenger's JWT now (joins a refresh in flight; waits for the bridge to load). */
  refreshNow(): void {
    if (this.bridge) this.bridge.refreshNow();
    else void this.loaded.then((bridge) => bridge?.refreshNow());
  }

  /**
   * Signs Messenger in again at a person's request — the action to offer while the state is
   * `ended`: the loop guards start afresh, a hidden iframe is tried first, then the IdP's login
   * page (also with `reauthMode: 'silent-only'`: the person chose to leave the page).
   */
  signInToChat(): Promise<void> {
    return this.loaded.then((bridge) => bridge?.signInToChat());
  }

  /** Signs the user out of Messenger (revoking its tokens) and then of the portal and the IdP. */
  async signOut(): Promise<void> {
    await firstValueFrom(this.oidc.logoffAndRevokeTokens(this.setup.oidcConfigId), {
      defaultValue: undefined,
    });
  }

  /** Signs Messenger out in every tab; the portal's logoff paths call it first. */
  signOutMessenger(): Promise<void> {
    return this.loaded.then((bridge) => bridge?.signOut());
  }

  /**
   * @internal Takes a redirect answer out of the address now (before the portal's OIDC library
   * reads the URL), loads the engine, builds the bridge once the configuration is known, and
   * starts it after the app's initializers.
   */
  ɵinitialize(initialized: Promise<unknown>): void {
    // Published profiles carry no redirectPath: the portal's own setting (or the default) holds.
    const redirectPath = this.setup.redirectPath ?? DEFAULT_MESSENGER_AUTH_CONFIG.redirectPath;
    const redirectUri = this.win.location.origin + redirectPath;
    const captured = captureRedirect({
      win: this.win,
      pending: new PendingAuthorizations(this.win.sessionStorage, AUTHORIZATION_NAMESPACE),
      redirectUri,
    });
    const engine = this.injector.get(MESSENGER_AUTH_ENGINE_LOADED).catch((error: unknown) => {
      // e.g. the chunk could not be fetched (offline, a deployment replaced it): the portal works.
      this.fail('the bridge could not be loaded', error);
    });
    const config = this.injector.get(MESSENGER_AUTH_CONFIG_SOURCE).catch(async (error: unknown) => {
      // NGMA4101 (an invalid configuration), NGMA4180/4181 (no profile): the bridge stays off,
      // Messenger stays as the page left it and the portal keeps working. Checking the
      // configuration needs the engine: when that failed to load, it is logged once, above.
      if (await engine) this.fail('the bridge is off: it has no valid configuration', error);
    });
    this.loaded = Promise.all([engine, config]).then(([module, resolved]) => {
      if (!module || !resolved || this.destroyed) return undefined;
      const running = module.ɵcreateMessengerAuthEngine({
        win: this.win,
        setup: this.setup,
        config: resolved,
        oidc: this.oidc,
        namespace: AUTHORIZATION_NAMESPACE,
        redirectUri,
        silentCallbackPath: SILENT_CALLBACK_PATH,
        captured,
        installSnippet: this.installSnippet,
        now: this.now,
        scheduler: this.scheduler,
        logger: this.logger,
      });
      this.bridge = running.bridge;
      this.bridges.next(running.bridge);
      void initialized.then(() => running.start(() => !this.destroyed));
      return running.bridge;
    });
  }

  private fail(message: string, error: unknown): void {
    this.logger.log(MessengerAuthLogLevel.Error, message, {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
