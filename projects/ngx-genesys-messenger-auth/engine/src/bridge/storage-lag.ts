import { firstValueFrom, timer, type SchedulerLike } from 'rxjs';

/** How long a tab waits for its copy of localStorage to show what another tab wrote. */
export const STORAGE_LAG_MS = 1_000;
const POLL_MS = 50;

/**
 * Reads a value from this tab's copy of localStorage until it has settled — Chromium keeps a copy
 * per renderer process and brings it up to date a moment after another tab's write — or until
 * {@link STORAGE_LAG_MS} have passed.
 * @param read reads the value
 * @param settled whether a read value is final
 * @param scheduler the scheduler of the polls
 * @returns the last value read
 */
export async function readAfterStorageLag<T>(
  read: () => T,
  settled: (value: T) => boolean,
  scheduler: SchedulerLike,
): Promise<T> {
  let value = read();
  for (let waited = 0; !settled(value) && waited < STORAGE_LAG_MS; waited += POLL_MS) {
    await firstValueFrom(timer(POLL_MS, scheduler));
    value = read();
  }
  return value;
}
