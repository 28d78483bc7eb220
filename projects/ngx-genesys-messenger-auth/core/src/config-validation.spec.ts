import {
  DEFAULT_MESSENGER_AUTH_CONFIG,
  DEFAULT_REFRESH_POLICY,
  MessengerAuthError,
  MessengerAuthErrorCode,
} from 'ngx-genesys-messenger-auth/core/startup';
import { validateMessengerAuthConfig } from './config-validation';

const minimal = { deploymentId: 'dep-123_abc', environment: 'prod-euw1' };

function errorOf(config: unknown): MessengerAuthError {
  try {
    validateMessengerAuthConfig(config);
  } catch (error) {
    if (error instanceof MessengerAuthError) return error;
    throw error;
  }
  throw new Error('expected a MessengerAuthError');
}

describe(validateMessengerAuthConfig.name, () => {
  it('applies every default to a minimal config', () => {
    expect(validateMessengerAuthConfig(minimal)).toEqual({
      deploymentId: 'dep-123_abc',
      environment: 'prod-euw1',
      oidcConfigId: undefined,
      clientId: undefined,
      scope: 'openid profile',
      redirectPath: '/messenger/callback',
      signedOut: 'anonymous',
      refresh: DEFAULT_REFRESH_POLICY,
      reauthWindowMs: 120_000,
      silentAuthorizationTimeoutMs: 10_000,
      reauthMode: 'silent-then-interactive',
    });
  });

  it('keeps every configured value', () => {
    const config = {
      ...minimal,
      oidcConfigId: 'portal',
      clientId: 'genesys-messenger',
      scope: 'openid email',
      redirectPath: '/auth/genesys',
      signedOut: 'none' as const,
      refresh: { leadMs: 90_000 },
      reauthWindowMs: 300_000,
      silentAuthorizationTimeoutMs: 5_000,
      reauthMode: 'silent-only' as const,
    };
    expect(validateMessengerAuthConfig(config)).toEqual({
      ...config,
      refresh: { ...DEFAULT_REFRESH_POLICY, leadMs: 90_000 },
    });
  });

  it('treats optional fields set to undefined as left out', () => {
    const resolved = validateMessengerAuthConfig({
      ...minimal,
      scope: undefined,
      refresh: undefined,
    });
    expect([resolved.scope, resolved.refresh]).toEqual([
      DEFAULT_MESSENGER_AUTH_CONFIG.scope,
      DEFAULT_REFRESH_POLICY,
    ]);
  });

  it('freezes the result', () => {
    expect(Object.isFrozen(validateMessengerAuthConfig(minimal))).toBe(true);
  });

  it.each([
    'prod',
    'prod-euw1',
    'euw1',
    'prod-apse2',
    'fedramp-use2',
    'https://messenger.example.com',
  ])('accepts the environment %p', (environment) => {
    expect(validateMessengerAuthConfig({ ...minimal, environment }).environment).toBe(environment);
  });

  it.each([
    ['http://localhost:4500/', 'http://localhost:4500'],
    ['http://127.0.0.1:4500', 'http://127.0.0.1:4500'],
    ['https://sim.example.com/', 'https://sim.example.com'],
  ])('resolves the origin %p to %p', (environment, origin) => {
    expect(validateMessengerAuthConfig({ ...minimal, environment }).environment).toBe(origin);
  });

  it('uses an error code of INVALID_CONFIG', () => {
    expect(errorOf({ ...minimal, deploymentId: '' }).code).toBe(
      MessengerAuthErrorCode.INVALID_CONFIG,
    );
  });

  const ENVIRONMENT_EXPECTED =
    'environment must be a Genesys environment ("prod", "prod-euw1"), a region ("euw1") or an ' +
    'https origin (http only on localhost) without path';

  const REDIRECT_EXPECTED =
    'redirectPath must be a path starting with a single "/", without "?", "#", "\\" or spaces';

  it.each<[string, unknown, string, string]>([
    ['a config that is not an object', null, 'config', 'config must be an object (got null)'],
    ['an array config', [], 'config', 'config must be an object (got an array)'],
    [
      'an empty deploymentId',
      { ...minimal, deploymentId: '' },
      'deploymentId',
      'deploymentId must be 1–128 letters, digits, "-" or "_" (got "")',
    ],
    [
      'a deploymentId with a slash',
      { ...minimal, deploymentId: 'a/b' },
      'deploymentId',
      'deploymentId must be 1–128 letters, digits, "-" or "_" (got "a/b")',
    ],
    [
      'a deploymentId of 129 characters',
      { ...minimal, deploymentId: 'a'.repeat(129) },
      'deploymentId',
      `deploymentId must be 1–128 letters, digits, "-" or "_" (got "${'a'.repeat(59)}…")`,
    ],
    [
      'a missing deploymentId',
      { environment: 'prod' },
      'deploymentId',
      'deploymentId must be 1–128 letters, digits, "-" or "_" (got undefined)',
    ],
    [
      'an unknown region',
      { ...minimal, environment: 'prod-xyz1' },
      'environment',
      `${ENVIRONMENT_EXPECTED} (got "prod-xyz1")`,
    ],
    [
      'a missing environment',
      { deploymentId: 'd' },
      'environment',
      `${ENVIRONMENT_EXPECTED} (got undefined)`,
    ],
    [
      'a plain-http origin off localhost',
      { ...minimal, environment: 'http://genesys.example.com' },
      'environment',
      `${ENVIRONMENT_EXPECTED} (got "http://genesys.example.com")`,
    ],
    [
      'an origin with a path',
      { ...minimal, environment: 'https://example.com/genesys' },
      'environment',
      `${ENVIRONMENT_EXPECTED} (got "https://example.com/genesys")`,
    ],
    [
      'an origin with a query',
      { ...minimal, environment: 'https://example.com?x=1' },
      'environment',
      `${ENVIRONMENT_EXPECTED} (got "https://example.com?x=1")`,
    ],
    [
      'an empty oidcConfigId',
      { ...minimal, oidcConfigId: '' },
      'oidcConfigId',
      'oidcConfigId must be a non-empty string without spaces (got "")',
    ],
    [
      'a clientId with a space',
      { ...minimal, clientId: 'my client' },
      'clientId',
      'clientId must be a non-empty string without spaces (got "my client")',
    ],
    [
      'a scope without openid',
      { ...minimal, scope: 'profile email' },
      'scope',
      'scope must be scopes separated by single spaces, including "openid" (got "profile email")',
    ],
    [
      'a scope with a double space',
      { ...minimal, scope: 'openid  profile' },
      'scope',
      'scope must be scopes separated by single spaces, including "openid" (got "openid  profile")',
    ],
    [
      'a relative redirectPath',
      { ...minimal, redirectPath: 'messenger/callback' },
      'redirectPath',
      `${REDIRECT_EXPECTED} (got "messenger/callback")`,
    ],
    [
      'a redirectPath with a query',
      { ...minimal, redirectPath: '/cb?x=1' },
      'redirectPath',
      `${REDIRECT_EXPECTED} (got "/cb?x=1")`,
    ],
    [
      'a redirectPath with a fragment',
      { ...minimal, redirectPath: '/cb#x' },
      'redirectPath',
      `${REDIRECT_EXPECTED} (got "/cb#x")`,
    ],
    [
      'a protocol-relative redirectPath',
      { ...minimal, redirectPath: '//evil.example/cb' },
      'redirectPath',
      `${REDIRECT_EXPECTED} (got "//evil.example/cb")`,
    ],
    [
      'an unknown signedOut',
      { ...minimal, signedOut: 'login' },
      'signedOut',
      'signedOut must be "anonymous" or "none" (got "login")',
    ],
    [
      'a refresh that is not an object',
      { ...minimal, refresh: 5 },
      'refresh',
      'refresh must be an object (got 5)',
    ],
    [
      'a negative refresh lead',
      { ...minimal, refresh: { leadMs: -1 } },
      'refresh.leadMs',
      'refresh.leadMs must be a finite number ≥ 0 (got -1)',
    ],
    [
      'a reauthWindowMs under 10 s',
      { ...minimal, reauthWindowMs: 9_999 },
      'reauthWindowMs',
      'reauthWindowMs must be a number of ms from 10000 to 2147483647 (got 9999)',
    ],
    [
      'a reauthWindowMs that is not a number',
      { ...minimal, reauthWindowMs: '120000' },
      'reauthWindowMs',
      'reauthWindowMs must be a number of ms from 10000 to 2147483647 (got "120000")',
    ],
    [
      'a silentAuthorizationTimeoutMs of 0',
      { ...minimal, silentAuthorizationTimeoutMs: 0 },
      'silentAuthorizationTimeoutMs',
      'silentAuthorizationTimeoutMs must be a number of ms from 1000 to 2147483647 (got 0)',
    ],
    [
      'an infinite silentAuthorizationTimeoutMs',
      { ...minimal, silentAuthorizationTimeoutMs: Infinity },
      'silentAuthorizationTimeoutMs',
      'silentAuthorizationTimeoutMs must be a number of ms from 1000 to 2147483647 (got Infinity)',
    ],
    [
      'a misspelt field',
      { ...minimal, deploymnetId: 'x' },
      'deploymnetId',
      'config has an unknown field "deploymnetId" (did you mean "deploymentId"?); expected one of ' +
        'deploymentId, environment, oidcConfigId, clientId, scope, redirectPath, signedOut, refresh, ' +
        'reauthWindowMs, silentAuthorizationTimeoutMs, reauthMode',
    ],
    [
      'an unknown reauthMode',
      { ...minimal, reauthMode: 'interactive' },
      'reauthMode',
      'reauthMode must be "silent-then-interactive" or "silent-only" (got "interactive")',
    ],
    [
      'a misspelt refresh field',
      { ...minimal, refresh: { lockTimeout: 1 } },
      'refresh.lockTimeout',
      'refresh has an unknown field "lockTimeout" (did you mean "lockTimeoutMs"?); expected one of leadMs, ' +
        'maxLeadFraction, minLeadMs, backoffBaseMs, backoffCapMs, lockTimeoutMs',
    ],
  ])('rejects %s', (_name, config, field, message) => {
    const error = errorOf(config);
    expect([error.field, error.message]).toEqual([field, `NGMA4101: ${message}`]);
  });

  it('keeps reauthMode silent-only', () => {
    expect(validateMessengerAuthConfig({ ...minimal, reauthMode: 'silent-only' }).reauthMode).toBe(
      'silent-only',
    );
  });

  it('accepts the shortest reauthWindowMs', () => {
    expect(validateMessengerAuthConfig({ ...minimal, reauthWindowMs: 10_000 }).reauthWindowMs).toBe(
      10_000,
    );
  });

  it('accepts a redirectPath with nested segments', () => {
    const resolved = validateMessengerAuthConfig({ ...minimal, redirectPath: '/a/b-c/d_e' });
    expect(resolved.redirectPath).toBe('/a/b-c/d_e');
  });
});
