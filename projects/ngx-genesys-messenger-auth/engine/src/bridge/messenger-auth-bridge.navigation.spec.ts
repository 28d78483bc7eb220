import { FaultWatch } from '../../../../../bench/fault-matrix/bridge-fault-watch';
import { ofType, SUBJECT } from './bridge.spec-helpers';
import { MessengerAuthBridge } from './messenger-auth-bridge';
import {
  navigations,
  useRealAuthorizerWorld,
  type PortalTab,
} from './real-authorizer.spec-helpers';

const START = Date.parse('2026-11-26T09:00:00Z');
const ROUTE = 'http://localhost:4200/orders/42';
/** Past the first refresh deadline of a 300 s JWT, with room for the recovery grace periods. */
const PAST_FIRST_REFRESH_MS = 250_000;

describe(`${MessengerAuthBridge.name} with the real authorizer: navigation to the IdP`, () => {
  const browser = useRealAuthorizerWorld(START);
  const { openAt, followNavigation, whileTimePasses } = browser;

  describe('when the hidden iframe cannot see the IdP session (item 3)', () => {
    let tab: PortalTab;
    let watch: FaultWatch;

    beforeEach(async () => {
      tab = await openAt(ROUTE);
      watch = new FaultWatch(browser.world);
      browser.idp.thirdPartyCookiesBlocked = true;
      browser.world.backend.idp.endSession(SUBJECT);
      await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
    });

    it('leaves the page once with prompt=none, never for the login page', () => {
      expect(navigations(tab)).toEqual(['none']);
    });

    it('signs Messenger in with the code the top-level redirect brings back', async () => {
      const back = await followNavigation(tab);
      await jest.advanceTimersByTimeAsync(5_000);
      expect([back.page.bridge.state, back.page.messenger.state.auth]).toEqual([
        'authenticated',
        'authenticated',
      ]);
      expect(back.fake.url.href).toBe(ROUTE);
      expect(back.fake.assigned).toEqual([]);
      watch.record('third-party-cookies-blocked');
    });
  });

  describe('when the IdP session has ended and reauthMode is silent-only (item 4)', () => {
    let tab: PortalTab;

    beforeEach(async () => {
      browser.reset('silent-only');
      tab = await openAt(ROUTE);
      browser.idp.sessionLives = false;
      browser.world.backend.idp.endSession(SUBJECT);
      await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
      tab = await followNavigation(tab);
      await jest.advanceTimersByTimeAsync(10_000);
    });

    it('tries prompt=none only, and never shows the login page', () => {
      expect(navigations(tab)).toEqual([]);
    });

    it('asks the IdP nothing more on the page prompt=none came back to', () => {
      expect(tab.fake.frames).toHaveLength(0);
    });

    it('ends with the reason login-required', () => {
      expect(tab.page.bridge.state).toBe('ended');
      expect(ofType(tab.page.events, 'recovery-stopped').at(-1)?.reason).toBe('login-required');
    });

    it('shows the login page when a person asks to sign in to chat', async () => {
      await whileTimePasses(tab.page.bridge.signInToChat());
      expect(navigations(tab)).toEqual(['login']);
    });
  });

  describe('when the IdP session has ended (silent-then-interactive)', () => {
    it('shows the login page after prompt=none came back with login_required', async () => {
      let tab = await openAt(ROUTE);
      browser.idp.sessionLives = false;
      browser.world.backend.idp.endSession(SUBJECT);
      await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
      tab = await followNavigation(tab);
      await jest.advanceTimersByTimeAsync(10_000);
      expect(navigations(tab)).toEqual(['login']);
    });
  });

  describe('while the tab is hidden (item 2)', () => {
    let tab: PortalTab;

    beforeEach(async () => {
      tab = await openAt(ROUTE);
      // The refresh fails for good and the silent iframe finds no IdP session: the next step
      // would leave the page, which a hidden tab does not do.
      browser.world.visible = false;
      browser.idp.sessionLives = false;
      browser.world.backend.idp.endSession(SUBJECT);
      await jest.advanceTimersByTimeAsync(PAST_FIRST_REFRESH_MS);
    });

    it('does not navigate, and says it waits for the page', () => {
      expect(tab.fake.assigned).toEqual([]);
      // The sign-in's iframe, then the silent check after the refresh failed.
      expect(tab.fake.frames).toHaveLength(2);
      expect(tab.page.bridge.state).toBe('ended');
      expect(ofType(tab.page.events, 'recovery-stopped').at(-1)?.reason).toBe('waiting-for-page');
    });

    it('gives up the wait when the bridge stops (its injector is destroyed)', async () => {
      tab.page.bridge.stop();
      browser.world.visible = true;
      tab.page.wakeups.next('visible');
      await jest.advanceTimersByTimeAsync(5_000);
      expect(tab.fake.frames).toHaveLength(2);
      expect(tab.fake.assigned).toEqual([]);
    });

    it('goes on once the tab is visible: first the iframe again, then one top-level prompt=none', async () => {
      browser.world.visible = true;
      tab.page.wakeups.next('visible');
      await jest.advanceTimersByTimeAsync(15_000);
      expect(tab.fake.frames).toHaveLength(3);
      expect(navigations(tab)).toEqual(['none']);
    });
  });

  describe('while the browser is offline (item 2)', () => {
    it('spends no refresh and leaves nothing; back online, one refresh and no new code', async () => {
      const tab = await openAt(ROUTE);
      const { genesys } = browser.world.backend;
      browser.world.online = false;
      await jest.advanceTimersByTimeAsync(10 * 60_000);
      expect([genesys.stats().refreshes, tab.fake.frames.length, tab.fake.assigned]).toEqual([
        0,
        1,
        [],
      ]);
      browser.world.online = true;
      tab.page.wakeups.next('online');
      await jest.advanceTimersByTimeAsync(5_000);
      expect([tab.page.bridge.state, tab.page.messenger.state.auth]).toEqual([
        'authenticated',
        'authenticated',
      ]);
      expect([genesys.stats().refreshes, tab.fake.frames.length]).toEqual([1, 1]);
    });
  });
});
