import {
  BehaviorSubject,
  lastValueFrom,
  Subject,
  Subscription,
  timer,
  type Observable,
} from 'rxjs';
import {
  MessengerAuthError,
  MessengerAuthErrorCode,
  isMessengerAuthError,
  fingerprint,
  isDue,
  type JwtObservation,
  type GenesysAuthCodeResult,
  type GenesysAuthenticatedData,
} from 'ngx-genesys-messenger-auth/core';
import { registerAuthProvider } from '../messenger/auth-provider-plugin';
import { MessengerAuthLogLevel } from '../logging/messenger-auth-logger';
import {
  refreshEngine,
  type RefreshAttemptResult,
  type RefreshEngineEvent,
} from '../refresh/refresh-engine';
import type { TabMessage } from '../tabs/tab-channel';
import type { BridgeDeps } from './bridge-ports';
import type { MessengerAuthEvent, MessengerAuthState } from './bridge-state';

type EventBody = MessengerAuthEvent extends infer E
  ? E extends MessengerAuthEvent
    ? Omit<E, 'at'>
    : never
  : never;

/** How long Messenger gets to take a recovery into its own hands before the bridge acts. */
const RECOVERY_GRACE_MS = 1000;

/**
 * Keeps Messenger's authentication in step with the portal's (DESIGN.md "The flows"): hands
 * Messenger fresh codes through the AuthProvider plugin, refreshes its JWT ahead of expiry (one tab
 * for the browser), recovers a lost session silently first, and signs Messenger out with the portal.
 * Plain TypeScript: the Angular layer builds its dependencies and exposes its state.
 */
export class MessengerAuthBridge {
  private readonly stateSubject = new BehaviorSubject<MessengerAuthState>('anonymous');
  private readonly eventSubject = new Subject<MessengerAuthEvent>();
  private readonly nextRefreshSubject = new BehaviorSubject<number | null>(null);
  private readonly observations = new BehaviorSubject<JwtObservation | null>(null);
  private readonly manual = new Subject<void>();
  private readonly subscriptions = new Subscription();
  private heldCode?: GenesysAuthCodeResult;
  private expectArrival = false;
  private portalSignedIn = false;
  private reauthFlight?: Promise<void>;
  /** Whether the loop guard refused a login since Messenger was last authenticated. */
  private loginPrevented = false;
  private refreshFlight?: Promise<RefreshAttemptResult>;

  /** The state, as it changes. */
  readonly state$: Observable<MessengerAuthState> = this.stateSubject.asObservable();
  /** The timeline of what happened (no secrets). */
  readonly events$: Observable<MessengerAuthEvent> = this.eventSubject.asObservable();
  /** When the next refresh is due (local ms), or null. */
  readonly nextRefreshAt$: Observable<number | null> = this.nextRefreshSubject.asObservable();

  constructor(private readonly deps: BridgeDeps) {}

  /** The current state. */
  get state(): MessengerAuthState {
    return this.stateSubject.value;
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
    if (!result) return;
    if (!(result instanceof MessengerAuthError)) {
      this.heldCode = result;
    } else if (result.code === MessengerAuthErrorCode.LOGIN_REQUIRED) {
      // The silent redirect found no IdP session: the user must sign in (once per window).
      this.deps.authorizer
        .interactive()
        .catch((error: unknown) => this.fail('login-loop-prevented', error));
    } else {
      this.fail('authorization-failed', result);
    }
  }

  /** Starts following the portal and Messenger; registers the AuthProvider plugin. */
  start(): void {
    const { messenger, channel, portal } = this.deps;
    if (!messenger.isPresent) {
      const error = new MessengerAuthError(
        MessengerAuthErrorCode.MESSENGER_NOT_LOADED,
        'window.Genesys is not defined: add the deployment snippet or withMessengerSnippet()',
      );
      this.emit({ type: 'error', code: `NGMA${error.code}`, message: error.message });
      this.setState('error');
      this.log(MessengerAuthLogLevel.Error, error.message);
      return;
    }
    this.subscriptions.add(
      this.deps.authorizationStarts.subscribe((mode) =>
        this.emit({ type: 'authorization-started', mode }),
      ),
    );
    this.subscriptions.add(portal.signedIn$.subscribe((signedIn) => this.onPortal(signedIn)));
    this.subscriptions.add(
      messenger
        .on<GenesysAuthenticatedData>('Auth.authenticated')
        .subscribe((e) => this.onAuthenticated(e.data?.jwt)),
    );
    this.subscriptions.add(
      messenger.on('Auth.loggedOut').subscribe(() => this.onLoggedOut('messenger')),
    );
    this.subscriptions.add(channel.messages$.subscribe((message) => this.onTabMessage(message)));
    this.subscriptions.add(
      refreshEngine({
        observations: this.observations,
        wakeups: this.deps.wakeups,
        manual: this.manual,
        policy: this.deps.policy,
        now: this.deps.now,
        scheduler: this.deps.scheduler,
        random: this.deps.random,
        attempt: (trigger) => this.refreshOnce(trigger),
      }).subscribe((event) => this.onEngine(event)),
    );
    void registerAuthProvider(messenger, {
      getAuthCode: ({ forceUpdate }) => this.getAuthCode(forceUpdate, 'getAuthCode'),
      reAuthenticate: () => this.reAuthenticate(),
      signIn: async () => (await this.getAuthCode(false, 'signIn')) ?? this.never(),
      beforeReady: () => this.beforeReady(),
    });
  }

  /** Stops every subscription and timer. */
  stop(): void {
    this.subscriptions.unsubscribe();
  }

  /** Refreshes now, whatever the deadline (joins a refresh in flight). */
  refreshNow(): void {
    this.manual.next();
  }

  /** Signs Messenger out (revoking its tokens), in every tab; the portal's sign-out follows. */
  async signOut(): Promise<void> {
    this.deps.channel.post({ type: 'signed-out' });
    // Before Messenger's own Auth.loggedOut, which would be reported as coming from Messenger.
    this.onLoggedOut('portal');
    await this.bounded(this.deps.messenger.command('Auth.logout')).catch((error: unknown) =>
      this.log(MessengerAuthLogLevel.Warn, 'Messenger logout did not complete', error),
    );
  }

  private async beforeReady(): Promise<void> {
    const current = this.deps.tracker.current();
    if (!current) return;
    // Not signed in to the portal (yet): a new tab of a portal that keeps its session per tab is
    // about to sign in again. Messenger's tokens are left alone; sign-outs run Auth.logout.
    if (!this.portalSignedIn) return;
    this.observations.next(current);
    // A page opened after the JWT expired: refresh before Messenger looks (it would re-authenticate).
    if (isDue(current, this.deps.policy, this.deps.now())) {
      await this.refreshOnce('start-up').catch(() => undefined);
    }
  }

  private async getAuthCode(
    forceUpdate: boolean,
    via: 'getAuthCode' | 'signIn',
  ): Promise<GenesysAuthCodeResult | undefined> {
    if (forceUpdate) this.heldCode = undefined;
    const code = this.heldCode ?? (await this.obtainCode());
    if (!code) return undefined;
    if (this.heldCode === code) this.heldCode = undefined;
    this.expectArrival = true;
    this.emit({ type: 'code-handed-over', via });
    return code;
  }

  private reAuthenticate(): Promise<void> {
    const flight = (this.reauthFlight ??= this.reAuthenticateOnce().finally(
      () => (this.reauthFlight = undefined),
    ));
    return flight;
  }

  private async reAuthenticateOnce(): Promise<void> {
    this.setState('reauthenticating');
    const code = this.heldCode ?? (await this.obtainCode());
    if (!code) return this.never<void>();
    this.heldCode = code;
  }

  /** A fresh code: silently if the IdP session lives, else through one interactive login. */
  private async obtainCode(): Promise<GenesysAuthCodeResult | undefined> {
    if (!this.portalSignedIn) {
      throw new MessengerAuthError(
        MessengerAuthErrorCode.PORTAL_SIGNED_OUT,
        'nobody is signed in to the portal',
      );
    }
    this.setState('authorizing');
    try {
      const outcome = await this.deps.authorizer.silent();
      if (outcome.kind === 'code') return outcome.code;
      if (outcome.kind === 'navigating') return undefined;
      await this.deps.authorizer.interactive();
      return undefined;
    } catch (error) {
      this.fail(
        isMessengerAuthError(error, MessengerAuthErrorCode.LOGIN_LOOP_PREVENTED)
          ? 'login-loop-prevented'
          : 'authorization-failed',
        error,
      );
      throw error;
    }
  }

  /** One refresh for the browser: under the tabs' lock, skipped when another tab just did it. */
  private refreshOnce(trigger: string): Promise<RefreshAttemptResult> {
    const flight = (this.refreshFlight ??= this.lockedRefresh(trigger).finally(
      () => (this.refreshFlight = undefined),
    ));
    return flight;
  }

  private async lockedRefresh(trigger: string): Promise<RefreshAttemptResult> {
    const { lock, tracker, policy, deploymentId } = this.deps;
    const lockName = refreshLockName(deploymentId);
    const outcome = await lock.run(
      lockName,
      async (): Promise<RefreshAttemptResult> => {
        // Re-read the shared state under the lock: another tab may have refreshed meanwhile. Its
        // note tells so even while this tab's copy of localStorage still shows the old JWT.
        const current = tracker.newest(await lock.readNotes(lockName));
        if (trigger !== 'manual' && current && !isDue(current, policy, this.deps.now())) {
          return { kind: 'skipped', observation: current };
        }
        if (!tracker.mayHaveRefreshToken()) {
          throw new MessengerAuthError(
            MessengerAuthErrorCode.SESSION_ENDED,
            'Messenger holds no refresh token',
          );
        }
        this.setState('refreshing');
        this.expectArrival = true;
        const answer = await this.bounded(
          this.deps.messenger.command<{ jwt?: string } | undefined>('Auth.refreshToken'),
        ).catch((error: unknown) => {
          // Messenger drops its tokens when a refresh fails: nothing is left to retry with.
          if (current && tracker.storedJwt() === null) {
            throw new MessengerAuthError(
              MessengerAuthErrorCode.SESSION_ENDED,
              'Messenger dropped its tokens after a failed refresh',
              { cause: error },
            );
          }
          throw error;
        });
        // Whether Messenger resolves with the JWT is not documented: storage tells otherwise.
        const jwt = answer?.jwt ?? tracker.storedJwt();
        const observation = jwt ? tracker.arrived(jwt) : undefined;
        this.expectArrival = false;
        if (!observation)
          throw new MessengerAuthError(
            MessengerAuthErrorCode.MALFORMED_JWT,
            'no readable JWT after the refresh',
          );
        await lock.leaveNote(lockName, tracker.noteOf(observation));
        const { fingerprint: print, receivedAt, lifetimeMs } = observation;
        this.deps.channel.post({
          type: 'jwt-observed',
          fingerprint: print,
          receivedAt,
          lifetimeMs,
        });
        // The flight settles the state itself: its engine subscription may have been replaced
        // (another tab's JWT arrived meanwhile), and then nobody else would leave `refreshing`.
        this.setState('authenticated');
        return { kind: 'refreshed', observation };
      },
      { timeoutMs: policy.lockTimeoutMs },
    );
    if (!outcome.acquired) {
      throw new MessengerAuthError(
        MessengerAuthErrorCode.REFRESH_LOCK_TIMEOUT,
        `no refresh lock (${outcome.reason})`,
      );
    }
    return outcome.value;
  }

  private onEngine(event: RefreshEngineEvent): void {
    switch (event.type) {
      case 'scheduled':
        this.nextRefreshSubject.next(event.at);
        this.emit({ type: 'refresh-scheduled', refreshAt: event.at });
        return;
      case 'due':
        this.emit({ type: 'refresh-started', trigger: event.trigger });
        return;
      case 'retrying':
        this.emit({
          type: 'refresh-retrying',
          attempt: event.attempt,
          delayMs: event.delayMs,
          reason: describe(event.error),
        });
        return;
      case 'done': {
        const { observation } = event.result;
        if (event.result.kind === 'skipped')
          this.emit({ type: 'refresh-skipped', reason: 'another-tab' });
        else
          this.emit({
            type: 'refreshed',
            jwt: observation.fingerprint,
            expiresAt: observation.expiresAt,
          });
        this.setState('authenticated');
        this.observations.next(observation);
        return;
      }
      case 'failed':
        this.setState('ended');
        this.observations.next(null);
        this.nextRefreshSubject.next(null);
        this.emit({ type: 'session-ended', reason: describe(event.error) });
        this.deps.channel.post({ type: 'session-ended', reason: 'refresh-failed' });
        void this.recover();
    }
  }

  /**
   * After a final refresh failure: lets Messenger start its own re-authentication first; otherwise
   * gets a code (silently if possible) and hands it to Messenger with `Auth.getTokens`.
   */
  private async recover(): Promise<void> {
    await lastValueFrom(timer(RECOVERY_GRACE_MS, this.deps.scheduler));
    // Messenger's own re-authentication may already have met the loop guard: no second attempt.
    if (this.state === 'authenticated' || this.loginPrevented || !this.portalSignedIn) return;
    try {
      await this.reAuthenticate();
      await lastValueFrom(timer(RECOVERY_GRACE_MS, this.deps.scheduler));
      const code = this.heldCode;
      if (!code) return;
      this.heldCode = undefined;
      this.expectArrival = true;
      this.emit({ type: 'code-handed-over', via: 'getAuthCode' });
      await this.bounded(this.deps.messenger.command('Auth.getTokens', code));
    } catch (error) {
      this.log(MessengerAuthLogLevel.Warn, 'could not sign Messenger in again', error);
    }
  }

  private onAuthenticated(jwt: string | undefined): void {
    // The answer to this tab's own refresh, which reports it when it settles: a new observation
    // now would make the refresh engine drop the refresh in flight (switchMap) before it reports.
    if (this.refreshFlight) return;
    const { tracker } = this.deps;
    const observation =
      jwt && this.expectArrival
        ? tracker.arrived(jwt)
        : jwt
          ? tracker.known(jwt)
          : tracker.current();
    if (!observation) return;
    this.expectArrival = false;
    this.setState('authenticated');
    if (observation.fingerprint === this.observations.value?.fingerprint) return;
    this.emit({
      type: 'jwt-observed',
      jwt: observation.fingerprint,
      expiresAt: observation.expiresAt,
      source: 'Auth.authenticated',
    });
    this.observations.next(observation);
  }

  private onTabMessage(message: TabMessage): void {
    if (message.type === 'signed-out') {
      // Anonymous first: the portal sign-out that follows came from elsewhere and must not be
      // announced back (the other tab is still completing its own sign-out).
      this.onLoggedOut('other-tab');
      this.deps.portal.signOutLocally();
    } else if (message.type === 'jwt-observed') {
      const jwt = this.deps.tracker.storedJwt();
      const observation =
        jwt && fingerprint(jwt) === message.fingerprint
          ? this.deps.tracker.withArrival(jwt, message)
          : undefined;
      if (observation && observation.fingerprint !== this.observations.value?.fingerprint) {
        this.emit({
          type: 'jwt-observed',
          jwt: observation.fingerprint,
          expiresAt: observation.expiresAt,
          source: 'other-tab',
        });
        this.setState('authenticated');
        this.observations.next(observation);
      }
    }
  }

  private onPortal(signedIn: boolean): void {
    const wasSignedIn = this.portalSignedIn;
    this.portalSignedIn = signedIn;
    if (wasSignedIn && !signedIn && this.state !== 'anonymous') void this.signOut();
  }

  private onLoggedOut(origin: 'portal' | 'messenger' | 'other-tab'): void {
    this.heldCode = undefined;
    this.observations.next(null);
    this.nextRefreshSubject.next(null);
    this.deps.tracker.clear();
    this.deps.lock.withdrawNote(refreshLockName(this.deps.deploymentId));
    if (this.state === 'anonymous') return;
    this.setState('anonymous');
    this.emit({ type: 'signed-out', origin });
  }

  private fail(type: 'authorization-failed' | 'login-loop-prevented', error: unknown): void {
    if (type === 'login-loop-prevented') {
      this.loginPrevented = true;
      this.emit({ type, reason: describe(error) });
      this.setState('ended');
    } else {
      this.emit({ type, reason: describe(error) });
      this.setState('error');
    }
    this.log(MessengerAuthLogLevel.Warn, type, error);
  }

  private setState(to: MessengerAuthState): void {
    const from = this.stateSubject.value;
    if (to === 'authenticated') this.loginPrevented = false;
    if (from === to) return;
    this.stateSubject.next(to);
    this.emit({ type: 'state-changed', from, to });
  }

  private emit(body: EventBody): void {
    this.eventSubject.next({ ...body, at: this.deps.now() } as MessengerAuthEvent);
  }

  private bounded<T>(work: Promise<T>): Promise<T> {
    const ms = this.deps.commandTimeoutMs;
    return Promise.race([
      work,
      lastValueFrom(timer(ms, this.deps.scheduler)).then(() => {
        throw new MessengerAuthError(
          MessengerAuthErrorCode.MESSENGER_COMMAND_TIMEOUT,
          `Messenger did not answer within ${ms} ms`,
        );
      }),
    ]);
  }

  private never<T>(): Promise<T> {
    // A login that reloads the page is under way: Messenger gets no answer, as the contract allows.
    return new Promise<T>(() => undefined);
  }

  private log(level: MessengerAuthLogLevel, message: string, error?: unknown): void {
    this.deps.logger.log(
      level,
      message,
      error === undefined ? undefined : { error: describe(error) },
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The name of the lock under which one tab refreshes for the browser. */
function refreshLockName(deploymentId: string): string {
  return `ngma-refresh:${deploymentId}`;
}
