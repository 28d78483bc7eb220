import { DOCUMENT } from '@angular/common';
import {
  ApplicationInitStatus,
  inject,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
  type EnvironmentProviders,
  type Provider,
} from '@angular/core';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import {
  ConsoleMessengerAuthLogger,
  genesysHosts,
  installGenesysSnippet,
  MessengerAuthLogger,
  MessengerAuthLogLevel,
  type MessengerAuthConfig,
  type ResolvedMessengerAuthConfig,
} from 'ngx-genesys-messenger-auth/core/startup';
import { MessengerAuth } from './messenger-auth';
import {
  MESSENGER_AUTH_CONFIG_SOURCE,
  MESSENGER_AUTH_ENGINE_LOADED,
  MESSENGER_AUTH_INSTALLS_SNIPPET,
  MESSENGER_AUTH_SETUP,
} from './messenger-auth-tokens';
import { MessengerAwareOidcSecurityService } from './oidc/messenger-aware-oidc-security.service';
import { MessengerSignOutHook } from './oidc/messenger-sign-out-hook';
import { environmentAllowList } from './profile/environment-allow-list';

/** The kinds of {@link MessengerAuthFeature}. */
export enum MessengerAuthFeatureKind {
  Snippet,
  Logger,
  RemoteProfile,
}

/** An optional part of the set-up, made by a `with…()` function. */
export interface MessengerAuthFeature<
  K extends MessengerAuthFeatureKind = MessengerAuthFeatureKind,
> {
  readonly ɵkind: K;
  readonly ɵproviders: Provider[];
}

/**
 * The bridge adds the Genesys deployment snippet itself (loading `genesys.min.js` from the
 * configured environment), instead of relying on one in `index.html`.
 */
export function withMessengerSnippet(): MessengerAuthFeature<MessengerAuthFeatureKind.Snippet> {
  return {
    ɵkind: MessengerAuthFeatureKind.Snippet,
    ɵproviders: [{ provide: MESSENGER_AUTH_INSTALLS_SNIPPET, useValue: installSnippet }],
  };
}

function installSnippet(win: Window, config: ResolvedMessengerAuthConfig): void {
  const { apps } = genesysHosts(config.environment);
  installGenesysSnippet(
    win,
    { environment: config.environment, deploymentId: config.deploymentId },
    `${apps}/genesys-bootstrap/genesys.min.js`,
  );
}

/**
 * How the bridge logs: a minimum level for the console logger, or a logger of your own. Nothing
 * the bridge logs contains a token, code, verifier or secret.
 * @param levelOrLogger a level (default `Warn`) or a {@link MessengerAuthLogger}
 */
export function withMessengerAuthLogger(
  levelOrLogger: MessengerAuthLogLevel | MessengerAuthLogger,
): MessengerAuthFeature<MessengerAuthFeatureKind.Logger> {
  const logger =
    levelOrLogger instanceof MessengerAuthLogger
      ? levelOrLogger
      : new ConsoleMessengerAuthLogger(levelOrLogger);
  return {
    ɵkind: MessengerAuthFeatureKind.Logger,
    ɵproviders: [{ provide: MessengerAuthLogger, useValue: logger }],
  };
}

/** Options of {@link withRemoteProfile}. */
export interface RemoteProfileOptions {
  /** How long to wait for the profile server before using the kept copy, in ms; default 5 000. */
  readonly timeoutMs?: number;
  /**
   * Custom origins (e.g. a Genesys custom domain, or a local simulator) the profile may name as
   * its `environment`; default none. Messenger's script is loaded from the environment, so a
   * profile may otherwise name only a Genesys region (`prod`, `prod-euw1`, `euw1`).
   */
  readonly allowedEnvironmentOrigins?: readonly string[];
}

/**
 * Loads the Genesys deployment, the Messenger client id, scopes and refresh policy at start-up
 * from a profile published by the profile server (the admin app edits it), instead of writing them
 * in the code. Fields given to `provideMessengerAuth` as well are overridden by the profile.
 * Only a document that passes validation becomes the last good copy, kept in localStorage: when
 * the server is down (NGMA4180) or publishes a document this portal refuses (NGMA4181), the
 * bridge runs on that copy and logs a warning; with no good copy, it stays off and logs the error.
 * @param url the published document, e.g. `https://profiles.example.com/profiles/portal/published`
 * @param options the server's timeout and the custom environment origins the profile may name
 * @throws MessengerAuthError `INVALID_CONFIG` for an allow-list entry that is not an origin
 * @usageNotes
 * ```ts
 * provideMessengerAuth(
 *   { redirectPath: '/messenger/callback' },
 *   withRemoteProfile('https://profiles.example.com/profiles/portal/published', {
 *     allowedEnvironmentOrigins: ['https://genesys.example.com'],
 *   }),
 * );
 * ```
 */
export function withRemoteProfile(
  url: string,
  options: RemoteProfileOptions = {},
): MessengerAuthFeature<MessengerAuthFeatureKind.RemoteProfile> {
  const allowedEnvironmentOrigins = environmentAllowList(options.allowedEnvironmentOrigins ?? []);
  return {
    ɵkind: MessengerAuthFeatureKind.RemoteProfile,
    ɵproviders: [
      {
        provide: MESSENGER_AUTH_CONFIG_SOURCE,
        useFactory: () => {
          const load = {
            storage: (inject(DOCUMENT).defaultView as Window).localStorage,
            timeoutMs: options.timeoutMs ?? 5_000,
            setup: inject(MESSENGER_AUTH_SETUP),
            allowedEnvironmentOrigins,
            logger: inject(MessengerAuthLogger),
          };
          // The loader is part of the lazily loaded engine, as is everything that uses the profile.
          return inject(MESSENGER_AUTH_ENGINE_LOADED)
            .then((engine) => engine.ɵloadRemoteProfile(url, load))
            .then(({ config }) => config);
        },
      },
    ],
  };
}

/** @internal The provider list shared by `provideMessengerAuth` and `MessengerAuthModule.forRoot`. */
export function ɵmessengerAuthProviders(
  config: Partial<MessengerAuthConfig>,
  features: readonly MessengerAuthFeature[],
): Provider[] {
  const kinds = features.map((f) => f.ɵkind);
  if (typeof ngDevMode === 'undefined' || ngDevMode) {
    for (const kind of new Set(kinds)) {
      if (kinds.filter((k) => k === kind).length > 1) {
        console.warn(
          `provideMessengerAuth: the feature ${MessengerAuthFeatureKind[kind]} is given more than once; the last one wins`,
        );
      }
    }
  }
  return [
    { provide: MESSENGER_AUTH_SETUP, useValue: config },
    // Checked by the engine once it has loaded, so that validation stays out of the initial
    // JavaScript; an invalid configuration rejects with NGMA4101 naming the field, which
    // MessengerAuth logs (withRemoteProfile replaces this: the configuration comes with the profile).
    {
      provide: MESSENGER_AUTH_CONFIG_SOURCE,
      useFactory: () =>
        inject(MESSENGER_AUTH_ENGINE_LOADED).then((engine) =>
          engine.ɵvalidateMessengerAuthConfig(config),
        ),
    },
    {
      provide: MessengerAuthLogger,
      useValue: new ConsoleMessengerAuthLogger(MessengerAuthLogLevel.Warn),
    },
    MessengerSignOutHook,
    { provide: OidcSecurityService, useClass: MessengerAwareOidcSecurityService },
    MessengerAuth,
    ...features.flatMap((f) => f.ɵproviders),
  ];
}

/** @internal Starts the bridge with the environment: before the app's initializers read the URL. */
export function ɵinitializeMessengerAuth(): void {
  // Inside a frame (e.g. a silent authorization frame) the portal's page must not run the bridge.
  const win = inject(DOCUMENT).defaultView;
  if (!win || win !== win.top) return;
  inject(MessengerAuth).ɵinitialize(inject(ApplicationInitStatus).donePromise);
}

/**
 * Sets up the bridge between angular-auth-oidc-client and Genesys Messenger's authenticated
 * messaging: Messenger gets its own authorization codes, its JWT is refreshed ahead of expiry in
 * one tab for the browser, and it signs out with the portal.
 * @param config the Genesys deployment, the OIDC configuration to follow and the refresh policy
 * @param features `withMessengerSnippet()`, `withMessengerAuthLogger(…)`
 * @returns providers for `bootstrapApplication` / `ApplicationConfig.providers`
 * @usageNotes
 * ```ts
 * export const appConfig: ApplicationConfig = {
 *   providers: [
 *     provideAuth({ config: { authority, clientId, … } }, withAppInitializerAuthCheck()),
 *     provideMessengerAuth(
 *       { deploymentId: '…', environment: 'prod-euw1', clientId: 'genesys-messenger' },
 *       withMessengerSnippet(),
 *     ),
 *   ],
 * };
 * ```
 */
export function provideMessengerAuth(
  config: MessengerAuthConfig,
  ...features: MessengerAuthFeature[]
): EnvironmentProviders;
/**
 * Sets up the bridge with its Genesys settings loaded from a published profile.
 * @param config the portal-side settings (e.g. `oidcConfigId`, `redirectPath`); the profile gives the rest
 * @param profile `withRemoteProfile(url, options)`
 * @param features other features
 */
export function provideMessengerAuth(
  config: Partial<MessengerAuthConfig>,
  profile: MessengerAuthFeature<MessengerAuthFeatureKind.RemoteProfile>,
  ...features: MessengerAuthFeature[]
): EnvironmentProviders;
export function provideMessengerAuth(
  config: Partial<MessengerAuthConfig>,
  ...features: MessengerAuthFeature[]
): EnvironmentProviders {
  return makeEnvironmentProviders([
    ɵmessengerAuthProviders(config, features),
    provideEnvironmentInitializer(ɵinitializeMessengerAuth),
  ]);
}
