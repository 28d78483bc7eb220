import { errorsOf, profileFor, profileWith, profileWithAll } from './profile.spec-helpers';
import { readIdp } from './validate-idp';
import { readRefresh } from './validate-refresh';

describe(readIdp.name, () => {
  it('refuses an unknown IdP kind', () => {
    expect(errorsOf(profileWith('idp.kind', 'ping'))).toEqual([['idp.kind', 'invalid-value']]);
  });

  it.each([
    ['https://idp.example.com/oauth2/default', []],
    ['http://localhost:4400', []],
    ['http://idp.example.com', ['insecure-url']],
    ['https://idp.example.com?tenant=1', ['invalid-format']],
    ['https://idp.example.com#top', ['invalid-format']],
    ['https://user:pw@idp.example.com', ['invalid-format']],
    ['idp.example.com', ['invalid-format']],
  ])('checks the issuer %p', (issuer, codes) => {
    expect(errorsOf(profileWith('idp.issuer', issuer))).toEqual(
      codes.map((code) => ['idp.issuer', code]),
    );
  });

  it('refuses a portal client id with spaces', () => {
    expect(errorsOf(profileWith('idp.portalClientId', 'demo portal'))).toEqual([
      ['idp.portalClientId', 'invalid-format'],
    ]);
  });

  it('requires the openid scope', () => {
    expect(errorsOf(profileWith('idp.scopes', ['profile', 'offline_access']))).toEqual([
      ['idp.scopes', 'missing-openid'],
    ]);
  });

  it('refuses an empty scope list for want of openid', () => {
    expect(errorsOf(profileWith('idp.scopes', []))).toEqual([['idp.scopes', 'missing-openid']]);
  });

  it.each([
    ['openid profile', 'invalid-format'],
    ['"quoted"', 'invalid-format'],
  ])('refuses the scope %p', (scope, code) => {
    expect(errorsOf(profileWith('idp.scopes', ['openid', scope]))).toEqual([
      ['idp.scopes[1]', code],
    ]);
  });

  it('refuses a repeated scope', () => {
    expect(errorsOf(profileWith('idp.scopes', ['openid', 'openid']))).toEqual([
      ['idp.scopes[1]', 'duplicate'],
    ]);
  });

  it.each([
    [0, 'out-of-range'],
    [-300, 'out-of-range'],
    [299.5, 'not-an-integer'],
    [Number.NaN, 'invalid-type'],
    ['300', 'invalid-type'],
  ])('refuses the access token lifetime %p (%s)', (seconds, code) => {
    expect(errorsOf(profileWith('idp.accessTokenLifetimeSeconds', seconds))).toEqual([
      ['idp.accessTokenLifetimeSeconds', code],
    ]);
  });

  it.each([
    ['okta', 'ssoSessionMaxSeconds'],
    ['auth0', 'refreshTokenIdleSeconds'],
    ['entra', 'refreshTokenIdleSeconds'],
    ['pingone', 'ssoSessionIdleSeconds'],
    ['cognito', 'refreshTokenIdleSeconds'],
    ['generic', 'ssoSessionMaxSeconds'],
  ] as const)('refuses a lifetime %s does not have: %s', (kind, field) => {
    expect(errorsOf(profileFor(kind, { [field]: 3600 }))).toEqual([
      [`idp.${field}`, 'field-not-for-kind'],
    ]);
  });

  it.each([
    ['keycloak', 'ssoSessionIdleSeconds'],
    ['keycloak', 'ssoSessionMaxSeconds'],
    ['entra', 'refreshTokenLifetimeSeconds'],
    ['pingone', 'refreshTokenLifetimeSeconds'],
    ['cognito', 'refreshTokenLifetimeSeconds'],
  ] as const)('requires %s lifetime %s', (kind, field) => {
    expect(errorsOf(profileFor(kind, { [field]: undefined }))).toEqual([
      [`idp.${field}`, 'required'],
    ]);
  });

  it.each([
    ['okta', 'refreshTokenIdleSeconds'],
    ['okta', 'refreshTokenLifetimeSeconds'],
    ['auth0', 'refreshTokenLifetimeSeconds'],
    ['keycloak', 'refreshTokenIdleSeconds'],
    ['keycloak', 'refreshTokenLifetimeSeconds'],
    ['generic', 'refreshTokenIdleSeconds'],
    ['generic', 'refreshTokenLifetimeSeconds'],
  ] as const)('lets %s leave out %s', (kind, field) => {
    expect(errorsOf(profileFor(kind, { [field]: undefined }))).toEqual([]);
  });
});

describe(readRefresh.name, () => {
  it.each([
    [300, 300, true],
    [300, 299, false],
    [3600, 900, true],
    [3600, 899, false],
  ])(
    'refuses a lead not below the JWT lifetime (access token %p s, lead %p s: refused %p)',
    (access, lead, refused) => {
      const json = profileWithAll({
        'idp.accessTokenLifetimeSeconds': access,
        'refresh.leadSeconds': lead,
      });
      expect(errorsOf(json)).toEqual(
        refused ? [['refresh.leadSeconds', 'lead-not-below-lifetime']] : [],
      );
    },
  );

  it('refuses a floor above the lead', () => {
    expect(errorsOf(profileWith('refresh.floorSeconds', 61))).toEqual([
      ['refresh.floorSeconds', 'floor-above-lead'],
    ]);
  });

  it.each([
    ['refresh.leadSeconds', -1],
    ['refresh.floorSeconds', -1],
    ['refresh.backoffCapSeconds', 0],
    ['refresh.backoffCapSeconds', 2_147_484],
  ])('refuses %s = %p', (path, seconds) => {
    expect(errorsOf(profileWith(path, seconds))).toEqual([[path, 'out-of-range']]);
  });

  it('accepts a zero lead and floor (the bridge keeps half the lifetime as floor)', () => {
    const json = profileWithAll({ 'refresh.leadSeconds': 0, 'refresh.floorSeconds': 0 });
    expect(errorsOf(json)).toEqual([]);
  });

  it.each(['silent-then-interactive', 'silent-only'])('accepts the re-auth mode %p', (mode) => {
    expect(errorsOf(profileWith('refresh.reauthMode', mode))).toEqual([]);
  });

  it('refuses an unknown re-auth mode', () => {
    expect(errorsOf(profileWith('refresh.reauthMode', 'interactive'))).toEqual([
      ['refresh.reauthMode', 'invalid-value'],
    ]);
  });
});
