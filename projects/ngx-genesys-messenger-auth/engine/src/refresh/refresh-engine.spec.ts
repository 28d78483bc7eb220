import { asyncScheduler, BehaviorSubject, Subject, type Subscription } from 'rxjs';
import {
  DEFAULT_REFRESH_POLICY,
  MessengerAuthError,
  MessengerAuthErrorCode,
  type JwtObservation,
} from 'ngx-genesys-messenger-auth/core';
import {
  MAX_REFRESH_ATTEMPTS,
  refreshEngine,
  type RefreshAttemptResult,
  type RefreshEngineEvent,
} from './refresh-engine';

const START = Date.parse('2026-11-26T09:00:00Z');
const MINUTE = 60_000;

/** A 5-minute JWT that arrived four minutes ago: due now (lead 60 s), one minute left. */
const due: JwtObservation = {
  fingerprint: 'abc123',
  lifetimeMs: 5 * MINUTE,
  receivedAt: START - 4 * MINUTE,
  expiresAt: START + MINUTE,
};

describe(refreshEngine.name, () => {
  let wakeups: Subject<string>;
  let manual: Subject<void>;
  let attempt: jest.Mock<Promise<RefreshAttemptResult>, [string]>;
  let events: RefreshEngineEvent[];
  let subscription: Subscription;
  let online: boolean;

  const transient = () => Promise.reject(Object.assign(new Error('Bad Gateway'), { status: 502 }));
  const attemptTimes = () => [...times];
  let times: number[];

  function start(observation = due): void {
    subscription = refreshEngine({
      observations: new BehaviorSubject<JwtObservation | null>(observation),
      wakeups,
      manual,
      policy: DEFAULT_REFRESH_POLICY,
      now: () => Date.now(),
      scheduler: asyncScheduler,
      random: () => 0.5,
      online: () => online,
      attempt,
    }).subscribe((event) => events.push(event));
  }

  beforeEach(() => {
    jest.useFakeTimers({ now: START });
    wakeups = new Subject<string>();
    manual = new Subject<void>();
    events = [];
    times = [];
    online = true;
    attempt = jest.fn((_trigger: string): Promise<RefreshAttemptResult> => {
      times.push(Date.now() - START);
      return transient();
    });
  });

  afterEach(() => {
    subscription.unsubscribe();
    jest.useRealTimers();
  });

  it(`gives up after ${MAX_REFRESH_ATTEMPTS} attempts of a transient failure`, async () => {
    start();
    await jest.advanceTimersByTimeAsync(30 * MINUTE);
    expect(attempt).toHaveBeenCalledTimes(MAX_REFRESH_ATTEMPTS);
    expect(events.filter((e) => e.type === 'failed')).toHaveLength(1);
  });

  it('aims each retry before the JWT expires while it still can be saved', async () => {
    // Ten seconds left: the plain backoff (0.75, 1.5, 3, 6 s) would put the last try after expiry.
    start({ ...due, receivedAt: START - 290_000, expiresAt: START + 10_000 });
    await jest.advanceTimersByTimeAsync(MINUTE);
    expect(attemptTimes()).toHaveLength(MAX_REFRESH_ATTEMPTS);
    expect(attemptTimes().every((at) => at < 10_000)).toBe(true);
  });

  it('retries at once when the page wakes up during a backoff', async () => {
    start({ ...due, receivedAt: START, expiresAt: START + 5 * MINUTE });
    manual.next();
    await jest.advanceTimersByTimeAsync(0);
    expect(events.map((e) => e.type)).toEqual(['scheduled', 'due', 'retrying']);
    wakeups.next('online');
    await jest.advanceTimersByTimeAsync(0);
    expect(attemptTimes()).toEqual([0, 0]);
  });

  it('aims the deadline again by the wall clock when the page wakes before it is due', async () => {
    attempt.mockImplementation(async () => {
      times.push(Date.now() - START);
      return { kind: 'skipped', observation: due };
    });
    // Due in three minutes; the laptop sleeps two and a half: no timer of the page runs.
    start({ ...due, receivedAt: START - MINUTE, expiresAt: START + 4 * MINUTE });
    jest.setSystemTime(START + 150_000);
    wakeups.next('visible');
    await jest.advanceTimersByTimeAsync(31_000);
    expect(attemptTimes()).toEqual([3 * MINUTE]);
  });

  it('does not retry a final failure', async () => {
    attempt.mockImplementation(() =>
      Promise.reject(new MessengerAuthError(MessengerAuthErrorCode.SESSION_ENDED, 'gone')),
    );
    start();
    await jest.advanceTimersByTimeAsync(10 * MINUTE);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(events.at(-1)?.type).toBe('failed');
  });

  it('spends no attempt while the browser is offline, and refreshes when it comes back', async () => {
    // A refresh takes a network round trip.
    attempt.mockImplementation(async () => {
      times.push(Date.now() - START);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { kind: 'refreshed', observation: due };
    });
    online = false;
    start();
    // Ten minutes without a network: the JWT runs out, and a focus finds the browser still offline.
    await jest.advanceTimersByTimeAsync(5 * MINUTE);
    wakeups.next('focus');
    await jest.advanceTimersByTimeAsync(5 * MINUTE);
    expect(attempt).not.toHaveBeenCalled();
    online = true;
    wakeups.next('online');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(attemptTimes()).toEqual([10 * MINUTE]);
    expect(events.map((e) => e.type)).toEqual(['scheduled', 'due', 'done']);
  });

  it('keeps its retries for when the network is back', async () => {
    start();
    await jest.advanceTimersByTimeAsync(0);
    expect(attempt).toHaveBeenCalledTimes(1);
    online = false;
    await jest.advanceTimersByTimeAsync(10 * MINUTE);
    expect(attempt).toHaveBeenCalledTimes(1);
    online = true;
    wakeups.next('online');
    await jest.advanceTimersByTimeAsync(0);
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  it('waits as long as Genesys asks after a 429', async () => {
    attempt.mockImplementationOnce(() =>
      Promise.reject(
        Object.assign(new Error('Too many requests'), { status: 429, retryAfterSeconds: 40 }),
      ),
    );
    start();
    await jest.advanceTimersByTimeAsync(39_000);
    expect(attempt).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(attempt).toHaveBeenCalledTimes(2);
  });
});
