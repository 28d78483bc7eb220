import type { SchedulerLike } from 'rxjs';
import {
  isDue,
  MessengerAuthError,
  MessengerAuthErrorCode,
  type JwtObservation,
  type RefreshPolicy,
  ɵDEV_MODE as DEV_MODE,
} from 'ngx-genesys-messenger-auth/core';
import { MessengerAuthLogLevel } from 'ngx-genesys-messenger-auth/core';
import type { MessengerClient } from '../messenger/messenger-client';
import type { RefreshAttemptResult } from '../refresh/refresh-engine';
import type { RefreshLock } from '../tabs/refresh-lock';
import type { TabChannel } from '../tabs/tab-channel';
import type { BridgeTimeline } from './bridge-timeline';
import type { JwtTracker } from './jwt-tracker';
import { readAfterStorageLag } from './storage-lag';

/** What a {@link LockedRefresh} runs on. */
export interface LockedRefreshDeps {
  readonly deploymentId: string;
  readonly policy: RefreshPolicy;
  readonly messenger: MessengerClient;
  readonly tracker: JwtTracker;
  readonly lock: RefreshLock;
  readonly channel: TabChannel;
  readonly now: () => number;
  readonly scheduler: SchedulerLike;
}

/** The name of the lock under which one tab refreshes for the browser. */
export function refreshLockName(deploymentId: string): string {
  return `ngma-refresh:${deploymentId}`;
}

/**
 * One refresh of Messenger's JWT for the whole browser (DESIGN.md flow 4): under the tabs' lock,
 * skipped when another tab just refreshed, one flight at a time in this tab; the new JWT's arrival
 * is left beside the lock and told to the other tabs.
 */
export class LockedRefresh {
  private flight?: Promise<RefreshAttemptResult>;
  private readonly lockName: string;

  constructor(
    private readonly deps: LockedRefreshDeps,
    private readonly timeline: BridgeTimeline,
  ) {
    this.lockName = refreshLockName(deps.deploymentId);
  }

  /** Whether this tab is refreshing now. */
  get inFlight(): boolean {
    return this.flight !== undefined;
  }

  /**
   * Refreshes unless another tab just did (`manual` always refreshes); joins a flight under way.
   * @param trigger what started it (`deadline`, `manual`, a wake-up, `sign-out`, `start-up`)
   */
  run(trigger: string): Promise<RefreshAttemptResult> {
    const flight = (this.flight ??= this.locked(trigger).finally(() => (this.flight = undefined)));
    return flight;
  }

  /**
   * Refreshes when the JWT in storage is due: a page opened after it expired (before Messenger
   * looks), or a sign-out (Genesys revokes only with a valid JWT). A failure is only logged.
   */
  async renewIfDue(trigger: 'start-up' | 'sign-out'): Promise<void> {
    const current = this.deps.tracker.current();
    if (!current || !isDue(current, this.deps.policy, this.deps.now())) return;
    await this.run(trigger).catch((error: unknown) =>
      this.timeline.log(MessengerAuthLogLevel.Warn, `no renewal at ${trigger}`, error),
    );
  }

  /** Withdraws this tab's note beside the lock (sign-out, shutdown). */
  withdrawNote(): void {
    this.deps.lock.withdrawNote(this.lockName);
  }

  private async locked(trigger: string): Promise<RefreshAttemptResult> {
    const outcome = await this.deps.lock.run(this.lockName, () => this.underLock(trigger), {
      timeoutMs: this.deps.policy.lockTimeoutMs,
    });
    if (!outcome.acquired) {
      throw new MessengerAuthError(
        MessengerAuthErrorCode.REFRESH_LOCK_TIMEOUT,
        DEV_MODE && `no refresh lock (${outcome.reason})`,
      );
    }
    return outcome.value;
  }

  /**
   * Re-reads the shared state under the lock: another tab may have refreshed meanwhile. While its
   * note tells of a JWT this tab's copy of storage does not show yet, storage is read again for a
   * moment; a JWT that never shows up is not believed.
   */
  private async currentUnderLock(): Promise<JwtObservation | undefined> {
    const { lock, tracker, scheduler } = this.deps;
    const notes = await lock.readNotes(this.lockName);
    const known = await readAfterStorageLag(
      () => tracker.underLock(notes),
      ({ lagging }) => !lagging,
      scheduler,
    );
    return known.current;
  }

  private async underLock(trigger: string): Promise<RefreshAttemptResult> {
    const { lock, tracker, policy, messenger, channel } = this.deps;
    const current = await this.currentUnderLock();
    if (trigger !== 'manual' && current && !isDue(current, policy, this.deps.now())) {
      return { kind: 'skipped', observation: current };
    }
    if (!tracker.mayHaveRefreshToken()) {
      throw new MessengerAuthError(
        MessengerAuthErrorCode.SESSION_ENDED,
        DEV_MODE && 'Messenger holds no refresh token',
      );
    }
    this.timeline.setState('refreshing');
    tracker.expectArrival();
    const answer = await messenger
      .command<{ jwt?: string } | undefined>('Auth.refreshToken')
      .catch((error: unknown) => {
        // Messenger drops its tokens when a refresh fails: nothing is left to retry with.
        if (current && tracker.storedJwt() === null) {
          throw new MessengerAuthError(
            MessengerAuthErrorCode.SESSION_ENDED,
            DEV_MODE && 'Messenger dropped its tokens after a failed refresh',
            { cause: error },
          );
        }
        throw error;
      });
    // Whether Messenger resolves with the JWT is not documented: storage tells otherwise.
    const jwt = answer?.jwt ?? tracker.storedJwt();
    const observation = jwt ? tracker.arrived(jwt) : undefined;
    if (!observation) {
      throw new MessengerAuthError(
        MessengerAuthErrorCode.MALFORMED_JWT,
        DEV_MODE && 'no readable JWT after the refresh',
      );
    }
    await lock.leaveNote(this.lockName, tracker.noteOf(observation));
    const { fingerprint, receivedAt, lifetimeMs } = observation;
    channel.post({ type: 'jwt-observed', fingerprint, receivedAt, lifetimeMs });
    // The flight settles the state itself: its engine subscription may have been replaced
    // (another tab's JWT arrived meanwhile), and then nobody else would leave `refreshing`.
    this.timeline.setState('authenticated');
    return { kind: 'refreshed', observation };
  }
}
