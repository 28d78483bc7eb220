import { MessengerAuthErrorCode } from 'ngx-genesys-messenger-auth/core';
import { MAX_REFUSED_CODES } from '../recovery/code-recovery';
import { ofType, SUBJECT } from './bridge.spec-helpers';
import { MessengerAuthBridge } from './messenger-auth-bridge';
import { useRealAuthorizerWorld, type PortalTab } from './real-authorizer.spec-helpers';

const START = Date.parse('2026-11-26T09:00:00Z');
const ROUTE = 'http://localhost:4200/orders/42';
/** Past the first refresh deadline of a 300 s JWT, with room for the recovery grace periods. */
const PAST_FIRST_REFRESH_MS = 250_000;

describe(`${MessengerAuthBridge.name} with the real authorizer: codes Genesys refuses, rate limits, redirect answers`, () => {
  const browser = useRealAuthorizerWorld(START);
  const { openAt, followNavigation, whileTimePasses } = browser;

  describe('when Genesys refuses every code (item 1)', () => {
    let tab: PortalTab;

    beforeEach(async () => {
      browser.world.backend.genesys.faults.add({ endpoint: 'exchange', status: 500 });
      tab = await openAt(ROUTE);
      await jest.advanceTimersByTimeAsync(10 * 60_000);
    });

    it('asks the IdP and Genesys a bounded number of times in ten minutes', () => {
      expect(tab.fake.frames).toHaveLength(MAX_REFUSED_CODES);
      expect(browser.world.backend.genesys.stats().rejections['fault-injected']).toBe(
        MAX_REFUSED_CODES,
      );
    });

    it('spaces the attempts out', () => {
      const handed = ofType(tab.page.events, 'code-handed-over').map((e) => e.at - START);
      expect(handed[1] - handed[0]).toBeGreaterThanOrEqual(1_500);
      expect(handed[2] - handed[1]).toBeGreaterThanOrEqual(6_000);
    });

    it('ends with the reason login-loop-prevented, without navigating', () => {
      expect(tab.page.bridge.state).toBe('ended');
      expect(ofType(tab.page.events, 'recovery-stopped').map((e) => e.reason)).toEqual([
        'login-loop-prevented',
      ]);
      expect(tab.fake.assigned).toEqual([]);
    });

    it('tries again when a person asks to sign in to chat', async () => {
      browser.world.backend.genesys.faults.clear();
      await whileTimePasses(tab.page.bridge.signInToChat());
      expect([tab.page.bridge.state, tab.page.messenger.state.auth]).toEqual([
        'authenticated',
        'authenticated',
      ]);
    });
  });

  describe('when Genesys refuses every code and the page reloads (item 1)', () => {
    it('asks nothing more after a reload within the window', async () => {
      browser.world.backend.genesys.faults.add({ endpoint: 'exchange', status: 500 });
      const tab = await openAt(ROUTE);
      await jest.advanceTimersByTimeAsync(20_000);
      expect(tab.page.bridge.state).toBe('ended');
      tab.page.close();
      const reloaded = await openAt(ROUTE);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(reloaded.fake.frames).toHaveLength(0);
      expect(reloaded.page.bridge.state).toBe('ended');
      expect(browser.world.backend.genesys.stats().rejections['fault-injected']).toBe(
        MAX_REFUSED_CODES,
      );
    });
  });

  describe('when Genesys refuses every code slowly (each answer a minute late)', () => {
    it('still stops after the same number of codes', async () => {
      browser.world.backend.genesys.faults.add({
        endpoint: 'exchange',
        status: 500,
        delayMs: 70_000,
      });
      const tab = await openAt(ROUTE);
      await jest.advanceTimersByTimeAsync(15 * 60_000);
      expect(tab.fake.frames).toHaveLength(MAX_REFUSED_CODES);
      expect(ofType(tab.page.events, 'recovery-stopped').map((e) => e.reason)).toEqual([
        'login-loop-prevented',
      ]);
    });
  });

  describe('when Genesys answers 429 to an exchange', () => {
    it('waits for the limit and hands the same unused code over again, not a new one', async () => {
      browser.world.backend.genesys.faults.add({ endpoint: 'exchange', status: 429, count: 1 });
      const tab = await openAt(ROUTE);
      await jest.advanceTimersByTimeAsync(30_000);
      expect(tab.page.messenger.state.auth).not.toBe('authenticated');
      await jest.advanceTimersByTimeAsync(40_000);
      expect(tab.page.messenger.state.auth).toBe('authenticated');
      expect(tab.fake.frames).toHaveLength(1);
    });
  });

  describe('when the redirect answer cannot be checked (item 8)', () => {
    it('reports a coded error and starts anyway, so Messenger goes on', async () => {
      let tab = await openAt(ROUTE);
      browser.idp.thirdPartyCookiesBlocked = true;
      browser.world.backend.idp.endSession(SUBJECT);
      await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
      browser.settings = () => Promise.reject(new Error('discovery answered 503'));
      tab = await followNavigation(tab);
      const failed = ofType(tab.page.events, 'authorization-failed');
      expect(failed[0]?.reason).toMatch(
        new RegExp(`^NGMA${MessengerAuthErrorCode.DISCOVERY_FAILED}`),
      );
      // Messenger waits for AuthProvider.ready() before it looks at its tokens.
      expect(tab.page.views).not.toEqual(['starting']);
      expect(tab.fake.url.href).toBe(ROUTE);
    });
  });
});
