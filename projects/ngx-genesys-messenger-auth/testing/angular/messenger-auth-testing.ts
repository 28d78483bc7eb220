import {
  inject,
  Injectable,
  makeEnvironmentProviders,
  type EnvironmentProviders,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  MessengerAuth,
  type MessengerAuthEndReason,
  type MessengerAuthEvent,
  type MessengerAuthState,
} from 'ngx-genesys-messenger-auth';
import { BehaviorSubject, Subject } from 'rxjs';

/** A command of `MessengerAuth` a component called, as recorded by the test kit. */
export type MessengerAuthTestingCall =
  'refreshNow' | 'signInToChat' | 'signOut' | 'signOutMessenger';

/**
 * The `MessengerAuth` a test sees. Subjects are the source and `toSignal` the edge, so a signal
 * reads the new value in the same turn as the controller sets it (an effect-based
 * `toObservable` would lag until change detection). Implementing the public surface makes the
 * compiler report any member `MessengerAuth` gains that the kit lacks.
 */
@Injectable()
class TestingMessengerAuth implements Omit<MessengerAuth, 'ɵinitialize'> {
  readonly stateSubject = new BehaviorSubject<MessengerAuthState>('anonymous');
  readonly nextRefreshAtSubject = new BehaviorSubject<number | null>(null);
  readonly endReasonSubject = new BehaviorSubject<MessengerAuthEndReason | null>(null);
  readonly eventSubject = new Subject<MessengerAuthEvent>();
  readonly calls: MessengerAuthTestingCall[] = [];

  readonly state$ = this.stateSubject.asObservable();
  readonly events$ = this.eventSubject.asObservable();
  readonly nextRefreshAt$ = this.nextRefreshAtSubject.asObservable();
  readonly endReason$ = this.endReasonSubject.asObservable();
  readonly state = toSignal(this.state$, { requireSync: true });
  readonly nextRefreshAt = toSignal(this.nextRefreshAt$, { requireSync: true });
  readonly endReason = toSignal(this.endReason$, { requireSync: true });

  refreshNow(): void {
    this.calls.push('refreshNow');
  }

  signInToChat(): Promise<void> {
    this.calls.push('signInToChat');
    return Promise.resolve();
  }

  signOut(): Promise<void> {
    this.calls.push('signOut');
    return Promise.resolve();
  }

  signOutMessenger(): Promise<void> {
    this.calls.push('signOutMessenger');
    return Promise.resolve();
  }
}

/**
 * Drives the `MessengerAuth` that {@link provideMessengerAuthTesting} provides: its state, end
 * reason, next refresh time and timeline, and records the commands the code under test called.
 * Nothing happens by itself: no Messenger, no timer, no state change the test did not ask for.
 */
@Injectable()
export class MessengerAuthTestingController {
  private readonly auth = inject(TestingMessengerAuth);

  /** Puts the bridge in `ended` for `endReason` (the only state that has one). */
  setState(state: 'ended', endReason: MessengerAuthEndReason): void;
  /** Puts the bridge in `state`; the end reason goes back to null. */
  setState(state: Exclude<MessengerAuthState, 'ended'>): void;
  /**
   * Puts the bridge in `state` (emits no event: use {@link emit} for the timeline).
   * @param state The new state.
   * @param endReason Why the bridge ended; required for `ended`, null otherwise.
   */
  setState(state: MessengerAuthState, endReason?: MessengerAuthEndReason): void {
    this.auth.endReasonSubject.next(state === 'ended' ? (endReason ?? null) : null);
    this.auth.stateSubject.next(state);
  }

  /**
   * Sets when the next refresh is due.
   * @param at Milliseconds since the epoch, or null when no refresh is scheduled.
   */
  setNextRefreshAt(at: number | null): void {
    this.auth.nextRefreshAtSubject.next(at);
  }

  /**
   * Emits a timeline event on `events$`.
   * @param event The event, as the bridge would emit it.
   */
  emit(event: MessengerAuthEvent): void {
    this.auth.eventSubject.next(event);
  }

  /**
   * The commands called so far, oldest first.
   * @returns A copy: later calls do not change it.
   */
  calls(): readonly MessengerAuthTestingCall[] {
    return [...this.auth.calls];
  }

  /**
   * How many times one command was called.
   * @param command The command's name.
   * @returns The count since the start or the last {@link clearCalls}.
   */
  callCount(command: MessengerAuthTestingCall): number {
    return this.auth.calls.filter((call) => call === command).length;
  }

  /** Forgets the commands recorded so far. */
  clearCalls(): void {
    this.auth.calls.length = 0;
  }
}

/**
 * Provides a `MessengerAuth` for unit tests of the portal's own code (like
 * `provideHttpClientTesting`): no Messenger, no IdP, no timers. The state starts `anonymous`
 * with no end reason and no refresh scheduled; {@link MessengerAuthTestingController} drives
 * it. Use it instead of `provideMessengerAuth`, not alongside it.
 * @returns The providers of `MessengerAuth` and of its controller.
 * @usageNotes
 * ```ts
 * TestBed.configureTestingModule({ providers: [provideMessengerAuthTesting()] });
 * const controller = TestBed.inject(MessengerAuthTestingController);
 * const fixture = TestBed.createComponent(ChatStatusComponent);
 *
 * controller.setState('ended', 'login-required');
 * await fixture.whenStable();
 * // click the component's "Sign in to chat" button, then:
 * expect(controller.callCount('signInToChat')).toBe(1);
 * ```
 */
export function provideMessengerAuthTesting(): EnvironmentProviders {
  return makeEnvironmentProviders([
    TestingMessengerAuth,
    MessengerAuthTestingController,
    { provide: MessengerAuth, useExisting: TestingMessengerAuth },
  ]);
}
