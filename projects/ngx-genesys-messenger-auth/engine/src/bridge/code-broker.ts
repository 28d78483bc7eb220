import { pauseUnlessStopped } from './pause';
import {
  isMessengerAuthError,
  MessengerAuthError,
  MessengerAuthErrorCode,
  rateLimitWaitMs,
  type GenesysAuthCodeResult,
  ɵDEV_MODE as DEV_MODE,
} from 'ngx-genesys-messenger-auth/core';
import { MessengerAuthLogLevel } from 'ngx-genesys-messenger-auth/core';
import type { AuthProviderHandlers } from '../messenger/auth-provider-plugin';
import type { MessengerClient } from '../messenger/messenger-client';
import { CodeRecovery, type CodeRecoveryDeps } from '../recovery/code-recovery';
import type { BridgeTimeline } from './bridge-timeline';
import type { JwtTracker } from './jwt-tracker';

/** What a {@link CodeBroker} runs on. */
export type CodeBrokerDeps = Omit<CodeRecoveryDeps, 'onWaiting'> & {
  readonly messenger: MessengerClient;
  readonly tracker: JwtTracker;
};

/**
 * Messenger's authorization codes (DESIGN.md flows 2 and 5): answers the AuthProvider plugin's
 * `getAuthCode`, `reAuthenticate` and `signIn`, hands every code over once, holds the answer of a
 * full-page redirect until Messenger asks, and gets new codes under the recovery policy.
 */
export class CodeBroker {
  private readonly recovery: CodeRecovery;
  private heldCode?: GenesysAuthCodeResult;
  /** The last code Messenger got, while Genesys has not answered it. */
  private lastHandedCode?: GenesysAuthCodeResult;
  /** Whether this page load came back from `prompt=none` with login_required. */
  private idpNeedsUser = false;
  private reauthFlight?: Promise<void>;

  constructor(
    private readonly deps: CodeBrokerDeps,
    private readonly timeline: BridgeTimeline,
  ) {
    this.recovery = new CodeRecovery({
      ...deps,
      onWaiting: () => timeline.end('waiting-for-page'),
    });
  }

  /** Whether Messenger's re-authentication is under way. */
  get reauthenticating(): boolean {
    return this.reauthFlight !== undefined;
  }

  /** The AuthProvider plugin's commands. */
  readonly handlers: Omit<AuthProviderHandlers, 'beforeReady'> = {
    getAuthCode: ({ forceUpdate }) => this.getAuthCode(forceUpdate, 'getAuthCode'),
    reAuthenticate: () => this.reAuthenticate(),
    signIn: async () => (await this.getAuthCode(false, 'signIn')) ?? never(),
  };

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
      this.timeline.fail(result);
    }
  }

  /**
   * Signs Messenger in again after a final refresh failure. Messenger gets `graceMs` to start its
   * own re-authentication, and to ask for the code itself; otherwise the bridge gets a code
   * (silently if possible) and hands it over with `Auth.getTokens`.
   */
  async recover(graceMs: number): Promise<void> {
    await this.grace(graceMs);
    // Messenger's own re-authentication may already have stopped: no second attempt.
    if (this.timeline.endReason !== 'refresh-failed' || !this.deps.wanted()) return;
    try {
      await this.reAuthenticate();
      await this.grace(graceMs);
      const code = this.deps.wanted() ? this.heldCode : undefined;
      if (code) await this.giveTokens(code);
    } catch (error) {
      this.timeline.log(MessengerAuthLogLevel.Warn, 'could not sign Messenger in again', error);
    }
  }

  private grace(ms: number): Promise<unknown> {
    return pauseUnlessStopped(ms, this.deps.scheduler, this.deps.stopped$);
  }

  /**
   * A person asked to sign in to chat (the action offered in `ended`): the guards start afresh,
   * and a login page may be shown whatever `reauthMode` says.
   */
  async signInToChat(): Promise<void> {
    if (!this.deps.wanted() || this.timeline.state === 'authenticated') return;
    this.timeline.setState('authorizing');
    const code = await this.recovery.requested().catch((error: unknown) => {
      this.stopRecovery(error);
      return undefined;
    });
    if (code) await this.giveTokens(code);
  }

  /** Messenger is signed in: the codes it got did their job. */
  signedIn(): void {
    this.recovery.signedIn();
    this.lastHandedCode = undefined;
    this.idpNeedsUser = false;
  }

  /** Messenger's session is gone (sign-out): no code is kept for it. */
  signedOut(): void {
    this.heldCode = undefined;
    this.lastHandedCode = undefined;
  }

  /** Genesys met its per-minute limit: wait it out, and keep the code it did not use. */
  failed(data: unknown): void {
    const waitMs = rateLimitWaitMs(data);
    if (waitMs === undefined) return;
    this.recovery.rateLimited(this.deps.now() + waitMs);
    if (this.lastHandedCode && !this.heldCode) this.heldCode = this.lastHandedCode;
    this.lastHandedCode = undefined;
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
    this.deps.tracker.expectArrival();
    this.timeline.emit({ type: 'code-handed-over', via });
  }

  /** Hands a code to Messenger when it does not ask for one itself. */
  private async giveTokens(code: GenesysAuthCodeResult): Promise<void> {
    this.handOver(code, 'getAuthCode');
    await this.deps.messenger.command('Auth.getTokens', code);
  }

  private reAuthenticate(): Promise<void> {
    const flight = (this.reauthFlight ??= this.reAuthenticateOnce().finally(
      () => (this.reauthFlight = undefined),
    ));
    return flight;
  }

  private async reAuthenticateOnce(): Promise<void> {
    this.timeline.setState('reauthenticating');
    const code = await this.obtainCode();
    if (!code) return never<void>();
    this.heldCode = code;
  }

  /**
   * The code Messenger gets next, once the refused codes and Genesys' rate limit allow: the one
   * held (e.g. a code the rate limit left unused), else a fresh one; undefined while the page
   * leaves for the IdP.
   */
  private async obtainCode(): Promise<GenesysAuthCodeResult | undefined> {
    if (!this.deps.wanted()) {
      throw new MessengerAuthError(
        MessengerAuthErrorCode.PORTAL_SIGNED_OUT,
        DEV_MODE && 'nobody is signed in to the portal',
      );
    }
    this.timeline.setState('authorizing');
    const code = await this.recovery
      .paced()
      .then(
        () =>
          this.heldCode ??
          // No silent attempt can succeed on a page the IdP just sent back with login_required.
          (this.idpNeedsUser ? this.recovery.loginRequired() : this.recovery.obtain()),
      )
      .catch((error: unknown) => {
        this.stopRecovery(error);
        throw error;
      });
    // Recovery may have waited in `ended` (tab hidden or offline): a code means it goes on.
    if (code) this.timeline.setState('authorizing');
    return code;
  }

  /** Recovery gave up: `ended` with the reason, or `error` for a refused IdP answer. */
  private stopRecovery(error: unknown): void {
    if (isMessengerAuthError(error, MessengerAuthErrorCode.LOGIN_LOOP_PREVENTED)) {
      this.timeline.end('login-loop-prevented', error);
    } else if (isMessengerAuthError(error, MessengerAuthErrorCode.LOGIN_REQUIRED)) {
      this.timeline.end('login-required', error);
    } else if (!isMessengerAuthError(error, MessengerAuthErrorCode.PORTAL_SIGNED_OUT)) {
      this.timeline.fail(error);
    }
  }
}

/** A login that reloads the page is under way: Messenger gets no answer, as the contract allows. */
function never<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}
