import {
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
  timer,
  catchError,
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
  /** Moments to check at once whether the JWT is due (visible, online, resume, pageshow). */
  readonly wakeups: Observable<string>;
  /** Requests to refresh now, whatever the deadline. */
  readonly manual: Observable<void>;
  readonly policy: RefreshPolicy;
  readonly now: () => number;
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
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
 * jitter for transient failures, and a `failed` event for a final one.
 */
export function refreshEngine(inputs: RefreshEngineInputs): Observable<RefreshEngineEvent> {
  const { policy, now, scheduler } = inputs;
  return inputs.observations.pipe(
    switchMap((observation) => {
      if (!observation) return EMPTY;
      const deadline = refreshDeadline(observation, policy);
      const due = merge(
        deadlineTimer(deadline, now, scheduler).pipe(map(() => 'deadline')),
        inputs.wakeups.pipe(filter(() => now() >= deadline)),
        inputs.manual.pipe(map(() => 'manual')),
      );
      return concat(
        of<RefreshEngineEvent>({ type: 'scheduled', at: deadline, observation }),
        due.pipe(
          exhaustMap((trigger) =>
            concat(
              of<RefreshEngineEvent>({ type: 'due', trigger }),
              attemptWithRetry(inputs, trigger),
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
  attempt = 1,
): Observable<RefreshEngineEvent> {
  return defer(() => inputs.attempt(trigger)).pipe(
    map((result): RefreshEngineEvent => ({ type: 'done', result })),
    catchError((error: unknown) => {
      if (!isTransientFailure(error)) return of<RefreshEngineEvent>({ type: 'failed', error });
      // Genesys' per-minute limit is met: wait as long as it asks, never less than the backoff.
      const delayMs = Math.max(
        backoffDelay(attempt, inputs.policy, inputs.random),
        rateLimitWaitMs(error) ?? 0,
      );
      return concat(
        of<RefreshEngineEvent>({ type: 'retrying', attempt, delayMs, error }),
        timer(delayMs, inputs.scheduler).pipe(
          switchMap(() => attemptWithRetry(inputs, trigger, attempt + 1)),
        ),
      );
    }),
  );
}
