import type { OidcSecurityService } from 'angular-auth-oidc-client';
import type {
  GenesysAuthCodeResult,
  MessengerAuthConfig,
  MessengerAuthError,
  MessengerAuthLogger,
  ResolvedMessengerAuthConfig,
  ɵCapturedRedirect as CapturedRedirect,
} from 'ngx-genesys-messenger-auth/core';
import { firstValueFrom, Subject, type SchedulerLike } from 'rxjs';
import type { AuthorizationMode } from './authorization/authorization-request';
import { AuthorizationStore } from './authorization/authorization-store';
import { MessengerAuthorizer } from './authorization/messenger-authorizer';
import { JwtTracker } from './bridge/jwt-tracker';
import { MessengerAuthBridge } from './bridge/messenger-auth-bridge';
import { MessengerClient } from './messenger/messenger-client';
import { OidcPortalSession } from './oidc/oidc-portal-session';
import { pageWakeups } from './refresh/page-wakeups';
import { createRefreshLock } from './tabs/refresh-lock';
import { TabChannel } from './tabs/tab-channel';

/** Longest wait for a Messenger command (Messenger itself never times a command out). */
const COMMAND_TIMEOUT_MS = 30_000;

/** What the main entry's `MessengerAuth` hands the engine once it has loaded. */
export interface MessengerAuthEngineContext {
  readonly win: Window;
  /** The configuration as written in `provideMessengerAuth(config)`. */
  readonly setup: Partial<MessengerAuthConfig>;
  /** The configuration the bridge runs with (validated; from the profile with `withRemoteProfile`). */
  readonly config: ResolvedMessengerAuthConfig;
  /** The portal's `OidcSecurityService` (the Messenger-aware one). */
  readonly oidc: OidcSecurityService;
  /** Where the bridge keeps its authorization attempts in sessionStorage. */
  readonly namespace: string;
  /** Where full-page authorization answers come back: the one the start-up capture looked for. */
  readonly redirectUri: string;
  /** The static page hidden-iframe authorization comes back to. */
  readonly silentCallbackPath: string;
  /** The answer the start-up capture took out of the address, if any (not yet checked). */
  readonly captured: CapturedRedirect | MessengerAuthError | undefined;
  /** Adds the deployment snippet (`withMessengerSnippet()`), or null when the page has its own. */
  readonly installSnippet: ((win: Window, config: ResolvedMessengerAuthConfig) => void) | null;
  readonly now: () => number;
  readonly scheduler: SchedulerLike;
  readonly logger: MessengerAuthLogger;
}

/** The bridge with what it runs on, built by {@link createMessengerAuthEngine}. */
export interface MessengerAuthEngine {
  readonly bridge: MessengerAuthBridge;
  /**
   * Starts the bridge (after the app's initializers): adds the snippet first when asked to and
   * Messenger may show (the portal is signed in, or `signedOut` is not `none`).
   * @param alive whether the app still runs (nothing starts after its injector is destroyed)
   */
  start(alive: () => boolean): Promise<void>;
}

/**
 * Builds the bridge once the configuration is known and hands it the start-up capture's answer,
 * checked (issuer, state, PKCE verifier, age) by the authorizer.
 * @param ctx what the main entry knows
 */
export function createMessengerAuthEngine(ctx: MessengerAuthEngineContext): MessengerAuthEngine {
  const { win, config } = ctx;
  const doc = win.document;
  const portal = new OidcPortalSession(ctx.oidc, ctx.setup, config);
  const store = new AuthorizationStore(win.sessionStorage, ctx.namespace);
  const authorizationStarts = new Subject<AuthorizationMode>();
  const authorizer = new MessengerAuthorizer({
    win,
    store,
    now: ctx.now,
    settings: () => portal.settings(),
    redirectUri: ctx.redirectUri,
    silentRedirectUri: win.location.origin + ctx.silentCallbackPath,
    silentTimeoutMs: config.silentAuthorizationTimeoutMs,
    reauthWindowMs: config.reauthWindowMs,
    onStart: (mode) => authorizationStarts.next(mode),
  });
  const bridge = new MessengerAuthBridge({
    deploymentId: config.deploymentId,
    policy: config.refresh,
    messenger: new MessengerClient(win, COMMAND_TIMEOUT_MS, ctx.scheduler),
    portal,
    authorizer,
    store,
    page: {
      visible: () => doc.visibilityState === 'visible',
      online: () => win.navigator.onLine,
    },
    reauthMode: config.reauthMode,
    reauthWindowMs: config.reauthWindowMs,
    tracker: new JwtTracker(win.localStorage, config.deploymentId, ctx.now),
    lock: createRefreshLock(),
    channel: new TabChannel(`ngma:${config.deploymentId}`),
    authorizationStarts,
    wakeups: pageWakeups(doc, win),
    now: ctx.now,
    scheduler: ctx.scheduler,
    random: Math.random,
    logger: ctx.logger,
  });
  const answer: Promise<GenesysAuthCodeResult | MessengerAuthError | undefined> =
    authorizer.checkRedirect(ctx.captured);
  return {
    bridge,
    async start(alive) {
      bridge.adoptRedirectAnswer(await answer);
      if (ctx.installSnippet) {
        const signedIn = await firstValueFrom(portal.signedIn$);
        if (!alive() || (!signedIn && config.signedOut === 'none')) return;
        ctx.installSnippet(win, config);
      }
      if (alive()) bridge.start();
    },
  };
}
