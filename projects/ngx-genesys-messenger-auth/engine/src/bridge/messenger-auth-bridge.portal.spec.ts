import { messengerTokenKeys, type GenesysAuthCodeResult } from 'ngx-genesys-messenger-auth/core';
import { TEST_DEPLOYMENT } from 'ngx-genesys-messenger-auth/testing';
import { FaultWatch } from '../../../../../bench/fault-matrix/bridge-fault-watch';
import { BridgeWorld, ofType, type Page } from './bridge.spec-helpers';
import { MessengerAuthBridge } from './messenger-auth-bridge';

const START = Date.parse('2026-11-26T09:00:00Z');
const KEYS = messengerTokenKeys(TEST_DEPLOYMENT.id);

const settle = () => jest.advanceTimersByTimeAsync(0);

/** Asks the bridge for a code the way Messenger does. */
async function askForCode(page: Page, forceUpdate = false): Promise<GenesysAuthCodeResult> {
  const answer = page.messenger.bus.command<GenesysAuthCodeResult>('AuthProvider.getAuthCode', {
    forceUpdate,
  });
  // Codes Messenger has not used yet are spaced out by the loop guard (2 s, then 8 s); a
  // rejection is the caller's to check, after the wait.
  answer.catch(() => undefined);
  await jest.advanceTimersByTimeAsync(15_000);
  return answer;
}

describe(`${MessengerAuthBridge.name} with the portal's session`, () => {
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

  describe('handing codes to Messenger', () => {
    it('hands every code over once: asked again, Messenger gets a new one each time', async () => {
      const page = await world.open();
      await settle();
      const handed = [world.authorizer.codes[0]];
      for (let i = 0; i < 2; i++) handed.push((await askForCode(page)).authCode as string);
      expect(new Set(handed).size).toBe(3);
      expect(handed).toEqual(world.authorizer.codes);
    });

    it('hands the code a redirect brought back over once, then fetches fresh ones', async () => {
      world.authorizer.redirectAnswer = true;
      const page = await world.open();
      await settle();
      expect([world.authorizer.silentCalls, page.messenger.state.auth]).toEqual([
        0,
        'authenticated',
      ]);
      const next = await askForCode(page);
      expect(world.authorizer.silentCalls).toBe(1);
      expect(next.authCode).toBe(world.authorizer.codes[1]);
    });

    it('gets a new code for forceUpdate instead of handing over the one it holds', async () => {
      const page = await world.open();
      await settle();
      await page.messenger.bus.command('AuthProvider.reAuthenticate', {});
      const held = world.authorizer.codes[1];
      const forced = await askForCode(page, true);
      const after = await askForCode(page);
      expect(forced.authCode).toBe(world.authorizer.codes[2]);
      expect([forced.authCode, after.authCode]).not.toContain(held);
    });

    it('never lets Genesys see a code twice, whichever way Messenger asks', async () => {
      const page = await world.open();
      await settle();
      const watch = new FaultWatch(world);
      await page.messenger.bus.command('AuthProvider.reAuthenticate', {});
      await page.messenger.bus.command('Auth.getTokens', await askForCode(page));
      await page.messenger.bus.command('Auth.getTokens', await askForCode(page, true));
      await page.messenger.bus.command('Auth.getTokens', await askForCode(page));
      await settle();
      const stats = world.backend.genesys.stats();
      expect([stats.codesExchanged, stats.rejections]).toEqual([4, {}]);
      expect(ofType(page.events, 'code-handed-over')).toHaveLength(4);
      watch.record('duplicate-code');
    });
  });

  describe('while nobody is signed in to the portal', () => {
    beforeEach(() => world.signedIn.next(false));

    it("rejects Messenger's request for a code, leaving Messenger anonymous", async () => {
      const page = await world.open();
      await settle();
      await expect(askForCode(page)).rejects.toThrow(/^NGMA4128/);
      expect([page.bridge.state, page.messenger.state.auth]).toEqual(['anonymous', 'anonymous']);
      expect(world.authorizer.silentCalls).toBe(0);
      expect(world.backend.genesys.stats().codesExchanged).toBe(0);
    });

    it("leaves an earlier Messenger session alone until this tab's portal signs in", async () => {
      world.signedIn.next(true);
      await world.open();
      await settle();
      world.closeAll();
      world.signedIn.next(false);
      const page = await world.open();
      await settle();
      world.signedIn.next(true);
      await settle();
      const stats = world.backend.genesys.stats();
      expect([stats.revokes, stats.codesExchanged]).toEqual([0, 1]);
      expect([page.bridge.state, page.messenger.state.auth]).toEqual([
        'authenticated',
        'authenticated',
      ]);
    });
  });

  describe('when the portal signs out', () => {
    let page: Page;

    beforeEach(async () => {
      page = await world.open();
      await settle();
      world.signedIn.next(false);
      await settle();
    });

    it("logs Messenger out, which revokes Messenger's tokens", () => {
      expect(world.backend.genesys.stats().revokes).toBe(1);
      expect(page.messenger.state.auth).toBe('anonymous');
      expect(window.localStorage.getItem(KEYS.refreshToken)).toBeNull();
    });

    it('goes anonymous and reports a sign-out that came from the portal', () => {
      expect(page.bridge.state).toBe('anonymous');
      expect(ofType(page.events, 'signed-out')).toEqual([
        { type: 'signed-out', origin: 'portal', at: START },
      ]);
    });

    it('stops refreshing', async () => {
      await jest.advanceTimersByTimeAsync(3600_000);
      expect(page.nextRefreshAt()).toBeNull();
      expect(world.backend.genesys.stats().refreshes).toBe(0);
    });

    it("leaves the portal's own sign-out to the portal in this tab", () => {
      expect(signOutLocally).not.toHaveBeenCalled();
    });
  });

  describe('when it stops (its injector is destroyed)', () => {
    it('closes the tab channel and ends its schedule', async () => {
      const page = await world.open();
      await settle();
      let closed = false;
      page.channel.messages$.subscribe({ complete: () => (closed = true) });
      page.bridge.stop();
      await jest.advanceTimersByTimeAsync(3600_000);
      expect(closed).toBe(true);
      expect(world.backend.genesys.stats().refreshes).toBe(0);
    });
  });

  describe('when the portal signs out after the laptop slept past the JWT', () => {
    it('renews the JWT first, so that Genesys revokes the refresh token', async () => {
      const page = await world.open();
      await settle();
      // No timer fires while the clock jumps: the JWT has expired when the user signs out.
      jest.setSystemTime(Date.now() + 10 * 60_000);
      world.signedIn.next(false);
      await jest.advanceTimersByTimeAsync(1_000);
      const stats = world.backend.genesys.stats();
      expect([stats.refreshes, stats.revokes, stats.rejections]).toEqual([1, 1, {}]);
      expect(page.bridge.state).toBe('anonymous');
    });
  });
});
