import { ALL_MESSENGER_VARIANTS, type MessengerVariants } from 'ngx-genesys-messenger-auth/testing';
import { BridgeWorld, ofType } from './bridge.spec-helpers';
import { MessengerAuthBridge } from './messenger-auth-bridge';

const START = Date.parse('2026-11-26T09:00:00Z');
const HOUR = 3600_000;
/** The IdP token lives 300 s, so does Genesys' JWT; the default lead for it is 60 s. */
const JWT_LIFETIME_MS = 300_000;
const LEAD_MS = 60_000;
const CYCLE_MS = JWT_LIFETIME_MS - LEAD_MS;

const settle = () => jest.advanceTimersByTimeAsync(0);

function newWorld(genesysNow?: () => number): BridgeWorld {
  return new BridgeWorld({
    later: (task) => setTimeout(task, 0),
    genesysNow,
    signOutLocally: jest.fn(),
  });
}

/** One tab signed in at START, left alone for `ms`; what Genesys and the bridge saw. */
async function signInAndWait(variants: MessengerVariants, ms: number, genesysOffsetMs = 0) {
  jest.setSystemTime(START);
  window.localStorage.clear();
  const world = newWorld(genesysOffsetMs ? () => Date.now() + genesysOffsetMs : undefined);
  const page = await world.open(variants);
  await jest.advanceTimersByTimeAsync(ms);
  const stats = world.backend.genesys.stats();
  world.closeAll();
  return {
    refreshes: stats.refreshes,
    gaps: stats.sessions.map((session) => session.gaps),
    schedule: ofType(page.events, 'refresh-scheduled').map((e) => e.refreshAt - START),
    views: page.views,
    state: page.bridge.state,
  };
}

describe(MessengerAuthBridge.name, () => {
  let world: BridgeWorld;

  beforeEach(() => {
    jest.useFakeTimers({ now: START });
    window.localStorage.clear();
    world = newWorld();
  });

  afterEach(() => {
    world.closeAll();
    jest.useRealTimers();
  });

  describe.each(ALL_MESSENGER_VARIANTS)('with Messenger %j', (variants) => {
    it('signs Messenger in with a fresh code when Messenger asks for one', async () => {
      const page = await world.open(variants);
      await settle();
      expect(world.authorizer.codes).toHaveLength(1);
      expect(ofType(page.events, 'code-handed-over')).toEqual([
        { type: 'code-handed-over', via: 'getAuthCode', at: START },
      ]);
      expect(world.backend.genesys.stats().codesExchanged).toBe(1);
      expect([page.bridge.state, page.messenger.state.auth]).toEqual([
        'authenticated',
        'authenticated',
      ]);
    });

    it('schedules the first refresh at expiry minus the 60 s lead of a 300 s JWT', async () => {
      const page = await world.open(variants);
      await settle();
      expect(page.nextRefreshAt()).toBe(START + CYCLE_MS);
    });

    it('keeps the Genesys session without a gap for 2 hours, refreshing every 240 s', async () => {
      const run = await signInAndWait(variants, 2 * HOUR);
      expect(run.gaps).toEqual([[]]);
      expect(run.views).not.toContain('reauthenticate');
      expect(run.state).toBe('authenticated');
      // 7200 s / 240 s = 30; one less if the last deadline fell just past the window.
      expect(run.refreshes).toBeGreaterThanOrEqual(29);
      expect(run.refreshes).toBeLessThanOrEqual(30);
    });

    it('reports each refresh it made as a refreshed event', async () => {
      const page = await world.open(variants);
      await jest.advanceTimersByTimeAsync(3 * CYCLE_MS);
      expect(world.backend.genesys.stats().refreshes).toBe(3);
      expect(ofType(page.events, 'refreshed')).toHaveLength(3);
    });

    describe('on a page opened an hour after the last one closed', () => {
      async function reopenAfterAnHour() {
        world.pages[0]?.close();
        await jest.advanceTimersByTimeAsync(HOUR);
        const page = await world.open(variants);
        await settle();
        return page;
      }

      beforeEach(async () => {
        await world.open(variants);
        await settle();
      });

      it('ends authenticated without Messenger ever asking to re-authenticate', async () => {
        const page = await reopenAfterAnHour();
        expect(page.views).not.toContain('reauthenticate');
        expect([page.bridge.state, page.messenger.state.auth]).toEqual([
          'authenticated',
          'authenticated',
        ]);
      });

      it('refreshes exactly once with the stored refresh token instead of signing in again', async () => {
        await reopenAfterAnHour();
        const stats = world.backend.genesys.stats();
        expect([stats.codesExchanged, stats.refreshes]).toEqual([1, 1]);
        expect(world.authorizer.codes).toHaveLength(1);
        expect(world.authorizer.interactiveCalls).toBe(0);
      });

      it('schedules the next refresh from the new JWT', async () => {
        const page = await reopenAfterAnHour();
        expect(page.nextRefreshAt()).toBe(Date.now() + CYCLE_MS);
      });
    });
  });

  describe.each([
    ['ahead', +HOUR],
    ['behind', -HOUR],
  ])("when Genesys' clock is an hour %s of the browser's", (_, offsetMs) => {
    describe.each(ALL_MESSENGER_VARIANTS)('with Messenger %j', (variants) => {
      it('schedules and counts refreshes exactly as without the offset, with no gap', async () => {
        const baseline = await signInAndWait(variants, HOUR);
        const skewed = await signInAndWait(variants, HOUR, offsetMs);
        expect(skewed.schedule).toEqual(baseline.schedule);
        expect(skewed.schedule.slice(0, 2)).toEqual([CYCLE_MS, 2 * CYCLE_MS]);
        expect(skewed.refreshes).toBe(baseline.refreshes);
        expect(skewed.gaps).toEqual([[]]);
        expect(skewed.views).not.toContain('reauthenticate');
      });
    });
  });
});
