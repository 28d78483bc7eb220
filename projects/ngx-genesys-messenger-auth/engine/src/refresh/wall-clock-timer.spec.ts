import { TestScheduler } from 'rxjs/testing';
import { MAX_TIMER_DELAY_MS } from 'ngx-genesys-messenger-auth/core';
import { deadlineTimer } from './wall-clock-timer';

describe(deadlineTimer.name, () => {
  let scheduler: TestScheduler;
  /** Wall clock = virtual time + offset, so a test can set the clock back or forward. */
  let offset: number;
  const now = () => scheduler.now() + offset;

  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    offset = 0;
  });

  it('emits once at the deadline and completes', () => {
    scheduler.run(({ expectObservable }) => {
      expectObservable(deadlineTimer(1000, now)).toBe('1000ms (a|)', { a: undefined });
    });
  });

  it('emits at once when the deadline has passed', () => {
    scheduler.run(({ expectObservable }) => {
      expectObservable(deadlineTimer(-5000, now)).toBe('(a|)', { a: undefined });
    });
  });

  it('waits for the remainder when the timer fires before the wall clock reaches the deadline', () => {
    scheduler.run(({ expectObservable }) => {
      scheduler.schedule(() => (offset = -400), 500);
      expectObservable(deadlineTimer(1000, now)).toBe('1400ms (a|)', { a: undefined });
    });
  });

  it('emits when the timer fires even if the clock jumped past the deadline meanwhile', () => {
    scheduler.run(({ expectObservable }) => {
      scheduler.schedule(() => (offset = 60_000), 500);
      expectObservable(deadlineTimer(1000, now)).toBe('1000ms (a|)', { a: undefined });
    });
  });

  it('clamps delays beyond 2^31-1 ms and re-aims for the rest', () => {
    const deadline = MAX_TIMER_DELAY_MS + 5000;
    const delays: number[] = [];
    const recording = {
      now: () => scheduler.now(),
      schedule: (...args: Parameters<TestScheduler['schedule']>) => {
        delays.push(args[1] ?? 0);
        return scheduler.schedule(...args);
      },
    };
    scheduler.run(({ expectObservable }) => {
      expectObservable(deadlineTimer(deadline, now, recording)).toBe(`${deadline}ms (a|)`, {
        a: undefined,
      });
    });
    expect(delays).toEqual([MAX_TIMER_DELAY_MS, 5000]);
  });

  it('treats a NaN deadline as due instead of re-arming for ever', () => {
    scheduler.run(({ expectObservable }) => {
      expectObservable(deadlineTimer(Number.NaN, now)).toBe('(a|)', { a: undefined });
    });
  });

  it('cancels its timer on unsubscribe', () => {
    scheduler.run(({ expectObservable }) => {
      expectObservable(deadlineTimer(1000, now), '500ms !').toBe('');
    });
  });

  it('uses real timers by default', () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const emitted = jest.fn();
      deadlineTimer(1000, Date.now).subscribe(emitted);
      jest.advanceTimersByTime(999);
      expect(emitted).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(emitted).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
