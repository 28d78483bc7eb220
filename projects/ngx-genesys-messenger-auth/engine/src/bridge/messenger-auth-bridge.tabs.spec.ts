import { BehaviorSubject } from 'rxjs';
import type { GenesysTokens } from 'ngx-genesys-messenger-auth/testing';
import { ALL_MESSENGER_VARIANTS, TEST_DEPLOYMENT } from 'ngx-genesys-messenger-auth/testing';
import { BridgeWorld, ofType, SUBJECT, type Page } from './bridge.spec-helpers';
import { MessengerAuthBridge } from './messenger-auth-bridge';

const START = Date.parse('2026-11-26T09:00:00Z');
const HOUR = 3600_000;
const CYCLE_MS = 240_000;

const settle = () => jest.advanceTimersByTimeAsync(0);

describe(`${MessengerAuthBridge.name} across tabs and wake-ups`, () => {
  let world: BridgeWorld;

  beforeEach(() => {
    jest.useFakeTimers({ now: START });
    window.localStorage.clear();
    world = new BridgeWorld({ later: (task) => setTimeout(task, 0), signOutLocally: jest.fn() });
  });

  afterEach(() => {
    world.closeAll();
    jest.useRealTimers();
  });

  describe.each(ALL_MESSENGER_VARIANTS)('two tabs with Messenger %j', (variants) => {
    let first: Page;
    let second: Page;

    beforeEach(async () => {
      first = await world.open(variants);
      await jest.advanceTimersByTimeAsync(10_000);
      second = await world.open(variants);
      await settle();
    });

    it("schedules the second tab from the first tab's arrival of the JWT", () => {
      expect(second.nextRefreshAt()).toBe(START + CYCLE_MS);
      expect(first.nextRefreshAt()).toBe(START + CYCLE_MS);
    });

    it('refresh as often together over an hour as one tab alone (15 times)', async () => {
      await jest.advanceTimersByTimeAsync(HOUR);
      const { refreshes } = world.backend.genesys.stats();
      expect(refreshes).toBeGreaterThanOrEqual(14);
      expect(refreshes).toBeLessThanOrEqual(16);
    });

    it('the other tab re-aims at the JWT a tab refreshed early, hearing it on the channel', async () => {
      await jest.advanceTimersByTimeAsync(90_000);
      first.bridge.refreshNow();
      await jest.advanceTimersByTimeAsync(CYCLE_MS - 60_000);
      expect(world.backend.genesys.stats().refreshes).toBe(1);
      expect(ofType(second.events, 'jwt-observed').map((e) => e.source)).toEqual(['other-tab']);
      expect(ofType(second.events, 'refresh-started')).toEqual([]);
      expect(second.nextRefreshAt()).toBe(START + 100_000 + CYCLE_MS);
    });

    describe('when the session ends for good and one tab signs Messenger in again', () => {
      beforeEach(async () => {
        world.backend.idp.endSession(SUBJECT);
        await jest.advanceTimersByTimeAsync(CYCLE_MS + 30_000);
      });

      it('the other tab follows the new session instead of staying signed out', () => {
        for (const page of [first, second]) {
          expect([page.bridge.state, page.messenger.state.auth]).toEqual([
            'authenticated',
            'authenticated',
          ]);
        }
        expect(second.nextRefreshAt()).toBe(first.nextRefreshAt());
      });

      it('with one new code for the browser: one new Genesys session, not one per tab', () => {
        const { codesExchanged, sessions } = world.backend.genesys.stats();
        expect([codesExchanged, sessions.length]).toEqual([2, 2]);
      });
    });

    it('both stay authenticated, with no gap in the session', async () => {
      await jest.advanceTimersByTimeAsync(HOUR);
      for (const page of [first, second]) {
        expect([page.bridge.state, page.messenger.state.auth]).toEqual([
          'authenticated',
          'authenticated',
        ]);
        expect(page.views).not.toContain('reauthenticate');
      }
      expect(world.backend.genesys.stats().sessions.map((s) => s.gaps)).toEqual([[]]);
    });
  });

  describe('in Chromium, where each tab reads its own copy of localStorage', () => {
    /** A new browser whose tabs share one lock and each read a copy of localStorage. */
    function newChromiumWorld(copyLagMs?: number): void {
      world.closeAll();
      window.localStorage.clear();
      world = new BridgeWorld({
        later: (task) => setTimeout(task, 0),
        signOutLocally: jest.fn(),
        chromium: true,
        copyLagMs,
      });
    }

    let tabs: Page[];

    beforeEach(async () => {
      newChromiumWorld();
      tabs = [];
      for (let i = 0; i < 3; i++) {
        tabs.push(await world.open());
        await settle();
      }
    });

    it('refreshes once per cycle: a tab granted the lock next follows the note left before it', async () => {
      // A second past the hour: the last cycle's followers have had their moment too.
      await jest.advanceTimersByTimeAsync(HOUR + 1_000);
      expect(world.backend.genesys.stats().refreshes).toBe(15);
      // Each cycle the two other tabs either skip under the lock (the note) or follow the
      // broadcast that arrives while they wait for their copy of storage to show the new JWT.
      const followed = tabs.flatMap((tab) => [
        ...ofType(tab.events, 'refresh-skipped'),
        ...ofType(tab.events, 'jwt-observed').filter((e) => e.source === 'other-tab'),
      ]);
      expect(followed).toHaveLength(30);
      for (const tab of tabs) expect(tab.bridge.state).toBe('authenticated');
      expect(world.backend.genesys.stats().sessions.map((s) => s.gaps)).toEqual([[]]);
    });

    it("does not let a note about a JWT no tab's storage ever shows postpone the refresh", async () => {
      const lockName = `ngma-refresh:${TEST_DEPLOYMENT.id}`;
      const bogus = { fingerprint: 'zzzzzz', receivedAt: START + 1_000, lifetimeMs: 24 * HOUR };
      await world.sharedLock?.leaveNote(lockName, JSON.stringify(bogus));
      await jest.advanceTimersByTimeAsync(2 * CYCLE_MS + 5_000);
      expect(world.backend.genesys.stats().refreshes).toBe(2);
      expect(world.backend.genesys.stats().sessions.map((s) => s.gaps)).toEqual([[]]);
    });

    it('a tab whose copy of storage lags follows a broadcast as soon as its copy shows the JWT', async () => {
      newChromiumWorld(300);
      const [first, second] = [await world.open(), await world.open()];
      await jest.advanceTimersByTimeAsync(90_000);
      first.bridge.refreshNow();
      await jest.advanceTimersByTimeAsync(1_000);
      expect(second.nextRefreshAt()).toBe(first.nextRefreshAt());
      expect(second.nextRefreshAt()).toBe(START + 90_000 + CYCLE_MS);
    });

    it('every tab aims at the JWT the last refresh brought', async () => {
      await jest.advanceTimersByTimeAsync(CYCLE_MS + 1000);
      const next = tabs.map((tab) => tab.nextRefreshAt());
      expect(new Set(next).size).toBe(1);
      expect(next[0]).toBe(START + 2 * CYCLE_MS);
    });

    it('takes its note back when it signs out', async () => {
      const notes = () => world.sharedLock?.readNotes(`ngma-refresh:${TEST_DEPLOYMENT.id}`);
      await jest.advanceTimersByTimeAsync(CYCLE_MS + 1000);
      expect(await notes()).toHaveLength(1);
      world.signedIn.next(false);
      await jest.advanceTimersByTimeAsync(1000);
      for (const tab of tabs) expect(tab.bridge.state).toBe('anonymous');
      expect(await notes()).toEqual([]);
    });
  });

  describe('when one tab signs out', () => {
    it("signs the other tab's portal and Messenger out too", async () => {
      const portal = (signedIn: boolean) => ({
        signedIn$: new BehaviorSubject(signedIn),
        signOutLocally: jest.fn(),
      });
      const [here, there] = [portal(true), portal(true)];
      await world.open({}, here);
      const other = await world.open({}, there);
      await settle();
      here.signedIn$.next(false);
      await jest.advanceTimersByTimeAsync(1000);
      expect(there.signOutLocally).toHaveBeenCalledTimes(1);
      expect(here.signOutLocally).not.toHaveBeenCalled();
      expect([other.bridge.state, other.messenger.state.auth]).toEqual(['anonymous', 'anonymous']);
      expect(world.backend.genesys.stats().revokes).toBe(1);
    });
  });

  describe('when the page wakes up', () => {
    let page: Page;

    beforeEach(async () => {
      page = await world.open();
      await settle();
    });

    it('refreshes at once when the deadline passed while its timers slept', async () => {
      jest.setSystemTime(START + CYCLE_MS + 30_000);
      await settle();
      expect(world.backend.genesys.stats().refreshes).toBe(0);
      page.wakeups.next('visible');
      await settle();
      expect(world.backend.genesys.stats().refreshes).toBe(1);
      expect(ofType(page.events, 'refresh-started')).toEqual([
        { type: 'refresh-started', trigger: 'visible', at: START + CYCLE_MS + 30_000 },
      ]);
      expect(world.backend.genesys.stats().sessions[0].gaps).toEqual([]);
    });

    it('does nothing before the deadline', async () => {
      await jest.advanceTimersByTimeAsync(CYCLE_MS / 2);
      page.wakeups.next('visible');
      await settle();
      expect(world.backend.genesys.stats().refreshes).toBe(0);
    });
  });

  describe('its timeline and logs', () => {
    it('never carry a JWT, refresh token, code, verifier or nonce', async () => {
      const exchanges = jest.spyOn(world.backend, 'exchangeCode');
      const refreshes = jest.spyOn(world.backend, 'refresh');
      await world.open();
      await world.open({ refreshResolvesWithJwt: false });
      await jest.advanceTimersByTimeAsync(2 * CYCLE_MS);
      world.backend.idp.endSession(SUBJECT);
      await jest.advanceTimersByTimeAsync(CYCLE_MS + 10_000);
      world.signedIn.next(false);
      await settle();
      const results = [...exchanges.mock.results, ...refreshes.mock.results];
      const answers = await Promise.all(
        results.map((r) => (r.value as Promise<GenesysTokens>).catch(() => undefined)),
      );
      const tokens = answers.flatMap((a) => (a ? [a.jwt, a.refreshToken ?? ''] : []));
      const secrets = [...world.authorizer.secrets, ...tokens].filter(Boolean);
      expect(secrets.length).toBeGreaterThan(10);
      const text = JSON.stringify([world.allEvents(), world.logger.entries]);
      expect(ofType(world.allEvents(), 'jwt-observed').length).toBeGreaterThan(2);
      for (const secret of secrets) expect(text).not.toContain(secret);
    });
  });
});
