/*
 * Faults of issue 12 §4 that the coverage benchmark does not play: each test checks what the user
 * meets and records its row of the fault matrix (bench/fault-matrix; `npm run bench -- faults`).
 */
import { TEST_DEPLOYMENT } from 'ngx-genesys-messenger-auth/testing';
import { FaultWatch } from '../../../../../bench/fault-matrix/bridge-fault-watch';
import { BrowserLocks } from './browser-locks.spec-helpers';
import { BridgeWorld, type Page } from './bridge.spec-helpers';
import { MessengerAuthBridge } from './messenger-auth-bridge';

const START = Date.parse('2026-11-26T09:00:00Z');
const MINUTE = 60_000;
const CYCLE_MS = 240_000;
const JWT_LIFETIME_MS = 300_000;

const settle = () => jest.advanceTimersByTimeAsync(0);
const both = (page: Page) => [page.bridge.state, page.messenger.state.auth];

describe(`${MessengerAuthBridge.name} under the faults of the fault matrix`, () => {
  let world: BridgeWorld;

  /** A new browser (closing the last one). */
  function newWorld(options: Partial<ConstructorParameters<typeof BridgeWorld>[0]> = {}): void {
    world?.closeAll();
    window.localStorage.clear();
    world = new BridgeWorld({
      later: (task) => setTimeout(task, 0),
      signOutLocally: jest.fn(),
      ...options,
    });
  }

  beforeEach(() => {
    jest.useFakeTimers({ now: START });
    newWorld();
  });

  afterEach(() => {
    world.closeAll();
    jest.useRealTimers();
  });

  it('gets a new code silently after Genesys revoked the refresh token: no prompt, no loop', async () => {
    const [page, watch] = await signedInAMinuteAgo();
    await world.backend.genesys.tokens.revoke(`bearer ${page.messenger.tokens.jwt}`);
    await jest.advanceTimersByTimeAsync(4 * CYCLE_MS);
    const observed = watch.observed();
    expect(both(page)).toEqual(['authenticated', 'authenticated']);
    expect(world.backend.genesys.stats().sessions).toHaveLength(2);
    expect([observed.prompts, observed.loops]).toEqual([0, 0]);
    // Nothing tells the page about the revocation: the gap lasts until its next refresh is due.
    expect(observed.longestGapS).toBeLessThanOrEqual((CYCLE_MS - MINUTE) / 1000 + 1);
    watch.record('genesys-refresh-revoked', observed);
  });

  it('renews within a round trip of a restore from the bfcache 20 min later, silently', async () => {
    const [page, watch] = await signedInAMinuteAgo();
    // Frozen in the bfcache: no timer runs; the page comes back with a pageshow.
    const frozenAt = Date.now();
    jest.setSystemTime(frozenAt + 20 * MINUTE);
    watch.exclude(frozenAt, Date.now());
    page.wakeups.next('pageshow');
    await jest.advanceTimersByTimeAsync(5_000);
    const observed = watch.observed();
    expect(both(page)).toEqual(['authenticated', 'authenticated']);
    expect(world.backend.genesys.stats().refreshes).toBe(1);
    expect(observed).toEqual({ ...observed, longestGapS: 0, prompts: 0, loops: 0 });
    watch.record('bfcache-restore', observed);
  });

  it('after 10 min offline, refreshes once on the online event, without a prompt or a login page', async () => {
    const [page, watch] = await signedInAMinuteAgo();
    goOffline();
    await jest.advanceTimersByTimeAsync(10 * MINUTE);
    world.online = true;
    page.wakeups.next('online');
    await jest.advanceTimersByTimeAsync(MINUTE);
    const observed = watch.observed();
    expect(both(page)).toEqual(['authenticated', 'authenticated']);
    expect(world.authorizer.interactiveCalls).toBe(0);
    // No refresh is spent without a network, so Messenger keeps its tokens: nothing to prompt.
    expect([observed.prompts, observed.loops, observed.pageUnloads]).toEqual([0, 0, 0]);
    expect(world.backend.genesys.stats().refreshes).toBe(1);
    // The JWT ran out 4 min into the 10 offline; Messenger is signed in again with the online event.
    expect(observed.longestGapS).toBeLessThanOrEqual((11 * MINUTE - JWT_LIFETIME_MS) / 1000 + 1);
    watch.record('offline-10m', observed);
  });

  it('lets another tab refresh when the tab holding the refresh lock is closed mid-refresh', async () => {
    const locks = new BrowserLocks();
    newWorld({ refreshLock: (tab) => locks.forTab(tab) });
    const tabs: Page[] = [];
    for (let i = 0; i < 3; i++) {
      tabs.push(await world.open());
      await settle();
    }
    const watch = new FaultWatch(world);
    // The holder's refresh call never comes back while the test looks.
    world.backend.genesys.faults.add({ endpoint: 'refresh', delayMs: 24 * 60 * MINUTE, count: 1 });
    await jest.advanceTimersByTimeAsync(CYCLE_MS + 5_000);
    const holderTab = locks.holder(`ngma-refresh:${TEST_DEPLOYMENT.id}`);
    const holder = tabs.find((page) => page.tab === holderTab) as Page;
    expect(holder).toBeDefined();
    const closedAt = Date.now();
    world.pages.splice(world.pages.indexOf(holder), 1);
    holder.close();
    locks.closeTab(holder.tab);
    await jest.advanceTimersByTimeAsync(3 * CYCLE_MS);
    const observed = watch.observed();
    for (const page of tabs.filter((p) => p !== holder)) {
      expect(both(page)).toEqual(['authenticated', 'authenticated']);
    }
    expect(world.backend.genesys.stats().refreshes).toBeGreaterThanOrEqual(3);
    // At once: not after Messenger's 30 s command timeout ends the closed tab's task.
    const refreshed = world.allEvents().filter((e) => e.type === 'refreshed' && e.at >= closedAt);
    expect(refreshed[0]?.at).toBeLessThan(closedAt + 1_000);
    expect(observed).toEqual({ ...observed, longestGapS: 0, prompts: 0, loops: 0 });
    watch.record('lock-holder-closed', observed);
  });

  /** One tab, signed in a minute ago, watched for the fault matrix since sign-in. */
  async function signedInAMinuteAgo(): Promise<[Page, FaultWatch]> {
    const page = await world.open();
    await settle();
    const watch = new FaultWatch(world);
    await jest.advanceTimersByTimeAsync(MINUTE);
    return [page, watch];
  }

  /** The browser goes offline: every call to Genesys fails as fetch does without a network. */
  function goOffline(): void {
    world.online = false;
    const { backend } = world;
    for (const method of ['refresh', 'exchangeCode', 'deploymentConfig', 'sendMessage'] as const) {
      const online = backend[method].bind(backend) as (...args: unknown[]) => Promise<unknown>;
      Object.assign(backend, {
        [method]: (...args: unknown[]) =>
          world.online ? online(...args) : Promise.reject(new TypeError('Failed to fetch')),
      });
    }
  }
});
