import { messengerTokenKeys } from 'ngx-genesys-messenger-auth/core';
import { JwtTracker } from './jwt-tracker';

const DEPLOYMENT = 'd-1';
const NOW = Date.parse('2026-11-26T09:00:00Z');
const LIFETIME_MS = 300_000;

function base64Url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** An unsigned JWT issued at `issuedAt` (ms) that lives five minutes. */
function jwtIssuedAt(issuedAt: number): string {
  const iat = Math.floor(issuedAt / 1000);
  return `${base64Url({ alg: 'ES256' })}.${base64Url({ iat, exp: iat + LIFETIME_MS / 1000 })}.c2ln`;
}

describe(JwtTracker.name, () => {
  let now: number;
  let tracker: JwtTracker;

  beforeEach(() => {
    localStorage.clear();
    now = NOW;
    tracker = new JwtTracker(localStorage, DEPLOYMENT, () => now);
  });

  /** Messenger stores `jwt` and this tab sees it arrive at `at`. */
  function arrives(jwt: string, at: number) {
    now = at;
    localStorage.setItem(messengerTokenKeys(DEPLOYMENT).jwt, jwt);
    return tracker.arrived(jwt);
  }

  describe('mayHaveRefreshToken', () => {
    const keys = messengerTokenKeys(DEPLOYMENT);

    it('is true while storage shows a refresh token', () => {
      localStorage.setItem(keys.refreshToken, 'rt');
      expect(tracker.mayHaveRefreshToken()).toBe(true);
    });

    it('is true while Messenger was never seen to keep its tokens where the tracker looks', () => {
      expect(tracker.mayHaveRefreshToken()).toBe(true);
    });

    it("is false once storage that showed Messenger's tokens shows none (it was cleared)", () => {
      localStorage.setItem(keys.jwt, jwtIssuedAt(NOW));
      localStorage.setItem(keys.refreshToken, 'rt');
      expect(tracker.storedJwt()).not.toBeNull();
      localStorage.clear();
      expect(tracker.mayHaveRefreshToken()).toBe(false);
    });
  });

  describe('notes for the other tabs', () => {
    it('say which JWT arrived when and how long it lives, never the JWT', () => {
      const jwt = jwtIssuedAt(NOW);
      const observation = arrives(jwt, NOW);
      const note = tracker.noteOf(observation!);
      expect(JSON.parse(note)).toEqual({
        fingerprint: observation!.fingerprint,
        receivedAt: NOW,
        lifetimeMs: LIFETIME_MS,
      });
      expect(note).not.toContain(jwt.split('.')[1]);
    });
  });

  describe('underLock', () => {
    const note = (fingerprint: string, receivedAt: number, lifetimeMs = LIFETIME_MS) =>
      JSON.stringify({ fingerprint, receivedAt, lifetimeMs });

    it('is what storage shows when there are no notes', () => {
      const observation = arrives(jwtIssuedAt(NOW), NOW);
      expect(tracker.underLock([])).toEqual({ current: observation, lagging: false });
    });

    it('dates the stored JWT by a later note about that JWT', () => {
      const observation = arrives(jwtIssuedAt(NOW), NOW)!;
      now = NOW + 10_000;
      const { current } = tracker.underLock([note(observation.fingerprint, NOW + 5_000)]);
      expect(current).toMatchObject({ receivedAt: NOW + 5_000, expiresAt: NOW + 305_000 });
    });

    it("never lets a note stretch the stored JWT's lifetime", () => {
      const observation = arrives(jwtIssuedAt(NOW), NOW)!;
      now = NOW + 10_000;
      const day = 24 * 3600_000;
      const { current } = tracker.underLock([note(observation.fingerprint, NOW + 5_000, day)]);
      expect(current?.expiresAt).toBe(NOW + 5_000 + LIFETIME_MS);
    });

    it('does not believe a note about a JWT storage does not show, and says storage may lag', () => {
      const observation = arrives(jwtIssuedAt(NOW), NOW);
      now = NOW + 241_000;
      expect(tracker.underLock([note('b7e2c1', now - 50)])).toEqual({
        current: observation,
        lagging: true,
      });
    });

    it('ignores notes about older JWTs', () => {
      const observation = arrives(jwtIssuedAt(NOW), NOW + 1000);
      expect(tracker.underLock([note('a1', NOW)])).toEqual({
        current: observation,
        lagging: false,
      });
    });

    it('counts an arrival later than now (another clock) as now', () => {
      const observation = arrives(jwtIssuedAt(NOW - 60_000), NOW - 60_000)!;
      now = NOW;
      const { current } = tracker.underLock([note(observation.fingerprint, NOW + 60_000)]);
      expect(current).toMatchObject({ receivedAt: NOW, expiresAt: NOW + LIFETIME_MS });
    });

    it('is nothing while storage holds no JWT (Messenger signed out), whatever the notes say', () => {
      expect(tracker.underLock([note('f1', NOW)])).toEqual({
        current: undefined,
        lagging: false,
      });
    });

    it.each([
      ['not JSON', '{fingerprint'],
      ['null', 'null'],
      ['no fingerprint', JSON.stringify({ receivedAt: NOW, lifetimeMs: 300_000 })],
      ['a text arrival', JSON.stringify({ fingerprint: 'f', receivedAt: 'now', lifetimeMs: 1 })],
      ['no lifetime', JSON.stringify({ fingerprint: 'f', receivedAt: NOW })],
      ['a zero lifetime', JSON.stringify({ fingerprint: 'f', receivedAt: NOW, lifetimeMs: 0 })],
      [
        'an endless lifetime',
        JSON.stringify({ fingerprint: 'f', receivedAt: NOW, lifetimeMs: 1e300 }),
      ],
    ])('ignores a note with %s', (_, note) => {
      const observation = arrives(jwtIssuedAt(NOW - 60_000), NOW - 60_000);
      now = NOW;
      expect(tracker.underLock([note])).toEqual({ current: observation, lagging: false });
    });
  });
});
