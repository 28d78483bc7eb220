import { provideHttpClient, withFetch } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withInMemoryScrolling } from '@angular/router';
import { provideAuth, withAppInitializerAuthCheck } from 'angular-auth-oidc-client';

import { routes } from './app.routes';
import { authConfig } from './auth/auth-config';

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
  ],
};
