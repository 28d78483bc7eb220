import {
  catchError,
  concat,
  defer,
  EMPTY,
  exhaustMap,
  filter,
  map,
  merge,
  type Observable,
  of,
  type SchedulerLike,
  switchMap,
  take,
  timer,
} from 'rxjs';
import {
  backoffDelay,
  isTransientFailure,
  rateLimitWaitMs,
  refreshDeadline,
  type JwtObservation,
  type RefreshPolicy,
} from 'ngx-genesys-messenger-auth/core';
import { deadlineTimer } from './wall-clock-timer';

/** The most attempts to refresh one JWT, the first included; then the refresh has failed. */
export const MAX_REFRESH_ATTEMPTS = 5;

/** What one refresh attempt achieved. */
export type RefreshAttemptResult =
  /** This tab refreshed; Messenger holds the new JWT. */
  | { readonly kind: 'refreshed'; readonly observation: JwtObservation }
  /** Another tab had refreshed already (seen after taking the lock). */
  | { readonly kind: 'skipped'; readonly observation: JwtObservation };

/** What the engine reports. */
export type RefreshEngineEvent =
  | { readonly type: 'scheduled'; readonly at: number; readonly observation: JwtObservation }
  | { readonly type: 'due'; readonly trigger: string }
  | {
      readonly type: 'retrying';
      readonly attempt: number;
      readonly delayMs: number;
      readonly error: unknown;
    }
  | { readonly type: 'done'; readonly result: RefreshAttemptResult }
  | { readonly type: 'failed'; readonly error: unknown };

/** What the engine runs on. */
export interface RefreshEngineInputs {
  /** The JWT Messenger holds now (`null`: none). Each new one re-aims the timer. */
  readonly observations: Observable<JwtObservation | null>;
  /** Moments to check at once whether the JWT is due (visible, focus, online, resume, pageshow). */
  readonly wakeups: Observable<string>;
  /** Requests to refresh now, whatever the deadline. */
  readonly manual: Observable<void>;
  readonly policy: RefreshPolicy;
  readonly now: () => number;
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  /**
   * Whether the browser is online. An attempt waits for a wake-up while it says no: a refresh
   * spent without a network fails, and Messenger may drop its tokens when one fails.
   */
  readonly online: () => boolean;
  /**
   * One refresh attempt (lock, re-read, `Auth.refreshToken`); rejects on failure. `trigger` says
   * what started it (`deadline`, `manual`, a wake-up).
   */
  readonly attempt: (trigger: string) => Promise<RefreshAttemptResult>;
}

/**
 * The proactive refresh: for each JWT, one timer aimed at its refresh deadline (re-checked
 * against the wall clock), an immediate check on every wake-up, one attempt in flight at a time
 * (triggers during an attempt are ignored, never cancelling it), capped exponential backoff with
 * jitter for transient failures — aimed before the JWT expires, cut short by a wake-up, at most
 * {@link MAX_REFRESH_ATTEMPTS} attempts — no attempt while the browser is offline (it waits for
 * the network to come back), and a `failed` event for a final failure.
 */
export function refreshEngine(inputs: RefreshEngineInputs): Observable<RefreshEngineEvent> {
  const { policy, now, scheduler } = inputs;
  return inputs.observations.pipe(
    switchMap((observation) => {
      if (!observation) return EMPTY;
      const deadline = refreshDeadline(observation, policy);
      const due = merge(
        // A timer counts the page's time, which stands still while the laptop sleeps: every
        // wake-up aims it at the deadline again by the wall clock.
        merge(of('start'), inputs.wakeups).pipe(
          switchMap(() => deadlineTimer(deadline, now, scheduler)),
          map(() => 'deadline'),
        ),
        inputs.wakeups.pipe(filter(() => now() >= deadline)),
        inputs.manual.pipe(map(() => 'manual')),
      );
      return concat(
        of<RefreshEngineEvent>({ type: 'scheduled', at: deadline, observation }),
        due.pipe(
          exhaustMap((trigger) =>
            concat(
              of<RefreshEngineEvent>({ type: 'due', trigger }),
              attemptWithRetry(inputs, trigger, observation),
            ),
          ),
        ),
      );
    }),
  );
}

function attemptWithRetry(
  inputs: RefreshEngineInputs,
  trigger: string,
  observation: JwtObservation,
  attempt = 1,
): Observable<RefreshEngineEvent> {
  return whenOnline(inputs).pipe(
    switchMap(() => inputs.attempt(trigger)),
    map((result): RefreshEngineEvent => ({ type: 'done', result })),
    catchError((error: unknown) => {
      if (!isTransientFailure(error) || attempt >= MAX_REFRESH_ATTEMPTS) {
        return of<RefreshEngineEvent>({ type: 'failed', error });
      }
      const delayMs = retryDelay(inputs, observation, attempt, error);
      return concat(
        of<RefreshEngineEvent>({ type: 'retrying', attempt, delayMs, error }),
        // A wake-up (online, visible, …) is the moment the cause may have gone: retry then.
        merge(timer(delayMs, inputs.scheduler), inputs.wakeups).pipe(
          take(1),
          switchMap(() => attemptWithRetry(inputs, trigger, observation, attempt + 1)),
        ),
      );
    }),
  );
}

/** Emits once the browser is online: at once, or at the first wake-up that finds it online. */
function whenOnline(inputs: RefreshEngineInputs): Observable<unknown> {
  return defer(() =>
    inputs.online()
      ? of(true)
      : inputs.wakeups.pipe(
          filter(() => inputs.online()),
          take(1),
        ),
  );
}

/**
 * The wait before the next attempt: the capped, jittered backoff, but no later than half the
 * JWT's remaining life while it still can be saved; as long as Genesys asks after a 429.
 */
function retryDelay(
  inputs: RefreshEngineInputs,
  observation: JwtObservation,
  attempt: number,
  error: unknown,
): number {
  const backoff = backoffDelay(attempt, inputs.policy, inputs.random);
  const remaining = observation.expiresAt - inputs.now();
  const beforeExpiry = remaining > 0 ? Math.min(backoff, remaining / 2) : backoff;
  return Math.max(beforeExpiry, rateLimitWaitMs(error) ?? 0);
}
