import { LogLevel, type OpenIdConfiguration } from 'angular-auth-oidc-client';

/** The portal's OpenID Connect provider (the dev IdP locally); no trailing slash, as it issues. */
export const PORTAL_AUTHORITY = 'http://localhost:4400';

/** Where a user goes after signing in when no guarded route asked for the sign-in. */
export const DEFAULT_POST_LOGIN_ROUTE = '/account';

/**
 * Builds the portal's angular-auth-oidc-client configuration for the origin it is served from.
 *
 * `triggerAuthorizationResultEvent` is on so the library never navigates by itself after a code
 * exchange: a route saved by `autoLoginPartialRoutesGuard` is still restored by `checkAuth()`,
 * and otherwise the callback page decides where to go (see `CallbackPage`).
 *
 * @param origin The portal's origin, e.g. `http://localhost:4200`.
 * @returns The configuration passed to `provideAuth()`.
 */
export function createAuthConfig(origin: string): OpenIdConfiguration {
  return {
    authority: PORTAL_AUTHORITY,
    clientId: 'demo-portal',
    redirectUrl: `${origin}/callback`,
    postLogoutRedirectUri: `${origin}/signed-out`,
    scope: 'openid profile email roles offline_access',
    responseType: 'code',
    silentRenew: true,
    useRefreshToken: true,
    renewTimeBeforeTokenExpiresInSeconds: 30,
    // oidc-provider repeats the original nonce in refreshed ID tokens.
    ignoreNonceAfterRefresh: true,
    triggerAuthorizationResultEvent: true,
    // Only /callback is the portal's own callback: codes on other pages (Messenger's) are not ours.
    checkRedirectUrlWhenCheckingIfIsCallback: true,
    logLevel: LogLevel.Warn,
  };
}

/** The configuration of the running portal, built for the page's own origin. */
export const authConfig: OpenIdConfiguration = createAuthConfig(window.location.origin);
