import { messengerTokenKeys } from 'ngx-genesys-messenger-auth/core';
import { ALL_MESSENGER_VARIANTS, TEST_DEPLOYMENT } from 'ngx-genesys-messenger-auth/testing';
import { FaultWatch } from '../../../../../bench/fault-matrix/bridge-fault-watch';
import { BridgeWorld, ofType, SUBJECT, type Page } from './bridge.spec-helpers';
import { MessengerAuthBridge } from './messenger-auth-bridge';

const START = Date.parse('2026-11-26T09:00:00Z');
const CYCLE_MS = 240_000;
/** Past the first refresh deadline, with room for the bridge's recovery grace periods. */
const PAST_FIRST_REFRESH_MS = CYCLE_MS + 10_000;

const settle = () => jest.advanceTimersByTimeAsync(0);

describe(`${MessengerAuthBridge.name} when the session ends`, () => {
  let world: BridgeWorld;
  let signOutLocally: jest.Mock;

  beforeEach(() => {
    jest.useFakeTimers({ now: START });
    window.localStorage.clear();
    signOutLocally = jest.fn();
    world = new BridgeWorld({ later: (task) => setTimeout(task, 0), signOutLocally });
  });

  afterEach(() => {
    world.closeAll();
    jest.useRealTimers();
  });

  describe.each(ALL_MESSENGER_VARIANTS)('with Messenger %j', (variants) => {
    let page: Page;

    beforeEach(async () => {
      page = await world.open(variants);
      await settle();
    });

    describe('by a final refresh failure (the IdP ended the session)', () => {
      beforeEach(async () => {
        world.backend.idp.endSession(SUBJECT);
        await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
      });

      it('announces session-ended once', () => {
        expect(ofType(page.events, 'session-ended')).toHaveLength(1);
      });

      it('signs Messenger in again with a code obtained silently', () => {
        expect([page.bridge.state, page.messenger.state.auth]).toEqual([
          'authenticated',
          'authenticated',
        ]);
        expect(world.authorizer.interactiveCalls).toBe(0);
      });

      it('hands exactly one new code over, which Genesys accepts', () => {
        const stats = world.backend.genesys.stats();
        expect(world.authorizer.codes).toHaveLength(2);
        expect(ofType(page.events, 'code-handed-over')).toHaveLength(2);
        expect(stats.codesExchanged).toBe(2);
        expect(stats.rejections['code-reused']).toBeUndefined();
      });

      it('keeps the new session fresh afterwards, without a gap', async () => {
        await jest.advanceTimersByTimeAsync(3 * CYCLE_MS);
        const sessions = world.backend.genesys.stats().sessions;
        expect(sessions).toHaveLength(2);
        expect(sessions[1].gaps).toEqual([]);
      });
    });

    describe('by a transient refresh failure after which Messenger dropped its tokens', () => {
      beforeEach(async () => {
        world.backend.genesys.faults.add({ endpoint: 'refresh', status: 503, count: 1 });
        await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
      });

      it('signs Messenger in again before its JWT expires, leaving the user no gap', () => {
        expect([page.bridge.state, page.messenger.state.auth]).toEqual([
          'authenticated',
          'authenticated',
        ]);
        expect(world.backend.genesys.stats().subjects[0].gaps).toEqual([]);
      });

      it('stops retrying a refresh that has nothing left to refresh with', async () => {
        await jest.advanceTimersByTimeAsync(10 * 60_000);
        expect(ofType(page.events, 'refresh-retrying').length).toBeLessThanOrEqual(1);
      });
    });

    describe("when Messenger's storage was cleared behind its back", () => {
      beforeEach(async () => {
        const keys = messengerTokenKeys(TEST_DEPLOYMENT.id);
        page.tab.localStorage.removeItem(keys.jwt);
        page.tab.localStorage.removeItem(keys.refreshToken);
        await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS + 10 * 60_000);
      });

      it('ends the session at the first due refresh instead of retrying', () => {
        expect(ofType(page.events, 'refresh-retrying')).toEqual([]);
        expect(ofType(page.events, 'session-ended')).toHaveLength(1);
      });
    });

    describe('and silent authorization needs the user (login_required)', () => {
      beforeEach(async () => {
        world.backend.idp.endSession(SUBJECT);
        world.authorizer.silentAnswer = 'interaction-required';
      });

      it('starts exactly one interactive login', async () => {
        const watch = new FaultWatch(world);
        await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
        expect(world.authorizer.interactiveCalls).toBe(1);
        watch.record('idp-login-required');
      });

      it('does not start another when Messenger asks to re-authenticate again meanwhile', async () => {
        await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
        page.messenger.pressReAuthenticate();
        await jest.advanceTimersByTimeAsync(10_000);
        page.messenger.pressReAuthenticate();
        await jest.advanceTimersByTimeAsync(10_000);
        expect(world.authorizer.interactiveCalls).toBe(1);
      });

      it('ends, reporting the prevented loop once, when a login already happened within the window', async () => {
        world.authorizer.refuseInteractive = true;
        await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
        expect(page.bridge.state).toBe('ended');
        const stops = ofType(page.events, 'recovery-stopped');
        expect(stops.filter((e) => e.reason === 'login-loop-prevented')).toHaveLength(1);
        expect(world.authorizer.interactiveCalls).toBe(1);
      });

      it('stays ended, asking the IdP nothing more by itself', async () => {
        world.authorizer.refuseInteractive = true;
        const before = world.authorizer.silentCalls;
        await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS + 10 * 60_000);
        expect(page.bridge.state).toBe('ended');
        expect(world.authorizer.silentCalls - before).toBe(1);
      });
    });
  });

  describe('on a page that starts with login_required', () => {
    it('starts one interactive login and hands Messenger nothing', async () => {
      world.authorizer.silentAnswer = 'interaction-required';
      const page = await world.open();
      await jest.advanceTimersByTimeAsync(10_000);
      expect(world.authorizer.interactiveCalls).toBe(1);
      expect(ofType(page.events, 'code-handed-over')).toEqual([]);
      expect(page.messenger.state.auth).toBe('authenticating');
    });
  });
});
