import { provideHttpClient, withFetch } from '@angular/common/http';
import {
  ApplicationConfig,
  type EnvironmentProviders,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter, withInMemoryScrolling } from '@angular/router';
import { provideAuth, withAppInitializerAuthCheck } from 'angular-auth-oidc-client';
import {
  provideMessengerAuth,
  withMessengerSnippet,
  withRemoteProfile,
} from 'ngx-genesys-messenger-auth';

import { routes } from './app.routes';
import { authConfig } from './auth/auth-config';
import { CLASSIC_CHAT_PATHS } from './support/classic-chat/classic-chat-paths';
import { MESSENGER_SETTINGS } from './messenger/messenger-settings';

/**
 * Genesys Messenger on every page, kept signed in by the bridge, set up from the published profile. The classic live-chat pages set
 * Messenger up by hand (the baseline the bridge is measured against), so they load without it.
 */
function messengerProviders(path: string): EnvironmentProviders[] {
  if (CLASSIC_CHAT_PATHS.some((classic) => path.startsWith(classic))) return [];
  // The Genesys deployment, client id, scopes and refresh policy come from the published profile.
  return [
    provideMessengerAuth(
      {},
      withRemoteProfile(MESSENGER_SETTINGS.profileUrl, {
        allowedEnvironmentOrigins: MESSENGER_SETTINGS.allowedEnvironmentOrigins,
      }),
      withMessengerSnippet(),
    ),
  ];
}

/**
 * Application-wide providers of the portal.
 *
 * `withAppInitializerAuthCheck()` runs `checkAuth()` before the first navigation: on `/callback`
 * it exchanges the authorization code and, when a guarded route started the sign-in, navigates
 * back to it; everywhere else it restores the session from storage.
 */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch()),
    provideRouter(routes, withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    provideAuth({ config: authConfig }, withAppInitializerAuthCheck()),
    ...messengerProviders(window.location.pathname),
  ],
};
