import { createAuthConfig, ADMIN_AUTHORITY } from './auth-config';

describe(createAuthConfig.name, () => {
  const config = createAuthConfig('http://localhost:4300', 'http://localhost:4600');

  it('signs in with the dev IdP as the admin client', () => {
    expect(config.authority).toBe(ADMIN_AUTHORITY);
    expect(config.clientId).toBe('admin');
  });

  it('returns to the callback route and to the landing page after logout', () => {
    expect(config.redirectUrl).toBe('http://localhost:4300/callback');
    expect(config.postLogoutRedirectUri).toBe('http://localhost:4300/');
  });

  it('uses the code flow with refresh tokens and never calls userinfo', () => {
    expect(config).toEqual(
      expect.objectContaining({
        responseType: 'code',
        silentRenew: true,
        useRefreshToken: true,
        ignoreNonceAfterRefresh: true,
        autoUserInfo: false,
        checkRedirectUrlWhenCheckingIfIsCallback: true,
      }),
    );
  });

  it('asks for roles and offline access', () => {
    expect(config.scope?.split(' ')).toEqual(['openid', 'profile', 'roles', 'offline_access']);
  });

  it('attaches the access token to the profile server only', () => {
    expect(config.secureRoutes).toEqual(['http://localhost:4600']);
  });
});
