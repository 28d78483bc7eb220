import { inject, InjectionToken } from '@angular/core';
import { asyncScheduler, type SchedulerLike } from 'rxjs';
import type {
  MessengerAuthConfig,
  ResolvedMessengerAuthConfig,
} from 'ngx-genesys-messenger-auth/core/startup';

/** @internal The configuration as written in `provideMessengerAuth(config)`, before validation. */
export const MESSENGER_AUTH_SETUP = new InjectionToken<Partial<MessengerAuthConfig>>(
  ngDevMode ? 'MESSENGER_AUTH_SETUP' : '',
);

/**
 * The configuration the bridge runs with, once known: checked, with every default applied. It
 * resolves once the bridge's engine has loaded (which checks it) and, with `withRemoteProfile`,
 * the profile too; it rejects with the `MessengerAuthError` that kept the bridge off (`NGMA4101`
 * naming the field of an invalid configuration, `NGMA4180`/`NGMA4181` for the profile).
 */
export const MESSENGER_AUTH_CONFIG_SOURCE = new InjectionToken<
  Promise<ResolvedMessengerAuthConfig>
>(ngDevMode ? 'MESSENGER_AUTH_CONFIG_SOURCE' : '');

/** The clock the bridge reads (ms since the epoch); tests replace it. */
export const MESSENGER_AUTH_CLOCK = new InjectionToken<() => number>(
  ngDevMode ? 'MESSENGER_AUTH_CLOCK' : '',
  {
    providedIn: 'root',
    factory: () => () => Date.now(),
  },
);

/** The RxJS scheduler of the bridge's timers; tests replace it. */
export const MESSENGER_AUTH_SCHEDULER = new InjectionToken<SchedulerLike>(
  ngDevMode ? 'MESSENGER_AUTH_SCHEDULER' : '',
  {
    providedIn: 'root',
    factory: () => asyncScheduler,
  },
);

/**
 * How the bridge adds the Messenger deployment snippet itself (`withMessengerSnippet`), or `null`
 * when the page has its own. A function rather than a flag, so that the installer is in a portal's
 * bundle only when the portal calls `withMessengerSnippet()`.
 */
export const MESSENGER_AUTH_INSTALLS_SNIPPET = new InjectionToken<
  ((win: Window, config: ResolvedMessengerAuthConfig) => void) | null
>(ngDevMode ? 'MESSENGER_AUTH_INSTALLS_SNIPPET' : '', { providedIn: 'root', factory: () => null });

/** @internal The engine's entry point, loaded on demand (its own chunk in a portal's build). */
export type MessengerAuthEngineModule = typeof import('ngx-genesys-messenger-auth/engine');

/**
 * @internal Loads the engine: a dynamic import, so that bundlers keep it out of the initial
 * JavaScript. Tests replace it to hold the load back.
 */
export const MESSENGER_AUTH_ENGINE = new InjectionToken<() => Promise<MessengerAuthEngineModule>>(
  ngDevMode ? 'MESSENGER_AUTH_ENGINE' : '',
  { providedIn: 'root', factory: () => () => import('ngx-genesys-messenger-auth/engine') },
);

/**
 * @internal The engine, loaded once per injector: the configuration check, the remote profile and
 * `MessengerAuth` all wait for this one load (and fail together when it fails).
 */
export const MESSENGER_AUTH_ENGINE_LOADED = new InjectionToken<Promise<MessengerAuthEngineModule>>(
  ngDevMode ? 'MESSENGER_AUTH_ENGINE_LOADED' : '',
  { providedIn: 'root', factory: () => inject(MESSENGER_AUTH_ENGINE)() },
);
