/*
 * Test-only: a browser of tabs that share one origin's localStorage, each running the real
 * MessengerAuthBridge beside the Messenger emulator, with an in-memory Genesys and IdP behind them.
 * Free of jest globals on purpose: the library's own tsconfig type-checks every file under src/.
 */
import { asyncScheduler, BehaviorSubject, Subject } from 'rxjs';
import {
  DEFAULT_REFRESH_POLICY,
  installGenesysSnippet,
  MessengerAuthError,
  MessengerAuthErrorCode,
  type GenesysAuthCodeResult,
  type GenesysGlobal,
} from 'ngx-genesys-messenger-auth/core';
import {
  InMemoryGenesysBackend,
  MessengerEmulator,
  TEST_DEPLOYMENT,
  type EmulatorWindow,
  type MessengerAuthStatus,
  type MessengerVariants,
} from 'ngx-genesys-messenger-auth/testing';
import type { AuthorizationMode } from '../authorization/authorization-request';
import { AuthorizationStore } from '../authorization/authorization-store';
import type { AuthorizerPort, SilentOutcome } from '../authorization/authorizer-port';
import { MessengerAuthLogger, type MessengerAuthLogLevel } from '../logging/messenger-auth-logger';
import { MessengerClient } from '../messenger/messenger-client';
import { PerTabRefreshLock } from '../tabs/refresh-lock';
import { TabChannel } from '../tabs/tab-channel';
import type { PortalSessionPort } from './bridge-ports';
import type { MessengerAuthEvent, MessengerAuthState } from './bridge-state';
import { JwtTracker } from './jwt-tracker';
import { MessengerAuthBridge } from './messenger-auth-bridge';

/** Where Messenger's authorization requests come back to. */
export const REDIRECT_URI = 'http://localhost:4200/messenger/callback';
/** The IdP user of every scenario. */
export const SUBJECT = 'alice';

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/**
 * One tab's view of the origin's localStorage: writes reach the other tabs as `storage` events.
 * With its own `copy`, the tab reads that copy, which other tabs' writes reach only with their
 * `storage` event — as in Chromium, where each renderer process keeps a copy of localStorage.
 */
class TabStorage {
  constructor(
    private readonly backing: Storage,
    private readonly changed: (key: string, oldValue: string | null, value: string | null) => void,
    readonly copy?: Map<string, string>,
  ) {}

  get length(): number {
    return this.copy ? this.copy.size : this.backing.length;
  }

  key(index: number): string | null {
    return this.copy ? ([...this.copy.keys()][index] ?? null) : this.backing.key(index);
  }

  getItem(key: string): string | null {
    return this.copy ? (this.copy.get(key) ?? null) : this.backing.getItem(key);
  }

  setItem(key: string, value: string): void {
    const old = this.getItem(key);
    this.backing.setItem(key, value);
    this.copy?.set(key, value);
    if (old !== value) this.changed(key, old, value);
  }

  removeItem(key: string): void {
    const old = this.getItem(key);
    this.backing.removeItem(key);
    this.copy?.delete(key);
    if (old !== null) this.changed(key, old, null);
  }

  clear(): void {
    throw new Error('TabStorage.clear is not used by the code under test');
  }
}

function copyOf(storage: Storage): Map<string, string> {
  const copy = new Map<string, string>();
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) copy.set(key, storage.getItem(key) ?? '');
  }
  return copy;
}

/** A browser tab: its own window object and `Genesys`, the origin's shared localStorage. */
export class Tab extends EventTarget implements EmulatorWindow {
  Genesys?: GenesysGlobal;
  readonly localStorage: Storage;
  /** This tab's copy of localStorage, when it keeps one. */
  readonly storageCopy?: Map<string, string>;

  constructor(
    backing: Storage,
    changed: (tab: Tab, event: StorageEventInit) => void,
    ownCopy: boolean,
  ) {
    super();
    this.storageCopy = ownCopy ? copyOf(backing) : undefined;
    this.localStorage = new TabStorage(
      backing,
      (key, oldValue, newValue) => changed(this, { key, oldValue, newValue }),
      this.storageCopy,
    ) as unknown as Storage;
  }

  /** This tab as the `Window` the library's classes take. */
  get asWindow(): Window {
    return this as unknown as Window;
  }
}

/**
 * Tabs of one origin. Browsers fire `storage` in every other same-origin document a task after a
 * write; jsdom cannot do that between these fake tabs, so this does. With `copies`, each tab reads
 * its own copy of localStorage, brought up to date by those events.
 */
export class Origin {
  private readonly tabs = new Set<Tab>();

  constructor(
    private readonly backing: Storage,
    private readonly later: (task: () => void) => void,
    private readonly copies = false,
    private readonly copyLagMs = 0,
  ) {}

  openTab(): Tab {
    const tab = new Tab(this.backing, (writer, init) => this.broadcast(writer, init), this.copies);
    this.tabs.add(tab);
    return tab;
  }

  closeTab(tab: Tab): void {
    this.tabs.delete(tab);
  }

  private broadcast(writer: Tab, init: StorageEventInit): void {
    for (const tab of this.tabs) {
      if (tab === writer) continue;
      const event = new StorageEvent('storage', init);
      // jsdom only accepts its own Storage objects in the init dictionary.
      Object.defineProperty(event, 'storageArea', { value: tab.localStorage });
      const apply = () => {
        const { key, newValue } = init;
        if (tab.storageCopy && key) {
          if (newValue === null || newValue === undefined) tab.storageCopy.delete(key);
          else tab.storageCopy.set(key, newValue);
        }
        tab.dispatchEvent(event);
      };
      // Messages on the tab channel overtake other writes when copies lag (BroadcastChannel and
      // storage travel separately in Chromium).
      if (this.copyLagMs && !init.key?.endsWith(':msg'))
        setTimeout(() => this.later(apply), this.copyLagMs);
      else this.later(apply);
    }
  }
}

/**
 * Messenger's authorization requests, faked at the port: silent attempts issue real single-use
 * codes at the in-memory IdP (or answer `interaction-required`); interactive logins are counted.
 */
export class FakeAuthorizer implements AuthorizerPort {
  /** What silent attempts answer. */
  silentAnswer: 'code' | 'interaction-required' | 'no-answer' = 'code';
  /**
   * What a top-level `prompt=none` does: leave the page, or nothing because the window's one
   * attempt is spent (the default: it came back with login_required).
   */
  silentRedirectAnswer: 'navigating' | 'already-tried' = 'already-tried';
  /** Whether interactive() refuses as the loop guard does (a login happened within the window). */
  refuseInteractive = false;
  /** Whether the next page load is the answer of a full-page redirect (with a code). */
  redirectAnswer = false;
  /** Every code issued, in order. */
  readonly codes: string[] = [];
  /** Every code, verifier and nonce issued: what must never show in events or logs. */
  readonly secrets: string[] = [];
  silentCalls = 0;
  silentRedirectCalls = 0;
  interactiveCalls = 0;
  /** The attempts started, as the real authorizer reports them through `onStart`. */
  readonly starts = new Subject<AuthorizationMode>();

  constructor(
    private readonly backend: InMemoryGenesysBackend,
    private readonly lifetimeS = 300,
  ) {}

  async captureRedirect(): Promise<GenesysAuthCodeResult | undefined> {
    if (!this.redirectAnswer) return undefined;
    this.redirectAnswer = false;
    return this.issue();
  }

  async silent(): Promise<SilentOutcome> {
    this.silentCalls++;
    this.starts.next('silent-iframe');
    if (this.silentAnswer !== 'code') return { kind: this.silentAnswer };
    return { kind: 'code', code: this.issue() };
  }

  async silentRedirect(): Promise<'navigating' | 'already-tried'> {
    this.silentRedirectCalls++;
    if (this.silentRedirectAnswer === 'navigating') this.starts.next('silent-redirect');
    return this.silentRedirectAnswer;
  }

  async interactive(): Promise<'navigating'> {
    this.interactiveCalls++;
    if (this.refuseInteractive) {
      throw new MessengerAuthError(
        MessengerAuthErrorCode.LOGIN_LOOP_PREVENTED,
        'a login for Messenger already happened within the window',
      );
    }
    this.starts.next('interactive');
    return 'navigating';
  }

  private issue(): GenesysAuthCodeResult {
    const codeVerifier = randomHex(24);
    const nonce = randomHex(12);
    const authCode = this.backend.idp.issueCode({
      subject: SUBJECT,
      accessTokenLifetime: this.lifetimeS,
      redirectUri: REDIRECT_URI,
      codeVerifier,
    });
    this.codes.push(authCode);
    this.secrets.push(authCode, codeVerifier, nonce);
    return { authCode, redirectUri: REDIRECT_URI, codeVerifier, nonce };
  }
}

/** A logger that keeps what it was told (to search it for secrets). */
export class RecordingLogger extends MessengerAuthLogger {
  readonly entries: unknown[] = [];

  override log(
    level: MessengerAuthLogLevel,
    message: string,
    details?: Record<string, unknown>,
  ): void {
    this.entries.push({ level, message, details });
  }
}

/** One page: the bridge and Messenger in a tab, with everything they did recorded. */
export interface Page {
  readonly tab: Tab;
  readonly bridge: MessengerAuthBridge;
  readonly messenger: MessengerEmulator;
  readonly channel: TabChannel;
  readonly wakeups: Subject<string>;
  readonly events: MessengerAuthEvent[];
  readonly states: MessengerAuthState[];
  /** Every status Messenger's widget showed. */
  readonly views: MessengerAuthStatus[];
  /** The latest `nextRefreshAt$`. */
  readonly nextRefreshAt: () => number | null;
  /** Closes the tab: stops the bridge and Messenger. */
  close(): void;
}

/** Options of a {@link BridgeWorld}. */
export interface BridgeWorldOptions {
  /** Runs a task a macrotask later (under fake timers: `setTimeout(task, 0)`). */
  readonly later: (task: () => void) => void;
  /** Genesys' clock (default `Date.now`). */
  readonly genesysNow?: () => number;
  /** The portal port's `signOutLocally` (a spy). */
  readonly signOutLocally: () => void;
  /**
   * How the tabs share things, as in Chromium with Web Locks: one refresh lock for every tab, and
   * a copy of localStorage per tab that other tabs' writes reach a task later. By default each tab
   * has its own lock (the fallback without Web Locks) and reads storage directly.
   */
  readonly chromium?: boolean;
  /** With `chromium`: how much later than tab-channel messages other tabs' copies catch up (ms). */
  readonly copyLagMs?: number;
  /** What the bridge may do when the IdP needs the user (default: show a login page). */
  readonly reauthMode?: 'silent-then-interactive' | 'silent-only';
}

/** The re-authentication window of every scenario. */
export const REAUTH_WINDOW_MS = 120_000;

/** One browser, one IdP, one Genesys: the world a bridge scenario runs in. */
export class BridgeWorld {
  readonly backend: InMemoryGenesysBackend;
  readonly authorizer: FakeAuthorizer;
  readonly signedIn = new BehaviorSubject<boolean>(true);
  readonly portal: PortalSessionPort;
  readonly logger = new RecordingLogger();
  readonly origin: Origin;
  readonly pages: Page[] = [];
  /** The one lock of every tab, standing in for Web Locks (see {@link BridgeWorldOptions}). */
  readonly sharedLock?: PerTabRefreshLock;
  /** Whether the tabs are visible (all at once). */
  visible = true;
  /** Whether the browser is online. */
  online = true;
  private readonly reauthMode: 'silent-then-interactive' | 'silent-only';

  constructor(options: BridgeWorldOptions) {
    // A new browser: the tabs' guards (sessionStorage) start empty.
    window.sessionStorage.clear();
    this.backend = new InMemoryGenesysBackend({ now: options.genesysNow });
    this.authorizer = new FakeAuthorizer(this.backend);
    this.portal = { signedIn$: this.signedIn, signOutLocally: options.signOutLocally };
    this.origin = new Origin(
      window.localStorage,
      options.later,
      options.chromium,
      options.copyLagMs,
    );
    this.sharedLock = options.chromium ? new PerTabRefreshLock() : undefined;
    this.reauthMode = options.reauthMode ?? 'silent-then-interactive';
  }

  /**
   * Opens a tab: snippet, bridge started, then Messenger booted.
   * @param portal this tab's portal session (default: the world's, shared by every tab)
   * @param authorizer this tab's authorizer (default: the world's stand-in)
   */
  async open(
    variants: Partial<MessengerVariants> = {},
    portal: PortalSessionPort = this.portal,
    authorizer: AuthorizerPort & { readonly starts: Subject<AuthorizationMode> } = this.authorizer,
  ): Promise<Page> {
    const tab = this.origin.openTab();
    const deploymentId = TEST_DEPLOYMENT.id;
    installGenesysSnippet(tab.asWindow, { environment: 'test', deploymentId });
    const channel = new TabChannel(`ngma:${deploymentId}`, {
      BroadcastChannel: null,
      storage: tab.localStorage,
      window: tab.asWindow,
    });
    const wakeups = new Subject<string>();
    const bridge = new MessengerAuthBridge({
      deploymentId,
      policy: DEFAULT_REFRESH_POLICY,
      messenger: new MessengerClient(tab, 30_000),
      portal,
      authorizer,
      store: new AuthorizationStore(window.sessionStorage, 'ngma'),
      page: { visible: () => this.visible, online: () => this.online },
      reauthMode: this.reauthMode,
      reauthWindowMs: REAUTH_WINDOW_MS,
      tracker: new JwtTracker(tab.localStorage, deploymentId, () => Date.now()),
      lock: this.sharedLock ?? new PerTabRefreshLock(),
      channel,
      authorizationStarts: authorizer.starts,
      wakeups,
      now: () => Date.now(),
      scheduler: asyncScheduler,
      random: () => 0.5,
      logger: this.logger,
    });
    const events: MessengerAuthEvent[] = [];
    const states: MessengerAuthState[] = [];
    let nextRefreshAt: number | null = null;
    bridge.events$.subscribe((event) => events.push(event));
    bridge.state$.subscribe((state) => states.push(state));
    bridge.nextRefreshAt$.subscribe((at) => (nextRefreshAt = at));
    // As the Angular layer does: read a redirect's answer first, then start.
    await bridge.captureRedirect();
    bridge.start();
    const messenger = new MessengerEmulator({ window: tab, backend: this.backend, variants });
    const views: MessengerAuthStatus[] = [];
    messenger.onChange((view) => {
      if (views.at(-1) !== view.auth) views.push(view.auth);
    });
    await messenger.boot();
    const page: Page = {
      tab,
      bridge,
      messenger,
      channel,
      wakeups,
      events,
      states,
      views,
      nextRefreshAt: () => nextRefreshAt,
      close: () => {
        bridge.stop();
        channel.close();
        messenger.destroy();
        this.origin.closeTab(tab);
      },
    };
    this.pages.push(page);
    return page;
  }

  /** Every event of every page. */
  allEvents(): MessengerAuthEvent[] {
    return this.pages.flatMap((page) => page.events);
  }

  /** Closes every page. */
  closeAll(): void {
    for (const page of this.pages.splice(0)) page.close();
  }
}

/** The events of one type. */
export function ofType<T extends MessengerAuthEvent['type']>(
  events: readonly MessengerAuthEvent[],
  type: T,
): Extract<MessengerAuthEvent, { type: T }>[] {
  return events.filter((e): e is Extract<MessengerAuthEvent, { type: T }> => e.type === type);
}
