import { Subject, Subscription, type Observable } from 'rxjs';
import {
  MessengerAuthError,
  MessengerAuthErrorCode,
  type GenesysAuthCodeResult,
  type GenesysAuthenticatedData,
  ɵDEV_MODE as DEV_MODE,
} from 'ngx-genesys-messenger-auth/core';
import { MessengerAuthLogLevel } from 'ngx-genesys-messenger-auth/core';
import { registerAuthProvider } from '../messenger/auth-provider-plugin';
import type { TabMessage } from '../tabs/tab-channel';
import type { BridgeDeps } from './bridge-ports';
import type {
  MessengerAuthEndReason,
  MessengerAuthEvent,
  MessengerAuthState,
} from 'ngx-genesys-messenger-auth/core';
import { BridgeTimeline } from './bridge-timeline';
import { CodeBroker } from './code-broker';
import { JwtSchedule } from './jwt-schedule';
import { LockedRefresh } from './locked-refresh';

/** How long Messenger gets to take a recovery into its own hands before the bridge acts. */
const RECOVERY_GRACE_MS = 1000;

/**
 * Keeps Messenger's authentication in step with the portal's (DESIGN.md "The flows"): follows
 * the portal and Messenger, keeps the JWT fresh through the refresh engine (one tab for the
 * browser), recovers a lost session, and signs Messenger out with the portal. Its parts: the
 * {@link CodeBroker} (codes), the {@link LockedRefresh} (refreshes), the {@link BridgeTimeline}
 * (state and events). Plain TypeScript: the Angular layer builds its dependencies.
 */
export class MessengerAuthBridge {
  private readonly timeline: BridgeTimeline;
  private readonly broker: CodeBroker;
  private readonly refresh: LockedRefresh;
  private readonly schedule: JwtSchedule;
  private readonly subscriptions = new Subscription();
  private readonly stopped = new Subject<void>();
  private portalSignedIn = false;
  private running = true;

  /** The state, as it changes. */
  readonly state$: Observable<MessengerAuthState>;
  /** The timeline of what happened (no secrets). */
  readonly events$: Observable<MessengerAuthEvent>;
  /** When the next refresh is due (local ms), or null. */
  readonly nextRefreshAt$: Observable<number | null>;
  /** Why the bridge stopped in `ended` (null in every other state). */
  readonly endReason$: Observable<MessengerAuthEndReason | null>;

  constructor(private readonly deps: BridgeDeps) {
    this.timeline = new BridgeTimeline(deps.now, deps.logger);
    this.broker = new CodeBroker(
      {
        ...deps,
        wanted: () => this.running && this.portalSignedIn,
        stopped$: this.stopped,
      },
      this.timeline,
    );
    this.refresh = new LockedRefresh(deps, this.timeline);
    this.schedule = new JwtSchedule(deps, this.refresh, this.timeline, () => this.onFailed());
    this.state$ = this.timeline.state$;
    this.events$ = this.timeline.events$;
    this.nextRefreshAt$ = this.timeline.nextRefreshAt$;
    this.endReason$ = this.timeline.endReason$;
  }

  /** The current state. */
  get state(): MessengerAuthState {
    return this.timeline.state;
  }

  /**
   * Takes the answer of a full-page authorization redirect out of the URL, if this page load is
   * one. Call it before the portal's OIDC library reads the URL.
   */
  captureRedirect(): Promise<void> {
    return this.deps.authorizer
      .captureRedirect()
      .then((result) => this.adoptRedirectAnswer(result));
  }

  /** Takes in the answer of a full-page authorization redirect read from this page load's URL. */
  adoptRedirectAnswer(result: GenesysAuthCodeResult | MessengerAuthError | undefined): void {
    this.broker.adoptRedirectAnswer(result);
  }

  /** Starts following the portal and Messenger; registers the AuthProvider plugin. */
  start(): void {
    const { messenger, channel, portal } = this.deps;
    if (!messenger.isPresent) {
      return this.timeline.error(
        new MessengerAuthError(
          MessengerAuthErrorCode.MESSENGER_NOT_LOADED,
          DEV_MODE &&
            'window.Genesys is not defined: add the deployment snippet or withMessengerSnippet()',
        ),
      );
    }
    const on = <T>(event: string, next: (data: T | undefined) => void) =>
      this.subscriptions.add(messenger.on<T>(event).subscribe((e) => next(e.data)));
    this.subscriptions.add(
      this.deps.authorizationStarts.subscribe((mode) =>
        this.timeline.emit({ type: 'authorization-started', mode }),
      ),
    );
    this.subscriptions.add(portal.signedIn$.subscribe((signedIn) => this.onPortal(signedIn)));
    on<GenesysAuthenticatedData>('Auth.authenticated', (data) => this.onAuthenticated(data?.jwt));
    on('Auth.loggedOut', () => this.onLoggedOut('messenger'));
    for (const failure of ['Auth.error', 'Auth.tokenError', 'Auth.authError']) {
      on(failure, (data) => this.broker.failed(data));
    }
    this.subscriptions.add(channel.messages$.subscribe((message) => this.onTabMessage(message)));
    this.subscriptions.add(this.schedule.start());
    void registerAuthProvider(messenger, {
      ...this.broker.handlers,
      beforeReady: () => this.beforeReady(),
    });
  }

  /**
   * Stops for good (the injector is destroyed): every subscription, timer and wait ends, the tab
   * channel closes and this tab's note beside the refresh lock is withdrawn.
   */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.stopped.next();
    this.stopped.complete();
    this.subscriptions.unsubscribe();
    this.deps.channel.close();
    this.refresh.withdrawNote();
  }

  /** Refreshes now, whatever the deadline (joins a refresh in flight). */
  refreshNow(): void {
    this.schedule.refreshNow();
  }

  /** Signs Messenger out (revoking its tokens), in every tab; the portal's sign-out follows. */
  async signOut(): Promise<void> {
    await this.refresh.renewIfDue('sign-out');
    this.deps.channel.post({ type: 'signed-out' });
    // Before Messenger's own Auth.loggedOut, which would be reported as coming from Messenger.
    this.onLoggedOut('portal');
    await this.deps.messenger
      .command('Auth.logout')
      .catch((error: unknown) =>
        this.timeline.log(MessengerAuthLogLevel.Warn, 'Messenger logout did not complete', error),
      );
  }

  /**
   * A person asked to sign in to chat (the action offered in `ended`): the guards start afresh,
   * and a login page may be shown whatever `reauthMode` says.
   */
  signInToChat(): Promise<void> {
    return this.broker.signInToChat();
  }

  private async beforeReady(): Promise<void> {
    const current = this.deps.tracker.current();
    if (!current) return;
    // Not signed in to the portal (yet): a new tab of a portal that keeps its session per tab is
    // about to sign in again. Messenger's tokens are left alone; sign-outs run Auth.logout.
    if (!this.portalSignedIn) return;
    this.schedule.follow(current);
    // A page opened after the JWT expired: refresh before Messenger looks (it would re-authenticate).
    await this.refresh.renewIfDue('start-up');
  }

  /** A refresh failed for good: the other tabs hear it, and Messenger is signed in again. */
  private onFailed(): void {
    this.deps.channel.post({ type: 'session-ended', reason: 'refresh-failed' });
    // Messenger's own re-authentication may already be under way, or have stopped.
    if (this.state === 'ended' || this.broker.reauthenticating) return;
    this.timeline.end('refresh-failed');
    void this.broker.recover(RECOVERY_GRACE_MS);
  }

  private onAuthenticated(jwt: string | undefined): void {
    this.broker.signedIn();
    // The answer to this tab's own refresh, which reports it when it settles: a new observation
    // now would make the refresh engine drop the refresh in flight (switchMap) before it reports.
    if (this.refresh.inFlight) return;
    const observation = this.deps.tracker.announced(jwt);
    if (!observation) return;
    this.timeline.setState('authenticated');
    if (!this.schedule.observe(observation, 'Auth.authenticated')) return;
    // A new session (a code exchanged here): the other tabs follow it instead of starting theirs.
    const { fingerprint: print, receivedAt, lifetimeMs } = observation;
    this.deps.channel.post({ type: 'jwt-observed', fingerprint: print, receivedAt, lifetimeMs });
  }

  private onTabMessage(message: TabMessage): void {
    if (message.type === 'signed-out') {
      // Anonymous first: the portal sign-out that follows came from elsewhere and must not be
      // announced back (the other tab is still completing its own sign-out).
      this.onLoggedOut('other-tab');
      this.deps.portal.signOutLocally();
    } else if (message.type === 'session-ended') {
      // The other tab signs Messenger in again; this one follows the new session when it comes.
      this.schedule.clear();
      if (this.portalSignedIn && this.state !== 'anonymous') this.timeline.end('refresh-failed');
    } else {
      void this.schedule.followOtherTab(message).then((followed) => {
        if (!followed || !this.running) return;
        // A Messenger here that lost the session takes the new one up with a refresh from the
        // shared tokens: one Genesys session for the browser, never a second code.
        const lost = this.state === 'anonymous' || this.state === 'ended';
        if (lost && this.portalSignedIn) this.schedule.refreshNow();
        else this.timeline.setState('authenticated');
      });
    }
  }

  private onPortal(signedIn: boolean): void {
    const wasSignedIn = this.portalSignedIn;
    this.portalSignedIn = signedIn;
    if (wasSignedIn && !signedIn && this.state !== 'anonymous') void this.signOut();
  }

  private onLoggedOut(origin: 'portal' | 'messenger' | 'other-tab'): void {
    this.broker.signedOut();
    this.schedule.clear();
    this.deps.tracker.clear();
    this.refresh.withdrawNote();
    if (this.state === 'anonymous') return;
    this.timeline.setState('anonymous');
    this.timeline.emit({ type: 'signed-out', origin });
  }
}
