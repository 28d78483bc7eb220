import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import {
  formatErrorCode,
  ɵdescribeError as describeError,
  type MessengerAuthError,
} from 'ngx-genesys-messenger-auth/core';
import { MessengerAuthLogLevel, type MessengerAuthLogger } from 'ngx-genesys-messenger-auth/core';
import type {
  MessengerAuthEndReason,
  MessengerAuthEvent,
  MessengerAuthState,
} from 'ngx-genesys-messenger-auth/core';

/** An event as the bridge reports it; the timeline adds the time. */
export type EventBody = MessengerAuthEvent extends infer E
  ? E extends MessengerAuthEvent
    ? Omit<E, 'at'>
    : never
  : never;

/**
 * What the bridge shows the portal: its state, why it ended, when it refreshes next, and the
 * timeline of what happened (never a secret). Every part of the bridge reports here.
 */
export class BridgeTimeline {
  private readonly stateSubject = new BehaviorSubject<MessengerAuthState>('anonymous');
  private readonly eventSubject = new Subject<MessengerAuthEvent>();
  private readonly nextRefreshSubject = new BehaviorSubject<number | null>(null);
  private readonly endReasonSubject = new BehaviorSubject<MessengerAuthEndReason | null>(null);

  /** The state, as it changes. */
  readonly state$: Observable<MessengerAuthState> = this.stateSubject.asObservable();
  /** The timeline of what happened (no secrets). */
  readonly events$: Observable<MessengerAuthEvent> = this.eventSubject.asObservable();
  /** When the next refresh is due (local ms), or null. */
  readonly nextRefreshAt$: Observable<number | null> = this.nextRefreshSubject.asObservable();
  /** Why the bridge stopped in `ended` (null in every other state). */
  readonly endReason$: Observable<MessengerAuthEndReason | null> =
    this.endReasonSubject.asObservable();

  constructor(
    private readonly now: () => number,
    private readonly logger: MessengerAuthLogger,
  ) {}

  /** The current state. */
  get state(): MessengerAuthState {
    return this.stateSubject.value;
  }

  /** Why the bridge is in `ended`, or null. */
  get endReason(): MessengerAuthEndReason | null {
    return this.endReasonSubject.value;
  }

  /** Moves to a state; leaving `ended` forgets its reason. */
  setState(to: MessengerAuthState): void {
    const from = this.stateSubject.value;
    if (to !== 'ended') this.endReasonSubject.next(null);
    if (from === to) return;
    this.stateSubject.next(to);
    this.emit({ type: 'state-changed', from, to });
  }

  /** Stops in `ended` for this reason; the portal can offer "Sign in to chat". */
  end(reason: MessengerAuthEndReason, error?: unknown): void {
    const detail = error === undefined ? reason : describeError(error);
    const changed = this.endReasonSubject.value !== reason;
    this.endReasonSubject.next(reason);
    this.setState('ended');
    if (!changed) return;
    this.emit({ type: 'recovery-stopped', reason, detail });
    if (error !== undefined) this.log(MessengerAuthLogLevel.Warn, detail);
  }

  /** An authorization attempt failed for a reason no retry mends: state `error`. */
  fail(error: unknown): void {
    this.emit({ type: 'authorization-failed', reason: describeError(error) });
    this.setState('error');
    this.log(MessengerAuthLogLevel.Warn, 'authorization-failed', error);
  }

  /** Set-up failed (Messenger missing, …): state `error`, reported and logged with its code. */
  error(error: MessengerAuthError): void {
    this.emit({ type: 'error', code: formatErrorCode(error.code), message: error.message });
    this.setState('error');
    this.log(MessengerAuthLogLevel.Error, error.message);
  }

  /** The next refresh is due at `at` (local ms), or none is scheduled. */
  scheduled(at: number | null): void {
    this.nextRefreshSubject.next(at);
    if (at !== null) this.emit({ type: 'refresh-scheduled', refreshAt: at });
  }

  /** Adds an event, stamped with the time. */
  emit(body: EventBody): void {
    this.eventSubject.next({ ...body, at: this.now() } as MessengerAuthEvent);
  }

  /** Logs through the bridge's logger; an error is logged by its message only. */
  log(level: MessengerAuthLogLevel, message: string, error?: unknown): void {
    this.logger.log(
      level,
      message,
      error === undefined ? undefined : { error: describeError(error) },
    );
  }
}
