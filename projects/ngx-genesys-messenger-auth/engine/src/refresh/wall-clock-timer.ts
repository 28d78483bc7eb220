import { Observable, SchedulerLike, asyncScheduler, defer, of, switchMap, timer } from 'rxjs';
import { timerDelay } from 'ngx-genesys-messenger-auth/core';

/**
 * One timer aimed at a wall-clock deadline. When it fires it re-reads the clock: if the deadline
 * has not come yet (the timer fired early, the delay was clamped to `MAX_TIMER_DELAY_MS`, the
 * clock was set back) it aims a new timer at the remainder. Timers that fire late (hidden tabs,
 * sleep) simply emit late; pair this with `pageWakeups` to check at once when the page wakes.
 * @param deadline the wall-clock time (ms, same scale as `now`) to emit at
 * @param now the wall clock, e.g. `Date.now`
 * @param scheduler the scheduler of the timers (tests pass a virtual one)
 * @returns an observable that emits once when `now() >= deadline`, then completes
 */
export function deadlineTimer(
  deadline: number,
  now: () => number,
  scheduler: SchedulerLike = asyncScheduler,
): Observable<void> {
  return defer(() => timer(timerDelay(deadline, now()), scheduler)).pipe(
    // Written as "before" so that a NaN deadline counts as due instead of re-arming for ever.
    switchMap(() => (now() < deadline ? deadlineTimer(deadline, now, scheduler) : of(undefined))),
  );
}
