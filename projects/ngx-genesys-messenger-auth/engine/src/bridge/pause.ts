import {
  concat,
  firstValueFrom,
  merge,
  of,
  timer,
  type Observable,
  type SchedulerLike,
} from 'rxjs';

/**
 * Waits `ms` on the scheduler, or less when `stopped$` emits or has completed (the bridge stopped).
 * @returns a promise that resolves (with nothing useful) at the first of the two
 */
export function pauseUnlessStopped(
  ms: number,
  scheduler: SchedulerLike,
  stopped$: Observable<unknown>,
): Promise<unknown> {
  // concat(…, of(…)): a stop that already happened (completed) ends the wait as well.
  return firstValueFrom(merge(timer(ms, scheduler), concat(stopped$, of(undefined))));
}
