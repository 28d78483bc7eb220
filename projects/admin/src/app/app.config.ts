import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import {
  authInterceptor,
  provideAuth,
  withAppInitializerAuthCheck,
} from 'angular-auth-oidc-client';

import { httpActivityInterceptor } from './api/http-activity';
import { routes } from './app.routes';
import { createAuthConfig } from './auth/auth-config';

/**
 * Application-wide providers of the admin app. `withAppInitializerAuthCheck()` runs `checkAuth()`
 * before the first navigation (the code exchange on `/callback`, the session from storage
 * elsewhere); `authInterceptor()` attaches the access token to the profile server's requests.
 */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([httpActivityInterceptor, authInterceptor()])),
    provideRouter(routes, withComponentInputBinding()),
    provideAuth(
      { config: createAuthConfig(window.location.origin) },
      withAppInitializerAuthCheck(),
    ),
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline', subscriptSizing: 'dynamic' },
    },
  ],
};
