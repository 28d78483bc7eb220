/*
 * The ways a portal keeps Messenger signed in, compared by the coverage benchmark. The bridge is
 * the library's real MessengerAuthBridge; the others are small, honest versions of what teams
 * write, each an AuthProvider plugin on the emulator's Messenger API.
 */
import { readJwtTimes, type GenesysPlugin } from 'ngx-genesys-messenger-auth/core';
import { FakeAuthorizer } from '../../projects/ngx-genesys-messenger-auth/engine/src/bridge/bridge.spec-helpers';
import type { BenchTab, BenchWorld } from './bench-world';
import { PromptTracker } from './prompt-tracker';

/** How long a full-page login round trip through the IdP takes when its session is alive. */
export const RELOGIN_MS = 2000;
/** angular-auth-oidc-client's token check interval (`tokenRefreshInSeconds` default 4). */
export const POLL_INTERVAL_MS = 4000;
/** The field report's fix: refresh this long before `exp`. */
export const FIELD_FIX_LEAD_MS = 100;

/** One way of keeping Messenger signed in. */
export interface Strategy {
  readonly id: string;
  readonly label: string;
  /** Where it comes from, for the report. */
  readonly source: string;
  /** Opens one tab of the portal with this strategy in it. */
  open(world: BenchWorld): Promise<BenchTab>;
}

const swallow = () => undefined;

/**
 * The code hand-over of the Okta blueprint (GenesysCloudBlueprints/messenger-authentication-okta-
 * integration-blueprint): `getAuthCode` resolves the code the page got from its sign-in redirect;
 * `reAuthenticate` starts the page's own login again — a full-page redirect to the IdP, which
 * comes back with a new code when the IdP session is alive and leaves the user on its login form
 * when it is not. Nothing is refreshed ahead of time. (The blueprint's `signedIn` published on page
 * load is left out: it costs every blueprint-based strategy the same extra prompt at sign-in.)
 */
function blueprintProvider(world: BenchWorld, plugin: GenesysPlugin, tab: BenchTab): void {
  let latest = world.silentCode();
  plugin.registerCommand('getAuthCode', (e) =>
    latest ? e.resolve(latest) : e.reject(new Error('login_required')),
  );
  plugin.registerCommand('reAuthenticate', (e) => {
    tab.prompts.loginPage();
    setTimeout(() => {
      latest = world.silentCode();
      // The page reloads with the new code and Messenger asks for it; without an IdP session
      // the user stays on the login form (this run does not sign in again).
      if (latest) e.resolve();
    }, RELOGIN_MS);
  });
  plugin.ready();
}

/** The JWT expiry (ms, Genesys' scale) of each `Auth.authenticated` this tab hears. */
function onJwt(plugin: GenesysPlugin, next: (expMs: number | undefined) => void): void {
  plugin.subscribe<{ jwt?: string }>('Auth.authenticated', (e) => {
    const times = e.data?.jwt ? readJwtTimes(e.data.jwt) : undefined;
    next(times ? times.exp * 1000 : undefined);
  });
  plugin.subscribe('Auth.loggedOut', () => next(undefined));
}

const messengerAlone: Strategy = {
  id: 'messenger-alone',
  label: 'Messenger alone',
  source:
    "the emulator's default (GENESYS-CONTRACT.md §3): no refresh ahead of expiry; the page hands " +
    'over its sign-in code and has no login logic of its own for reAuthenticate',
  open: (world) =>
    world.openPlainTab((plugin) => {
      const code = world.silentCode();
      plugin.registerCommand('getAuthCode', (e) =>
        code ? e.resolve(code) : e.reject(new Error('login_required')),
      );
      // Never settles: Messenger keeps showing Re-authenticate until the user acts.
      plugin.registerCommand('reAuthenticate', swallow);
      plugin.ready();
    }),
};

const oktaBlueprint: Strategy = {
  id: 'okta-blueprint',
  label: 'Okta blueprint',
  source:
    'messenger-authentication-okta-integration-blueprint: code hand-over on getAuthCode, a login ' +
    'redirect on reAuthenticate, nothing proactive',
  open: (world) => world.openPlainTab((plugin, tab) => blueprintProvider(world, plugin, tab)),
};

const fieldFix: Strategy = {
  id: 'field-fix',
  label: 'setTimeout(exp − 100 ms)',
  source:
    'the field report (Genesys community, June 2025): after each Auth.authenticated, ' +
    'setTimeout to 100 ms before exp, then Auth.refreshToken; on the blueprint hand-over',
  open: (world) =>
    world.openPlainTab((plugin, tab) => {
      blueprintProvider(world, plugin, tab);
      let timer: number | undefined;
      onJwt(plugin, (expMs) => {
        tab.timers.clear(timer);
        if (expMs === undefined) return;
        const refresh = () => void plugin.command('Auth.refreshToken').catch(swallow);
        timer = tab.timers.setTimeout(refresh, expMs - FIELD_FIX_LEAD_MS - Date.now());
      });
    }),
};

const poll: Strategy = {
  id: 'poll-4s',
  label: 'poll every 4 s, lead 0',
  source:
    "angular-auth-oidc-client's defaults applied to this JWT: every 4 s, refresh when " +
    'exp − 0 ≤ now; no guard against a refresh in flight (its switchMap, DESIGN.md)',
  open: (world) =>
    world.openPlainTab((plugin, tab) => {
      blueprintProvider(world, plugin, tab);
      let expMs: number | undefined;
      onJwt(plugin, (next) => (expMs = next));
      const check = () => {
        if (expMs !== undefined && expMs <= Date.now()) {
          void plugin.command('Auth.refreshToken').catch(swallow);
        }
      };
      // The check's phase against sign-in is a matter of luck; half an interval is its mean.
      tab.timers.setTimeout(
        () => tab.timers.setInterval(check, POLL_INTERVAL_MS),
        POLL_INTERVAL_MS / 2,
      );
    }),
};

/** The bridge's authorizer in this browser: silent sign-in fails once the IdP session ended. */
class WorldAuthorizer extends FakeAuthorizer {
  constructor(
    private readonly world: BenchWorld,
    private readonly onLoginPage: () => void,
  ) {
    super(world.backend);
  }

  override async silent() {
    this.silentAnswer = this.world.idpEnded ? 'interaction-required' : 'code';
    return super.silent();
  }

  override async interactive(): Promise<'navigating'> {
    const answer = await super.interactive();
    this.onLoginPage();
    return answer;
  }
}

const bridge: Strategy = {
  id: 'bridge',
  label: 'the bridge',
  source: "ngx-genesys-messenger-auth's MessengerAuthBridge with its default refresh policy",
  async open(world) {
    const timers = world.newTimers();
    const prompts = new PromptTracker();
    let close: () => void = swallow;
    const authorizer = new WorldAuthorizer(world, () => {
      prompts.loginPage();
      // The tab left for the IdP's login form; this run's user does not sign in again.
      setTimeout(() => close(), 0);
    });
    const { bridgeWorld } = world;
    const page = await bridgeWorld.open({}, bridgeWorld.portal, authorizer, timers.scheduler);
    world.track(page.messenger, prompts);
    const tab: BenchTab = {
      timers,
      prompts,
      wake: () => {
        page.wakeups.next('visible');
        page.wakeups.next('online');
      },
      close: () => {
        timers.clearAll();
        page.close();
      },
    };
    close = () => tab.close();
    world.tabs.push(tab);
    return tab;
  },
};

/** Every strategy, in the order of the report. */
export const STRATEGIES: readonly Strategy[] = [messengerAlone, oktaBlueprint, fieldFix, poll, bridge];
