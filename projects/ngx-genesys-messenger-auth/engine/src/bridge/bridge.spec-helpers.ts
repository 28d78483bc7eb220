/*
 * Test-only: a browser of tabs that share one origin's localStorage, each running the real
 * MessengerAuthBridge beside the Messenger emulator, with an in-memory Genesys and IdP behind them.
 */
import { asyncScheduler, BehaviorSubject, Subject, type SchedulerLike } from 'rxjs';
import { DEFAULT_REFRESH_POLICY, installGenesysSnippet } from 'ngx-genesys-messenger-auth/core';
import {
  InMemoryGenesysBackend,
  MessengerEmulator,
  TEST_DEPLOYMENT,
  type MessengerAuthStatus,
  type MessengerVariants,
} from 'ngx-genesys-messenger-auth/testing';
import type { AuthorizationMode } from '../authorization/authorization-request';
import { AuthorizationStore } from '../authorization/authorization-store';
import type { AuthorizerPort } from '../authorization/authorizer-port';
import { MessengerAuthLogger, type MessengerAuthLogLevel } from 'ngx-genesys-messenger-auth/core';
import { MessengerClient } from '../messenger/messenger-client';
import { PerTabRefreshLock, type RefreshLock } from '../tabs/refresh-lock';
import { TabChannel } from '../tabs/tab-channel';
import type { PortalSessionPort } from './bridge-ports';
import { FakeAuthorizer } from './fake-authorizer.spec-helpers';
import { Origin, type Tab } from './origin.spec-helpers';
import type { MessengerAuthEvent, MessengerAuthState } from 'ngx-genesys-messenger-auth/core';
import { JwtTracker } from './jwt-tracker';
import { MessengerAuthBridge } from './messenger-auth-bridge';

export { FakeAuthorizer, REDIRECT_URI, SUBJECT } from './fake-authorizer.spec-helpers';
export { Origin, Tab } from './origin.spec-helpers';

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
  /** Each tab's refresh lock (default: see `chromium`). */
  readonly refreshLock?: (tab: Tab) => RefreshLock;
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
  private readonly refreshLock?: (tab: Tab) => RefreshLock;

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
    this.refreshLock = options.refreshLock;
  }

  /**
   * Opens a tab: snippet, bridge started, then Messenger booted.
   * @param portal this tab's portal session (default: the world's, shared by every tab)
   * @param authorizer this tab's authorizer (default: the world's stand-in)
   * @param scheduler this tab's timers (default: the global ones; the benchmarks throttle them)
   */
  async open(
    variants: Partial<MessengerVariants> = {},
    portal: PortalSessionPort = this.portal,
    authorizer: AuthorizerPort & { readonly starts: Subject<AuthorizationMode> } = this.authorizer,
    scheduler: SchedulerLike = asyncScheduler,
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
      messenger: new MessengerClient(tab, 30_000, scheduler),
      portal,
      authorizer,
      store: new AuthorizationStore(window.sessionStorage, 'ngma'),
      page: { visible: () => this.visible, online: () => this.online },
      reauthMode: this.reauthMode,
      reauthWindowMs: REAUTH_WINDOW_MS,
      tracker: new JwtTracker(tab.localStorage, deploymentId, () => Date.now()),
      lock: this.refreshLock?.(tab) ?? this.sharedLock ?? new PerTabRefreshLock(),
      channel,
      authorizationStarts: authorizer.starts,
      wakeups,
      now: () => Date.now(),
      scheduler,
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
