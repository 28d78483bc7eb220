/*
 * The browser of the coverage benchmark, on jest's fake timers: tabs of one origin (the bridge's
 * spec world: shared localStorage, the Messenger emulator, the in-memory Genesys and IdP), with a
 * client clock that may be off, hidden tabs whose timers Chrome throttles, and a laptop that sleeps.
 */
import {
  installGenesysSnippet,
  type GenesysAuthCodeResult,
  type GenesysPlugin,
} from 'ngx-genesys-messenger-auth/core';
import {
  MessengerEmulator,
  TEST_DEPLOYMENT,
  type InMemoryGenesysBackend,
  type MessengerAuthStatus,
} from 'ngx-genesys-messenger-auth/testing';
import {
  BridgeWorld,
  REDIRECT_URI,
  SUBJECT,
} from '../../projects/ngx-genesys-messenger-auth/engine/src/bridge/bridge.spec-helpers';
import { PromptTracker } from './prompt-tracker';
import { TabTimers } from './tab-timers';

/** The per-minute limits of Genesys' token calls in every run (their real values are unpublished). */
export const BENCH_RATE_LIMITS = { exchange: 60, refresh: 60 } as const;
/**
 * Each way of a call between the browser and Genesys: Genesys publishes no latencies, so this
 * assumes a 300 ms round trip with the server's own time included.
 */
export const NETWORK_ONE_WAY_MS = 150;
/** The IdP access token's lifetime, so the Genesys JWT's (the field report's five minutes). */
export const JWT_LIFETIME_S = 300;

const travel = () => new Promise((resolve) => setTimeout(resolve, NETWORK_ONE_WAY_MS));

/** A call to Genesys: the request travels, Genesys serves it, the answer travels back. */
async function overNetwork<T>(call: () => Promise<T>): Promise<T> {
  await travel();
  try {
    return await call();
  } finally {
    await travel();
  }
}

/** One open tab, whatever the strategy. */
export interface BenchTab {
  readonly timers: TabTimers;
  readonly prompts: PromptTracker;
  /** Tells the page that the browser woke it (visibilitychange to visible, online). */
  wake(): void;
  /** Closes it (or it navigated away). */
  close(): void;
}

/** What a strategy's page does inside the tab, given Messenger's bus as a plugin. */
export type PageScript = (plugin: GenesysPlugin, tab: BenchTab) => void;

/** Options of a {@link BenchWorld}. */
export interface BenchWorldOptions {
  /** How far the client's clock is ahead of the true time (Genesys' clock), ms. */
  readonly clockSkewMs: number;
  /** Whether tabs share Web Locks and keep per-process copies of localStorage, as in Chromium. */
  readonly chromium: boolean;
}

/** One browser, one IdP, one Genesys. */
export class BenchWorld {
  readonly bridgeWorld: BridgeWorld;
  readonly backend: InMemoryGenesysBackend;
  readonly tabs: BenchTab[] = [];
  /** Refresh calls that reached Genesys (served or refused). */
  refreshCalls = 0;
  /** The laptop's sleeps, in client-clock ms. */
  readonly sleeps: { from: number; to: number }[] = [];
  /** Whether the user's IdP session ended (silent authorization answers login_required). */
  idpEnded = false;
  private hiddenAt: number | null = null;
  private sleptMs = 0;

  constructor(readonly options: BenchWorldOptions) {
    this.bridgeWorld = new BridgeWorld({
      later: (task) => setTimeout(task, 0),
      genesysNow: () => Date.now() - options.clockSkewMs,
      signOutLocally: () => undefined,
      chromium: options.chromium,
    });
    this.backend = this.bridgeWorld.backend;
    this.backend.genesys.tokens.limits.set(BENCH_RATE_LIMITS);
    const { backend } = this;
    const refresh = backend.refresh.bind(backend);
    const exchange = backend.exchangeCode.bind(backend);
    backend.refresh = (refreshToken, deploymentId) =>
      overNetwork(() => {
        this.refreshCalls++;
        return refresh(refreshToken, deploymentId);
      });
    backend.exchangeCode = (parameters) => overNetwork(() => exchange(parameters));
  }

  /** The page's monotonic clock: it stands still while the laptop sleeps. */
  monotonic(): number {
    return Date.now() - this.sleptMs;
  }

  /** New timers for a tab of this browser. */
  newTimers(): TabTimers {
    return new TabTimers({ monotonic: () => this.monotonic(), hiddenSince: () => this.hiddenAt });
  }

  /** Hides every tab (another window in front, the screen locked). */
  hide(): void {
    if (this.hiddenAt !== null) return;
    this.hiddenAt = this.monotonic();
    this.bridgeWorld.visible = false;
    for (const tab of this.tabs) tab.timers.retime();
  }

  /** Shows the tabs again; the browser fires visibilitychange and, after sleep, online. */
  show(): void {
    if (this.hiddenAt === null) return;
    this.hiddenAt = null;
    this.bridgeWorld.visible = true;
    for (const tab of this.tabs) tab.timers.retime();
    for (const tab of this.tabs) tab.wake();
  }

  /** The laptop sleeps for `ms`: no timer runs, then the clocks have jumped. */
  sleep(ms: number): void {
    this.hide();
    for (const tab of this.tabs) tab.timers.suspend();
    const from = Date.now();
    jest.setSystemTime(from + ms);
    this.sleptMs += ms;
    this.sleeps.push({ from, to: from + ms });
    for (const tab of this.tabs) tab.timers.resume();
    this.show();
  }

  /** The user's IdP session ends: refreshes and silent sign-ins fail from now on. */
  endIdpSession(): void {
    this.idpEnded = true;
    this.backend.idp.endSession(SUBJECT);
  }

  /**
   * A code as the page's silent authorization (`prompt=none`) would get it from the IdP; none
   * once the IdP session has ended (login_required).
   */
  silentCode(): GenesysAuthCodeResult | undefined {
    if (this.idpEnded) return undefined;
    const codeVerifier = `verifier-${Math.random().toString(36).slice(2)}`.padEnd(43, '0');
    const authCode = this.backend.idp.issueCode({
      subject: SUBJECT,
      accessTokenLifetime: JWT_LIFETIME_S,
      redirectUri: REDIRECT_URI,
      codeVerifier,
    });
    return { authCode, redirectUri: REDIRECT_URI, codeVerifier };
  }

  /** Opens a tab whose page runs `script` as its AuthProvider, then boots Messenger in it. */
  async openPlainTab(script: PageScript): Promise<BenchTab> {
    const tab = this.bridgeWorld.origin.openTab();
    installGenesysSnippet(tab.asWindow, { environment: 'test', deploymentId: TEST_DEPLOYMENT.id });
    const timers = this.newTimers();
    const prompts = new PromptTracker();
    const messenger = new MessengerEmulator({ window: tab, backend: this.backend });
    const benchTab: BenchTab = {
      timers,
      prompts,
      wake: () => undefined,
      close: () => {
        timers.clearAll();
        messenger.destroy();
        this.bridgeWorld.origin.closeTab(tab);
      },
    };
    tab.Genesys?.('registerPlugin', 'AuthProvider', (plugin) => script(plugin, benchTab));
    this.track(messenger, prompts);
    this.tabs.push(benchTab);
    await messenger.boot();
    return benchTab;
  }

  /** Follows what Messenger's widget shows, for the prompt count. */
  track(messenger: MessengerEmulator, prompts: PromptTracker): void {
    let last: MessengerAuthStatus | undefined;
    messenger.onChange((view) => {
      if (view.auth === last) return;
      last = view.auth;
      prompts.view(view.auth);
    });
  }

  /** Every tab's prompts so far. */
  prompts(): number {
    return this.tabs.reduce((sum, tab) => sum + tab.prompts.settle(), 0);
  }

  /** Every tab's navigations to the login page so far. */
  loginPages(): number {
    return this.tabs.reduce((sum, tab) => sum + tab.prompts.loginPages(), 0);
  }

  /** Closes every tab. */
  closeAll(): void {
    for (const tab of this.tabs.splice(0)) tab.close();
  }
}
