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
  rateLimitWaitMs,
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
import { CodeRecovery } from '../recovery/code-recovery';
import type { TabMessage } from '../tabs/tab-channel';
import type { BridgeDeps } from './bridge-ports';
import type {
  MessengerAuthEndReason,
  MessengerAuthEvent,
  MessengerAuthState,
} from './bridge-state';

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
  private readonly endReasonSubject = new BehaviorSubject<MessengerAuthEndReason | null>(null);
  private readonly observations = new BehaviorSubject<JwtObservation | null>(null);
  private readonly manual = new Subject<void>();
  private readonly subscriptions = new Subscription();
  private readonly recovery: CodeRecovery;
  private heldCode?: GenesysAuthCodeResult;
  /** The last code Messenger got, while Genesys has not answered it. */
  private lastHandedCode?: GenesysAuthCodeResult;
  private expectArrival = false;
  private portalSignedIn = false;
  private reauthFlight?: Promise<void>;
  private refreshFlight?: Promise<RefreshAttemptResult>;
  /** Whether this page load came back from `prompt=none` with login_required. */
  private idpNeedsUser = false;

  /** The state, as it changes. */
  readonly state$: Observable<MessengerAuthState> = this.stateSubject.asObservable();
  /** The timeline of what happened (no secrets). */
  readonly events$: Observable<MessengerAuthEvent> = this.eventSubject.asObservable();
  /** When the next refresh is due (local ms), or null. */
  readonly nextRefreshAt$: Observable<number | null> = this.nextRefreshSubject.asObservable();
  /** Why the bridge stopped in `ended` (null in every other state). */
  readonly endReason$: Observable<MessengerAuthEndReason | null> =
    this.endReasonSubject.asObservable();

  constructor(private readonly deps: BridgeDeps) {
    this.recovery = new CodeRecovery({
      ...deps,
      wanted: () => this.portalSignedIn,
      onWaiting: () => this.end('waiting-for-page'),
    });
  }

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
      // The top-level prompt=none found no IdP session either: the user must sign in.
      this.idpNeedsUser = true;
      this.recovery.loginRequired().catch((error: unknown) => this.stopRecovery(error));
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
    for (const failure of ['Auth.error', 'Auth.tokenError', 'Auth.authError']) {
      this.subscriptions.add(messenger.on(failure).subscribe((e) => this.onFailure(e.data)));
    }
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
    // Genesys revokes the 24 h refresh token only for a valid JWT: renew a due one first.
    const current = this.deps.tracker.current();
    if (current && isDue(current, this.deps.policy, this.deps.now())) {
      await this.refreshOnce('sign-out').catch((error: unknown) =>
        this.log(MessengerAuthLogLevel.Warn, 'no valid JWT to revoke with', error),
      );
    }
    this.deps.channel.post({ type: 'signed-out' });
    // Before Messenger's own Auth.loggedOut, which would be reported as coming from Messenger.
    this.onLoggedOut('portal');
    await this.bounded(this.deps.messenger.command('Auth.logout')).catch((error: unknown) =>
      this.log(MessengerAuthLogLevel.Warn, 'Messenger logout did not complete', error),
    );
  }

  /**
   * A person asked to sign in to chat (the action offered in `ended`): the guards start afresh,
   * and a login page may be shown whatever `reauthMode` says.
   */
  async signInToChat(): Promise<void> {
    if (!this.portalSignedIn || this.state === 'authenticated') return;
    this.setState('authorizing');
    const code = await this.recovery.requested().catch((error: unknown) => {
      this.stopRecovery(error);
      return undefined;
    });
    if (code) await this.giveTokens(code);
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
    this.handOver(code, via);
    return code;
  }

  /** Gives Messenger a code (once) and counts it against the loop guard. */
  private handOver(code: GenesysAuthCodeResult, via: 'getAuthCode' | 'signIn'): void {
    if (this.heldCode === code) this.heldCode = undefined;
    this.lastHandedCode = code;
    this.recovery.handedOver();
    this.expectArrival = true;
    this.emit({ type: 'code-handed-over', via });
  }

  /** Hands a code to Messenger when it does not ask for one itself. */
  private async giveTokens(code: GenesysAuthCodeResult): Promise<void> {
    this.handOver(code, 'getAuthCode');
    await this.bounded(this.deps.messenger.command('Auth.getTokens', code));
  }

  private reAuthenticate(): Promise<void> {
    const flight = (this.reauthFlight ??= this.reAuthenticateOnce().finally(
      () => (this.reauthFlight = undefined),
    ));
    return flight;
  }

  private async reAuthenticateOnce(): Promise<void> {
    this.setState('reauthenticating');
    const code = await this.obtainCode();
    if (!code) return this.never<void>();
    this.heldCode = code;
  }

  /**
   * The code Messenger gets next, once the refused codes and Genesys' rate limit allow: the one
   * held (e.g. a code the rate limit left unused), else a fresh one; undefined while the page
   * leaves for the IdP.
   */
  private async obtainCode(): Promise<GenesysAuthCodeResult | undefined> {
    if (!this.portalSignedIn) {
      throw new MessengerAuthError(
        MessengerAuthErrorCode.PORTAL_SIGNED_OUT,
        'nobody is signed in to the portal',
      );
    }
    this.setState('authorizing');
    const code = await this.recovery
      .paced()
      .then(
        () =>
          this.heldCode ??
          // No silent attempt can succeed on a page the IdP just sent back with login_required.
          (this.idpNeedsUser ? this.recovery.loginRequired() : this.recovery.obtain()),
      )
      .catch(this.stopped);
    if (code) this.setState('authorizing');
    return code;
  }

  /** Reports why recovery stopped, and passes the error on. */
  private readonly stopped = (error: unknown): never => {
    this.stopRecovery(error);
    throw error;
  };

  /** Recovery gave up: `ended` with the reason, or `error` for a refused IdP answer. */
  private stopRecovery(error: unknown): void {
    if (isMessengerAuthError(error, MessengerAuthErrorCode.LOGIN_LOOP_PREVENTED)) {
      this.end('login-loop-prevented', error);
    } else if (isMessengerAuthError(error, MessengerAuthErrorCode.LOGIN_REQUIRED)) {
      this.end('login-required', error);
    } else if (!isMessengerAuthError(error, MessengerAuthErrorCode.PORTAL_SIGNED_OUT)) {
      this.fail('authorization-failed', error);
    }
  }

  /** Genesys met its per-minute limit: wait it out, and keep the code it did not use. */
  private onFailure(data: unknown): void {
    const waitMs = rateLimitWaitMs(data);
    if (waitMs === undefined) return;
    this.recovery.rateLimited(this.deps.now() + waitMs);
    if (this.lastHandedCode && !this.heldCode) this.heldCode = this.lastHandedCode;
    this.lastHandedCode = undefined;
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
      case 'failed': {
        // Messenger's own re-authentication may already be under way, or have stopped.
        const recovering = this.state === 'ended' || this.reauthFlight !== undefined;
        if (!recovering) this.end('refresh-failed');
        this.observations.next(null);
        this.nextRefreshSubject.next(null);
        this.emit({ type: 'session-ended', reason: describe(event.error) });
        this.deps.channel.post({ type: 'session-ended', reason: 'refresh-failed' });
        if (!recovering) void this.recover();
      }
    }
  }

  /**
   * After a final refresh failure: lets Messenger start its own re-authentication first; otherwise
   * gets a code (silently if possible) and hands it to Messenger with `Auth.getTokens`.
   */
  private async recover(): Promise<void> {
    await lastValueFrom(timer(RECOVERY_GRACE_MS, this.deps.scheduler));
    // Messenger's own re-authentication may already have stopped: no second attempt.
    if (this.state !== 'ended' || this.endReasonSubject.value !== 'refresh-failed') return;
    if (!this.portalSignedIn) return;
    try {
      await this.reAuthenticate();
      await lastValueFrom(timer(RECOVERY_GRACE_MS, this.deps.scheduler));
      const code = this.heldCode;
      if (code) await this.giveTokens(code);
    } catch (error) {
      this.log(MessengerAuthLogLevel.Warn, 'could not sign Messenger in again', error);
    }
  }

  private onAuthenticated(jwt: string | undefined): void {
    this.recovery.signedIn();
    this.lastHandedCode = undefined;
    this.idpNeedsUser = false;
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
    this.lastHandedCode = undefined;
    this.observations.next(null);
    this.nextRefreshSubject.next(null);
    this.deps.tracker.clear();
    this.deps.lock.withdrawNote(refreshLockName(this.deps.deploymentId));
    if (this.state === 'anonymous') return;
    this.setState('anonymous');
    this.emit({ type: 'signed-out', origin });
  }

  private fail(type: 'authorization-failed', error: unknown): void {
    this.emit({ type, reason: describe(error) });
    this.setState('error');
    this.log(MessengerAuthLogLevel.Warn, type, error);
  }

  /** Stops in `ended`; the portal can offer {@link signInToChat}. */
  private end(reason: MessengerAuthEndReason, error?: unknown): void {
    const detail = error === undefined ? reason : describe(error);
    const changed = this.endReasonSubject.value !== reason;
    this.endReasonSubject.next(reason);
    this.setState('ended');
    if (!changed) return;
    this.emit({ type: 'recovery-stopped', reason, detail });
    if (error !== undefined) this.log(MessengerAuthLogLevel.Warn, detail);
  }

  private setState(to: MessengerAuthState): void {
    const from = this.stateSubject.value;
    if (to !== 'ended') this.endReasonSubject.next(null);
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
