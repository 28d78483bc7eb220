import { DestroyRef, inject, Injectable, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import { firstValueFrom, Subject, type Observable } from 'rxjs';
import type { AuthorizationMode } from './authorization/authorization-request';
import { AuthorizationStore } from './authorization/authorization-store';
import { MessengerAuthorizer } from './authorization/messenger-authorizer';
import type { MessengerAuthEvent, MessengerAuthState } from './bridge/bridge-state';
import { JwtTracker } from './bridge/jwt-tracker';
import { MessengerAuthBridge } from './bridge/messenger-auth-bridge';
import { genesysHosts, installGenesysSnippet } from 'ngx-genesys-messenger-auth/core';
import { MessengerAuthLogger } from './logging/messenger-auth-logger';
import { MessengerClient } from './messenger/messenger-client';
import {
  MESSENGER_AUTH_CLOCK,
  MESSENGER_AUTH_CONFIG,
  MESSENGER_AUTH_INSTALLS_SNIPPET,
  MESSENGER_AUTH_SCHEDULER,
} from './messenger-auth-tokens';
import { OidcPortalSession } from './oidc/oidc-portal-session';
import { pageWakeups } from './refresh/page-wakeups';
import { createRefreshLock } from './tabs/refresh-lock';
import { TabChannel } from './tabs/tab-channel';

/** Longest wait for a Messenger command (Messenger itself never times a command out). */
const COMMAND_TIMEOUT_MS = 30_000;
/** The static page hidden-iframe authorization comes back to (ships in the package's assets). */
export const SILENT_CALLBACK_PATH = '/messenger-silent-callback.html';

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
  private readonly config = inject(MESSENGER_AUTH_CONFIG);
  private readonly oidc = inject(OidcSecurityService);
  private readonly portal = inject(OidcPortalSession);
  private readonly installsSnippet = inject(MESSENGER_AUTH_INSTALLS_SNIPPET);
  private readonly now = inject(MESSENGER_AUTH_CLOCK);
  private readonly bridge = this.createBridge();

  /** The bridge's state as it changes. */
  readonly state$: Observable<MessengerAuthState> = this.bridge.state$;
  /** What happened, timestamped; never a token, code or secret. */
  readonly events$: Observable<MessengerAuthEvent> = this.bridge.events$;
  /** When the next refresh is due (ms since the epoch), or null when none is scheduled. */
  readonly nextRefreshAt$: Observable<number | null> = this.bridge.nextRefreshAt$;
  /** The bridge's state, for templates. */
  readonly state: Signal<MessengerAuthState> = toSignal(this.state$, {
    initialValue: this.bridge.state,
  });
  /** When the next refresh is due, for templates. */
  readonly nextRefreshAt: Signal<number | null> = toSignal(this.nextRefreshAt$, {
    initialValue: null,
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.bridge.stop());
  }

  /** Refreshes Messenger's JWT now (joins a refresh in flight). */
  refreshNow(): void {
    this.bridge.refreshNow();
  }

  /** Signs the user out of Messenger (revoking its tokens) and then of the portal and the IdP. */
  async signOut(): Promise<void> {
    await firstValueFrom(this.oidc.logoffAndRevokeTokens(this.config.oidcConfigId), {
      defaultValue: undefined,
    });
  }

  /** Signs Messenger out in every tab; the portal's logoff paths call it first. */
  signOutMessenger(): Promise<void> {
    return this.bridge.signOut();
  }

  /** @internal Reads a redirect answer now; starts once the app's initializers have run. */
  ɵinitialize(initialized: Promise<unknown>): void {
    void this.bridge.captureRedirect();
    void initialized.then(() => this.start());
  }

  private async start(): Promise<void> {
    if (this.installsSnippet) {
      const signedIn = await firstValueFrom(this.portal.signedIn$);
      if (!signedIn && this.config.signedOut === 'none') return;
      const { apps } = genesysHosts(this.config.environment);
      installGenesysSnippet(
        window,
        { environment: this.config.environment, deploymentId: this.config.deploymentId },
        `${apps}/genesys-bootstrap/genesys.min.js`,
      );
    }
    this.bridge.start();
  }

  private createBridge(): MessengerAuthBridge {
    const { config, now } = this;
    const origin = window.location.origin;
    const namespace = `ngma:${config.deploymentId}`;
    const authorizationStarts = new Subject<AuthorizationMode>();
    const authorizer = new MessengerAuthorizer({
      win: window,
      store: new AuthorizationStore(window.sessionStorage, namespace),
      now,
      settings: () => this.portal.settings(),
      redirectUri: origin + config.redirectPath,
      silentRedirectUri: origin + SILENT_CALLBACK_PATH,
      silentTimeoutMs: config.silentAuthorizationTimeoutMs,
      reauthWindowMs: config.reauthWindowMs,
      onStart: (mode) => authorizationStarts.next(mode),
    });
    return new MessengerAuthBridge({
      deploymentId: config.deploymentId,
      policy: config.refresh,
      messenger: new MessengerClient(window),
      portal: this.portal,
      authorizer,
      tracker: new JwtTracker(window.localStorage, config.deploymentId, now),
      lock: createRefreshLock(),
      channel: new TabChannel(namespace),
      authorizationStarts,
      wakeups: pageWakeups(document, window),
      now,
      scheduler: inject(MESSENGER_AUTH_SCHEDULER),
      random: Math.random,
      logger: inject(MessengerAuthLogger),
      commandTimeoutMs: COMMAND_TIMEOUT_MS,
    });
  }
}
