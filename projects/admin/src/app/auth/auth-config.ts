import { LogLevel, type OpenIdConfiguration } from 'angular-auth-oidc-client';

import { DEFAULT_PROFILES_API_URL } from '../api/profiles-api-url';

/** The dev IdP locally; no trailing slash, exactly as it issues (TOOLCHAIN.md trap 11). */
export const ADMIN_AUTHORITY = 'http://localhost:4400';

/** Where a user goes after signing in when no guarded route asked for the sign-in. */
export const DEFAULT_POST_LOGIN_ROUTE = '/profiles';

/**
 * Builds the admin app's angular-auth-oidc-client configuration for the origin it is served from.
 *
 * The `admin` client's access tokens are JWTs for the profile server's audience, so the userinfo
 * endpoint refuses them: `autoUserInfo` is off and the name and roles come from the ID token.
 * Refresh tokens keep the session alive (no silent-renew iframe page is needed).
 *
 * @param origin The app's origin, e.g. `http://localhost:4300`.
 * @param apiUrl The profile server the access token is attached to.
 * @returns The configuration passed to `provideAuth()`.
 */
export function createAuthConfig(
  origin: string,
  apiUrl: string = DEFAULT_PROFILES_API_URL,
): OpenIdConfiguration {
  return {
    authority: ADMIN_AUTHORITY,
    clientId: 'admin',
    redirectUrl: `${origin}/callback`,
    postLogoutRedirectUri: `${origin}/`,
    scope: 'openid profile roles offline_access',
    responseType: 'code',
    silentRenew: true,
    useRefreshToken: true,
    renewTimeBeforeTokenExpiresInSeconds: 30,
    // oidc-provider repeats the original nonce in refreshed ID tokens.
    ignoreNonceAfterRefresh: true,
    autoUserInfo: false,
    secureRoutes: [apiUrl],
    triggerAuthorizationResultEvent: true,
    checkRedirectUrlWhenCheckingIfIsCallback: true,
    logLevel: LogLevel.Warn,
  };
}
