import { MessengerAuthError } from '../public-api';
import { fingerprint } from './redaction';
import {
  DEFAULT_REFRESH_POLICY,
  MAX_TIMER_DELAY_MS,
  type RefreshPolicy,
  isDue,
  leadTimeMs,
  observeJwt,
  observeStoredJwt,
  refreshDeadline,
  timerDelay,
  validateRefreshPolicy,
} from '../public-api';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
/** The issuer's clock, in seconds, when the test JWTs are issued. */
const ISSUED_AT = 1_790_000_000;

function base64Url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** An unsigned JWT issued at `ISSUED_AT` that lives `lifetimeSeconds`. */
function jwtLiving(lifetimeSeconds: number, extra: Record<string, unknown> = {}): string {
  const claims = { iat: ISSUED_AT, exp: ISSUED_AT + lifetimeSeconds, ...extra };
  return `${base64Url({ alg: 'ES256' })}.${base64Url(claims)}.c2ln`;
}

function errorOf(action: () => unknown): MessengerAuthError {
  try {
    action();
  } catch (error) {
    if (error instanceof MessengerAuthError) return error;
    throw error;
  }
  throw new Error('expected a MessengerAuthError');
}

describe(validateRefreshPolicy.name, () => {
  it('returns the defaults when nothing is configured', () => {
    expect(validateRefreshPolicy({})).toEqual(DEFAULT_REFRESH_POLICY);
  });

  it('uses the documented defaults', () => {
    expect(DEFAULT_REFRESH_POLICY).toEqual({
      leadMs: 60_000,
      maxLeadFraction: 0.25,
      minLeadMs: 5_000,
      backoffBaseMs: 1_000,
      backoffCapMs: 30_000,
      lockTimeoutMs: 10_000,
    });
  });

  it('keeps the configured fields and defaults the others', () => {
    expect(validateRefreshPolicy({ leadMs: 90_000 })).toEqual({
      ...DEFAULT_REFRESH_POLICY,
      leadMs: 90_000,
    });
  });

  it('treats a field set to undefined as left out', () => {
    expect(validateRefreshPolicy({ leadMs: undefined })).toEqual(DEFAULT_REFRESH_POLICY);
  });

  const FRACTION = 'refresh.maxLeadFraction must be a number between 0 and 1, exclusive';
  it.each<[Partial<RefreshPolicy>, string]>([
    [{ leadMs: -1 }, 'refresh.leadMs must be a finite number ≥ 0 (got -1)'],
    [{ leadMs: Number.NaN }, 'refresh.leadMs must be a finite number ≥ 0 (got NaN)'],
    [{ leadMs: Infinity }, 'refresh.leadMs must be a finite number ≥ 0 (got Infinity)'],
    [{ leadMs: '1' as unknown as number }, 'refresh.leadMs must be a finite number ≥ 0 (got "1")'],
    [{ minLeadMs: -5 }, 'refresh.minLeadMs must be a finite number ≥ 0 (got -5)'],
    [{ backoffBaseMs: 0 }, 'refresh.backoffBaseMs must be a finite number ≥ 1 (got 0)'],
    [{ lockTimeoutMs: 0 }, 'refresh.lockTimeoutMs must be a finite number ≥ 1 (got 0)'],
    [
      { backoffCapMs: 2 ** 31 },
      'refresh.backoffCapMs must be at most 2147483647 (2^31 − 1) (got 2147483648)',
    ],
    [{ maxLeadFraction: 0 }, `${FRACTION} (got 0)`],
    [{ maxLeadFraction: 1 }, `${FRACTION} (got 1)`],
    [{ maxLeadFraction: Number.NaN }, `${FRACTION} (got NaN)`],
    [{ leadMs: 4_000 }, 'refresh.minLeadMs must be at most refresh.leadMs (4000) (got 5000)'],
    [
      { backoffBaseMs: 2e3, backoffCapMs: 1e3 },
      'refresh.backoffCapMs must be at least refresh.backoffBaseMs (2000) (got 1000)',
    ],
  ])('rejects %p', (policy, message) => {
    expect(() => validateRefreshPolicy(policy)).toThrow(`NGMA4101: ${message}`);
  });

  it('names the offending field', () => {
    expect(errorOf(() => validateRefreshPolicy({ minLeadMs: -1 })).field).toBe('refresh.minLeadMs');
  });

  it('rejects an unknown field, suggesting the known one', () => {
    const error = errorOf(() => validateRefreshPolicy({ leadMS: 1 } as Partial<RefreshPolicy>));
    expect([error.field, error.message]).toEqual([
      'refresh.leadMS',
      expect.stringContaining('unknown field "leadMS" (did you mean "leadMs"?)'),
    ]);
  });

  it('rejects a policy that is not an object', () => {
    expect(() => validateRefreshPolicy(null as unknown as Partial<RefreshPolicy>)).toThrow(
      'NGMA4101: refresh must be an object (got null)',
    );
  });

  it('accepts a lead of zero when the floor is zero too', () => {
    expect(validateRefreshPolicy({ leadMs: 0, minLeadMs: 0 }).leadMs).toBe(0);
  });
});

describe(leadTimeMs.name, () => {
  it.each([
    [1, 0.5],
    [6, 3],
    [10, 5],
    [60, 15],
    [300, 60],
    [900, 60],
    [86_400, 60],
  ])('gives a %p s JWT a lead of %p s with the defaults', (lifetime, lead) => {
    expect(leadTimeMs(lifetime * SECOND, DEFAULT_REFRESH_POLICY)).toBe(lead * SECOND);
  });

  it('caps the configured lead to the fraction of the lifetime', () => {
    expect(leadTimeMs(120 * SECOND, DEFAULT_REFRESH_POLICY)).toBe(30 * SECOND);
  });

  it('never goes below the floor when half the lifetime allows it', () => {
    const policy = { leadMs: 60_000, maxLeadFraction: 0.01, minLeadMs: 10_000 };
    expect(leadTimeMs(300 * SECOND, policy)).toBe(10 * SECOND);
  });

  it('stays strictly below the lifetime even for a lead far above it', () => {
    const policy = { leadMs: 3_600_000, maxLeadFraction: 0.99, minLeadMs: 3_600_000 };
    for (const lifetime of [1, 10, 60, 300, 900].map((s) => s * SECOND)) {
      expect(leadTimeMs(lifetime, policy)).toBeLessThan(lifetime);
    }
  });

  it('stays strictly below the lifetime for every lifetime from 1 ms to 1 day', () => {
    const leads = [1, 7, 999, 4_321, 10_000, 59_999, 240_000, 86_400_000].map((lifetime) => [
      lifetime,
      leadTimeMs(lifetime, DEFAULT_REFRESH_POLICY),
    ]);
    expect(leads.filter(([lifetime, lead]) => !(lead < lifetime && lead > 0))).toEqual([]);
  });

  it.each([0, -1000, Number.NaN, Infinity])('is 0 for a lifetime of %p', (lifetime) => {
    expect(leadTimeMs(lifetime, DEFAULT_REFRESH_POLICY)).toBe(0);
  });
});

describe(observeJwt.name, () => {
  const arrival = 1_700_000_000_000;

  it('expires a lifetime after the local arrival', () => {
    expect(observeJwt(jwtLiving(300), arrival)).toEqual({
      fingerprint: fingerprint(jwtLiving(300)),
      lifetimeMs: 300 * SECOND,
      receivedAt: arrival,
      expiresAt: arrival + 300 * SECOND,
    });
  });

  it.each([
    ['one hour ahead', HOUR],
    ['one hour behind', -HOUR],
    ['in step', 0],
  ])('gives a local clock %s the same expiry relative to arrival', (_name, skew) => {
    const localArrival = ISSUED_AT * SECOND + 200 + skew;
    const observation = observeJwt(jwtLiving(300), localArrival);
    expect(observation && observation.expiresAt - localArrival).toBe(300 * SECOND);
  });

  it.each(['not-a-jwt', 'a.b.c', jwtLiving(-5), jwtLiving(0, { exp: 'soon' })])(
    'ignores the malformed JWT %p',
    (jwt) => {
      expect(observeJwt(jwt, arrival)).toBeUndefined();
    },
  );
});

describe(observeStoredJwt.name, () => {
  const jwt = jwtLiving(300);
  const issuedLocally = ISSUED_AT * SECOND;

  it('uses the arrival record of the same JWT', () => {
    const receivedAt = issuedLocally - HOUR;
    const observation = observeStoredJwt(jwt, receivedAt + 60 * SECOND, {
      fingerprint: fingerprint(jwt),
      receivedAt,
    });
    expect(observation?.expiresAt).toBe(receivedAt + 300 * SECOND);
  });

  it('ignores the arrival record of another JWT', () => {
    const now = issuedLocally + 60 * SECOND;
    const observation = observeStoredJwt(jwt, now, { fingerprint: 'ffffff', receivedAt: now - 1 });
    expect(observation?.expiresAt).toBe(now);
  });

  it('ignores an arrival record dated after now (the clock went back)', () => {
    const now = issuedLocally + 60 * SECOND;
    const record = { fingerprint: fingerprint(jwt), receivedAt: now + HOUR };
    expect(observeStoredJwt(jwt, now, record)?.expiresAt).toBe(now);
  });

  it('takes a JWT without a record as due, even when its iat and exp look current', () => {
    const now = issuedLocally + 100 * SECOND;
    expect(observeStoredJwt(jwt, now)).toEqual({
      fingerprint: fingerprint(jwt),
      lifetimeMs: 300 * SECOND,
      receivedAt: now - 300 * SECOND,
      expiresAt: now,
    });
  });

  it('refreshes at once, not minutes late, on a client clock 2 min behind', () => {
    // Issued at ISSUED_AT by Genesys' clock, found 3 min later by a local clock 2 min behind:
    // read in the local clock, exp would put the refresh 2 min after the real deadline.
    const now = issuedLocally + 3 * 60 * SECOND - 2 * 60 * SECOND;
    const observation = observeStoredJwt(jwt, now);
    expect(observation && isDue(observation, DEFAULT_REFRESH_POLICY, now)).toBe(true);
  });

  it('takes a JWT issued after now (a local clock behind) as due now', () => {
    const now = issuedLocally - HOUR;
    const observation = observeStoredJwt(jwt, now);
    expect([
      observation?.expiresAt,
      observation && isDue(observation, DEFAULT_REFRESH_POLICY, now),
    ]).toEqual([now, true]);
  });

  it('takes a JWT as due when a local clock ahead puts its exp in the past', () => {
    const now = issuedLocally + HOUR;
    const observation = observeStoredJwt(jwt, now);
    expect(observation && isDue(observation, DEFAULT_REFRESH_POLICY, now)).toBe(true);
  });

  it('never expires a stored JWT later than a lifetime from now', () => {
    const nows = [-HOUR, -1, 0, 1, 299 * SECOND, HOUR].map((offset) => issuedLocally + offset);
    const late = nows.filter((now) => observeStoredJwt(jwt, now)!.expiresAt > now + 300 * SECOND);
    expect(late).toEqual([]);
  });

  it('ignores a malformed JWT', () => {
    expect(observeStoredJwt('x.y', issuedLocally)).toBeUndefined();
  });
});

describe(refreshDeadline.name, () => {
  it('is the expiry minus the lead', () => {
    const observation = observeJwt(jwtLiving(900), 1_000_000)!;
    expect(refreshDeadline(observation, DEFAULT_REFRESH_POLICY)).toBe(1_000_000 + 840 * SECOND);
  });

  it('comes after the arrival even for a one-second JWT', () => {
    const observation = observeJwt(jwtLiving(1), 1_000_000)!;
    expect(refreshDeadline(observation, DEFAULT_REFRESH_POLICY)).toBe(1_000_000 + 500);
  });
});

describe(isDue.name, () => {
  const observation = observeJwt(jwtLiving(300), 0)!;
  const deadline = 240 * SECOND;

  it.each([
    ['is not due a millisecond before the deadline', deadline - 1, false],
    ['is due at the deadline', deadline, true],
    ['is due after expiry', 10 * HOUR, true],
  ])('%s', (_title, now, due) => {
    expect(isDue(observation, DEFAULT_REFRESH_POLICY, now)).toBe(due);
  });
});

describe(timerDelay.name, () => {
  it('is the time left until the deadline', () => {
    expect(timerDelay(5_000, 1_000)).toBe(4_000);
  });

  it.each([
    ['in the past', 1_000],
    ['that is not a number', Number.NaN],
  ])('is 0 for a deadline %s', (_title, deadline) => {
    expect(timerDelay(deadline, 5_000)).toBe(0);
  });

  it('is clamped to 2^31 − 1 for a deadline further away', () => {
    expect(timerDelay(2 ** 40, 0)).toBe(MAX_TIMER_DELAY_MS);
  });

  it('keeps a delay of exactly 2^31 − 1', () => {
    expect(timerDelay(MAX_TIMER_DELAY_MS, 0)).toBe(2 ** 31 - 1);
  });
});
