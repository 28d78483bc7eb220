import {
  backoffDelay,
  DEFAULT_RATE_LIMIT_WAIT_MS,
  isTransientFailure,
  rateLimitWaitMs,
} from './backoff';
import {
  MessengerAuthError,
  MessengerAuthErrorCode,
} from 'ngx-genesys-messenger-auth/core/startup';

const policy = { backoffBaseMs: 1_000, backoffCapMs: 30_000 };
const lowest = () => 0;
const highest = () => 0.999_999;

describe(backoffDelay.name, () => {
  it.each([
    [1, 500],
    [2, 1_000],
    [3, 2_000],
    [4, 4_000],
    [5, 8_000],
    [6, 15_000],
    [50, 15_000],
  ])('waits at least half the ceiling on attempt %p (%p ms)', (attempt, delay) => {
    expect(backoffDelay(attempt, policy, lowest)).toBe(delay);
  });

  it('doubles the ceiling with each attempt until the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, policy, () => 0.5));
    expect(delays).toEqual([750, 1_500, 3_000, 6_000, 12_000, 22_500]);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(6, policy, highest)).toBeLessThan(30_000);
  });

  it('stays within [ceiling / 2, ceiling] for any random value', () => {
    const delays = [0, 0.1, 0.5, 0.9, 0.999].map((r) => backoffDelay(3, policy, () => r));
    expect(delays.every((delay) => delay >= 2_000 && delay < 4_000)).toBe(true);
  });

  it('spreads retries over the upper half with the random value', () => {
    expect(backoffDelay(3, policy, () => 0.25)).toBe(2_500);
  });

  it('clamps a random source that strays outside [0, 1]', () => {
    expect([backoffDelay(1, policy, () => -3), backoffDelay(1, policy, () => 7)]).toEqual([
      500, 1_000,
    ]);
  });

  it('reaches the cap without overflowing on a huge attempt', () => {
    expect(backoffDelay(5_000, policy, lowest)).toBe(15_000);
  });

  it('uses Math.random by default', () => {
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.5);
    try {
      expect(backoffDelay(1, policy)).toBe(750);
    } finally {
      random.mockRestore();
    }
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects attempt %p', (attempt) => {
    expect(() => backoffDelay(attempt, policy)).toThrow(RangeError);
  });
});

describe(isTransientFailure.name, () => {
  it.each<[string, unknown]>([
    ['no response (status 0)', { status: 0, message: 'Http failure response: 0 Unknown Error' }],
    ['408 Request Timeout', { status: 408 }],
    ['425 Too Early', { status: 425 }],
    ['429 Too Many Requests', { status: 429, message: 'Rate limit exceeded' }],
    ['500 Internal Server Error', { status: 500 }],
    ['502 Bad Gateway', { status: 502 }],
    ['503 Service Unavailable', { status: 503, message: 'invalid refresh token' }],
    ['504 Gateway Timeout', { status: 504 }],
    ['a failed fetch', new TypeError('Failed to fetch')],
    ['a Safari network failure', new TypeError('Load failed')],
    ['a Firefox network failure', new TypeError('NetworkError when attempting to fetch resource.')],
    ['a TimeoutError', Object.assign(new Error('signal timed out'), { name: 'TimeoutError' })],
    ['a timeout message', new Error('Auth.refreshToken timed out after 10000 ms')],
    ['a Node connection reset', { code: 'ECONNRESET', message: 'read ECONNRESET' }],
    [
      'a lock timeout',
      new MessengerAuthError(MessengerAuthErrorCode.REFRESH_LOCK_TIMEOUT, 'lock timeout'),
    ],
    [
      'a wrapped network failure',
      new Error('refresh failed', { cause: new TypeError('Failed to fetch') }),
    ],
    ['an unrecognised error', new Error('something odd')],
    ['an unrecognised value', undefined],
    ['a string about the network', 'network is offline'],
  ])('retries %s', (_name, error) => {
    expect(isTransientFailure(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['400 Bad Request', { status: 400, code: 'bad.request', message: 'Invalid refresh token' }],
    ['401 Unauthorized', { status: 401 }],
    ['403 Forbidden', { status: 403 }],
    ['404 Not Found', { status: 404 }],
    ['400 even with a timeout message', { status: 400, message: 'timeout' }],
    ['an expired refresh token', new Error('The refresh token has expired')],
    ['an invalid refresh token', new Error('Invalid refresh token')],
    ['a revoked refresh_token', { message: 'refresh_token revoked' }],
    ['a Genesys error code', { code: 'invalid.refresh.token' }],
    ['invalid_grant', { code: 'invalid_grant', message: 'Token is not active' }],
    ['a session said to have ended', 'session ended'],
    ['SESSION_ENDED', new MessengerAuthError(MessengerAuthErrorCode.SESSION_ENDED, 'gone')],
    ['a wrapped final failure', new Error('refresh failed', { cause: { status: 400 } })],
    ["Messenger's own refusal without a refresh token", new Error('there is no refresh token')],
    ['a missing refresh token', { message: 'refresh token missing' }],
  ])('gives up on %s', (_name, error) => {
    expect(isTransientFailure(error)).toBe(false);
  });

  it('gives up when a string status is ignored but the message says the token expired', () => {
    expect(isTransientFailure({ status: '400', message: 'refresh token expired' })).toBe(false);
  });
});

describe(rateLimitWaitMs.name, () => {
  it('waits as long as a 429 says', () => {
    expect(rateLimitWaitMs({ status: 429, retryAfterSeconds: 17 })).toBe(17_000);
  });

  it('waits a minute for a 429 that does not say', () => {
    expect(rateLimitWaitMs({ message: 'HTTP 429 Too Many Requests' })).toBe(
      DEFAULT_RATE_LIMIT_WAIT_MS,
    );
  });

  it('finds a 429 in the cause of a wrapping error', () => {
    const error = new Error('refresh failed', { cause: { status: 429, retryAfterSeconds: 5 } });
    expect(rateLimitWaitMs(error)).toBe(5_000);
  });

  it('does not treat other failures as a rate limit', () => {
    expect([
      rateLimitWaitMs({ status: 500, message: 'server error' }),
      rateLimitWaitMs('429'),
      rateLimitWaitMs(undefined),
    ]).toEqual([undefined, undefined, undefined]);
  });
});
