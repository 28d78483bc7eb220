import { GENESYS_REGIONS } from 'ngx-genesys-messenger-auth/core';

import {
  defaultJson,
  errorsOf,
  profileWith,
  profileWithAll,
  warningsOf,
} from './profile.spec-helpers';
import { createDefaultProfile } from './profile-schema';
import { validateProfile } from './validate-profile';

describe(validateProfile.name, () => {
  it('accepts the default profile and returns a frozen copy', () => {
    const input = defaultJson();
    const result = validateProfile(input);
    if (!result.valid) throw new Error(JSON.stringify(result.errors));
    expect(result.profile).toEqual(createDefaultProfile('local'));
    expect(result.profile).not.toBe(input);
    expect(Object.isFrozen(result.profile.idp.scopes)).toBe(true);
  });

  it.each([null, 'profile', 42, []])('refuses %p as a profile', (input) => {
    expect(errorsOf(input)).toEqual([['', 'invalid-type']]);
  });

  it('refuses an unknown field and suggests the known one it resembles', () => {
    const result = validateProfile(profileWith('genesys.integration.discoveryURI', 'x'));
    expect(result.valid).toBe(false);
    const errors = result.valid ? [] : result.errors;
    expect(errors.map((issue) => [issue.path, issue.code])).toEqual([
      ['genesys.integration.discoveryURI', 'unknown-field'],
    ]);
    expect(errors[0].message).toContain('did you mean "discoveryUri"?');
  });

  it.each([
    ['genesys.integration.clientSecret'],
    ['genesys.integration.client_secret'],
    ['idp.secret'],
    ['refresh.ClientSecret'],
  ])('refuses a secret at %s: the secret is never stored', (path) => {
    expect(errorsOf(profileWith(path, 's3cr3t'))).toEqual([[path, 'secret-not-stored']]);
  });

  it('refuses a secret hidden in a list', () => {
    const json = profileWith('genesys.allowedDomains', [{ secret: 'x' }]);
    expect(errorsOf(json)).toContainEqual([
      'genesys.allowedDomains[0].secret',
      'secret-not-stored',
    ]);
  });

  it.each([
    'name',
    'genesys',
    'genesys.environment',
    'genesys.deploymentId',
    'genesys.authentication.integrationId',
    'genesys.integration.maxRefreshTokenLifetimeSeconds',
    'idp.kind',
    'idp.scopes',
    'idp.accessTokenLifetimeSeconds',
    'refresh.reauthMode',
  ])('requires %s', (path) => {
    expect(errorsOf(profileWith(path, undefined))).toContainEqual([path, 'required']);
  });

  it.each([
    ['genesys.deploymentName', 42, 'invalid-type'],
    ['genesys.allowAllDomains', 'yes', 'invalid-type'],
    ['genesys.allowedDomains', 'localhost', 'invalid-type'],
    ['genesys.allowedDomains[0]', 7, 'invalid-type'],
    ['genesys.authentication', true, 'invalid-type'],
    ['genesys.integration.maxRefreshTokenLifetimeSeconds', '86400', 'invalid-type'],
    ['genesys.integration.maxRefreshTokenLifetimeSeconds', 86_400.5, 'not-an-integer'],
  ])('refuses %s = %p (%s)', (path, value, code) => {
    const json =
      path === 'genesys.allowedDomains[0]'
        ? profileWith('genesys.allowedDomains', [value])
        : profileWith(path, value);
    expect(errorsOf(json)).toEqual([[path, code]]);
  });

  it.each(['a', 'local', 'prod-euw1-portal', 'a'.repeat(64)])('accepts the name %p', (name) => {
    expect(errorsOf(profileWith('name', name))).toEqual([]);
  });

  it.each([
    ['', 'invalid-length'],
    ['a'.repeat(65), 'invalid-length'],
    ['Local', 'invalid-format'],
    ['1local', 'invalid-format'],
    ['my_profile', 'invalid-format'],
    ['my profile', 'invalid-format'],
  ])('refuses the name %p (%s)', (name, code) => {
    expect(errorsOf(profileWith('name', name))).toEqual([['name', code]]);
  });

  it.each(Object.keys(GENESYS_REGIONS))('accepts every spelling of the region %s', (region) => {
    const spellings = [region, `prod-${region}`];
    for (const environment of spellings) {
      expect(errorsOf(profileWith('genesys.environment', environment))).toEqual([]);
    }
  });

  it.each([
    'prod',
    'https://genesys.example.com',
    'http://127.0.0.1:4500',
    'http://localhost:4500/',
  ])('accepts the environment %p', (environment) => {
    expect(errorsOf(profileWith('genesys.environment', environment))).toEqual([]);
  });

  it.each([
    ['euw9', 'invalid-environment'],
    ['mypurecloud.ie', 'invalid-environment'],
    ['http://genesys.example.com', 'insecure-url'],
    ['https://genesys.example.com/api', 'invalid-environment'],
    ['https://genesys.example.com?region=euw1', 'invalid-environment'],
  ])('refuses the environment %p (%s)', (environment, code) => {
    expect(errorsOf(profileWith('genesys.environment', environment))).toEqual([
      ['genesys.environment', code],
    ]);
  });

  describe('with an allow-list of environment origins', () => {
    const simulator = { environmentOrigins: ['http://localhost:4500'] };
    const pairsOf = (environment: string, options: { environmentOrigins: string[] }) => {
      const result = validateProfile(profileWith('genesys.environment', environment), options);
      return result.valid ? [] : result.errors.map((issue) => [issue.path, issue.code]);
    };

    it.each(['http://localhost:4500', 'http://localhost:4500/', 'euw1', 'prod-usw2'])(
      'accepts %p, a listed origin or a region',
      (environment) => {
        expect(pairsOf(environment, simulator)).toEqual([]);
      },
    );

    it.each([
      ['https://genesys.example.com', simulator],
      ['http://127.0.0.1:4500', simulator],
      ['http://localhost:4500', { environmentOrigins: [] }],
    ])('refuses the unlisted origin %p', (environment, options) => {
      expect(pairsOf(environment, options)).toEqual([
        ['genesys.environment', 'environment-not-allowed'],
      ]);
    });

    it('names the allowed origins in the message', () => {
      const result = validateProfile(
        profileWith('genesys.environment', 'https://genesys.example.com'),
        simulator,
      );
      expect(result.valid ? '' : result.errors[0]?.message).toContain(
        'custom origins allowed: one of http://localhost:4500',
      );
    });
  });

  it('requires the deployment id to be a UUID', () => {
    expect(errorsOf(profileWith('genesys.deploymentId', 'dep-123'))).toEqual([
      ['genesys.deploymentId', 'invalid-format'],
    ]);
  });

  it.each([
    ['', 'invalid-length'],
    ['x'.repeat(101), 'invalid-length'],
  ])('refuses the deployment name %p: 1–100 characters', (name, code) => {
    expect(errorsOf(profileWith('genesys.deploymentName', name))).toEqual([
      ['genesys.deploymentName', code],
    ]);
  });

  it('accepts a 100-character deployment name and an optional description', () => {
    const json = profileWithAll({
      'genesys.deploymentName': 'x'.repeat(100),
      'genesys.deploymentDescription': 'Portal chat',
    });
    expect(errorsOf(json)).toEqual([]);
  });

  it('refuses a description over 1000 characters', () => {
    expect(errorsOf(profileWith('genesys.deploymentDescription', 'x'.repeat(1001)))).toEqual([
      ['genesys.deploymentDescription', 'invalid-length'],
    ]);
  });

  it('refuses allowAllDomains together with allowed domains', () => {
    expect(errorsOf(profileWith('genesys.allowAllDomains', true))).toEqual([
      ['genesys.allowedDomains', 'domains-conflict'],
    ]);
  });

  it('requires an allowed domain unless allowAllDomains', () => {
    expect(errorsOf(profileWith('genesys.allowedDomains', []))).toEqual([
      ['genesys.allowedDomains', 'domains-required'],
    ]);
  });

  it('accepts allowAllDomains with no allowed domain', () => {
    const json = profileWithAll({ 'genesys.allowAllDomains': true, 'genesys.allowedDomains': [] });
    expect(errorsOf(json)).toEqual([]);
  });

  it.each(['portal.example.com', '*.example.com', 'localhost', '127.0.0.1', 'xn--bcher-kva.de'])(
    'accepts the allowed domain %p',
    (domain) => {
      expect(errorsOf(profileWith('genesys.allowedDomains', [domain]))).toEqual([]);
    },
  );

  it.each([
    'https://portal.example.com',
    '*.com',
    'a.*.example.com',
    '-bad.example.com',
    'a b.com',
    '',
  ])('refuses the allowed domain %p', (domain) => {
    expect(errorsOf(profileWith('genesys.allowedDomains', [domain]))).toEqual([
      ['genesys.allowedDomains[0]', 'invalid-format'],
    ]);
  });

  it('refuses a repeated allowed domain', () => {
    const json = profileWith('genesys.allowedDomains', ['a.example.com', 'a.example.com']);
    expect(errorsOf(json)).toEqual([['genesys.allowedDomains[1]', 'duplicate']]);
  });

  it('refuses an integration id with spaces', () => {
    expect(errorsOf(profileWith('genesys.authentication.integrationId', 'my integration'))).toEqual(
      [['genesys.authentication.integrationId', 'invalid-format']],
    );
  });

  it.each([
    ['https://idp.example.com/.well-known/openid-configuration', []],
    ['http://127.0.0.1:4400/.well-known/openid-configuration', []],
    ['http://idp.example.com/.well-known/openid-configuration', ['insecure-url']],
    ['https://idp.example.com/.well-known/oauth-authorization-server', ['invalid-discovery-uri']],
    ['https://idp.example.com/.well-known/openid-configuration?x=1', ['invalid-discovery-uri']],
    ['idp.example.com/.well-known/openid-configuration', ['invalid-format']],
  ])('checks the discovery URI %p', (uri, codes) => {
    const errors = errorsOf(profileWith('genesys.integration.discoveryUri', uri));
    expect(errors).toEqual(codes.map((code) => ['genesys.integration.discoveryUri', code]));
  });

  it('refuses a client id with spaces', () => {
    expect(errorsOf(profileWith('genesys.integration.clientId', 'genesys messenger'))).toEqual([
      ['genesys.integration.clientId', 'invalid-format'],
    ]);
  });

  it.each([
    [899, false],
    [900, true],
    [7_776_000, true],
    [7_776_001, false],
  ])('checks Max Refresh Token Lifetime %p against 900 s – 90 days', (seconds, accepted) => {
    const path = 'genesys.integration.maxRefreshTokenLifetimeSeconds';
    expect(errorsOf(profileWith(path, seconds))).toEqual(accepted ? [] : [[path, 'out-of-range']]);
  });

  it('collects every issue instead of stopping at the first', () => {
    const json = profileWithAll({
      name: 'Bad Name',
      'genesys.deploymentId': 'x',
      'idp.scopes': ['profile'],
      'refresh.reauthMode': 'never',
      'idp.typo': 1,
    });
    expect(errorsOf(json)).toEqual([
      ['name', 'invalid-format'],
      ['genesys.deploymentId', 'invalid-format'],
      ['idp.typo', 'unknown-field'],
      ['idp.scopes', 'missing-openid'],
      ['refresh.reauthMode', 'invalid-value'],
    ]);
  });

  it("warns when the discovery URI is not the issuer's", () => {
    const json = profileWith(
      'genesys.integration.discoveryUri',
      'https://other.example.com/.well-known/openid-configuration',
    );
    expect(warningsOf(json)).toContainEqual([
      'genesys.integration.discoveryUri',
      'discovery-issuer-mismatch',
    ]);
  });

  it('accepts an issuer with a trailing slash as matching its discovery URI', () => {
    expect(warningsOf(profileWith('idp.issuer', 'http://localhost:4400/'))).not.toContainEqual([
      'genesys.integration.discoveryUri',
      'discovery-issuer-mismatch',
    ]);
  });

  it("warns when Genesys shares the portal's client id", () => {
    expect(warningsOf(profileWith('genesys.integration.clientId', 'demo-portal'))).toContainEqual([
      'genesys.integration.clientId',
      'shared-client-id',
    ]);
  });

  it('warns when authentication is off', () => {
    expect(warningsOf(profileWith('genesys.authentication.enabled', false))).toContainEqual([
      'genesys.authentication.enabled',
      'authentication-disabled',
    ]);
  });

  it('still reports consistency warnings for a profile with errors', () => {
    const json = profileWithAll({ name: '', 'genesys.integration.clientId': 'demo-portal' });
    const result = validateProfile(json);
    expect(result.valid).toBe(false);
    expect(result.warnings.map((issue) => issue.code)).toEqual(['shared-client-id']);
  });
});
