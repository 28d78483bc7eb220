import { createAuthConfig, DEFAULT_POST_LOGIN_ROUTE, PORTAL_AUTHORITY } from './auth-config';

describe(createAuthConfig.name, () => {
  const config = createAuthConfig('https://portal.example');

  it('points at the issuer without a trailing slash', () => {
    expect(config.authority).toBe(PORTAL_AUTHORITY);
    expect(config.authority?.endsWith('/')).toBe(false);
  });

  it('returns to the callback route of the given origin', () => {
    expect(config.redirectUrl).toBe('https://portal.example/callback');
  });

  it('comes back to the signed-out page after logout', () => {
    expect(config.postLogoutRedirectUri).toBe('https://portal.example/signed-out');
  });

  it('uses the code flow with refresh tokens for silent renew', () => {
    expect(config).toEqual(
      expect.objectContaining({
        responseType: 'code',
        silentRenew: true,
        useRefreshToken: true,
        renewTimeBeforeTokenExpiresInSeconds: 30,
        ignoreNonceAfterRefresh: true,
      }),
    );
  });

  it('asks for offline access and roles', () => {
    expect(config.scope?.split(' ')).toEqual(
      expect.arrayContaining(['openid', 'profile', 'email', 'roles', 'offline_access']),
    );
  });

  it('leaves post-login navigation to the app, defaulting to the account area', () => {
    expect(config.triggerAuthorizationResultEvent).toBe(true);
    expect(DEFAULT_POST_LOGIN_ROUTE).toBe('/account');
  });
});
