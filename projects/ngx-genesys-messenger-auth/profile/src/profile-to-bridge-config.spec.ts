import { validateMessengerAuthConfig } from 'ngx-genesys-messenger-auth/core';

import { bridgeConfigFromProfile, publishedDocument } from './profile-to-bridge-config';
import { profileWithAll, validProfile } from './profile.spec-helpers';
import { createDefaultProfile } from './profile-schema';

describe(bridgeConfigFromProfile.name, () => {
  it('maps the profile to the library configuration, seconds to milliseconds', () => {
    expect(bridgeConfigFromProfile(createDefaultProfile('local'))).toEqual({
      deploymentId: '6f1c2f5e-8a41-4d9b-9a57-3c1d2b7e0001',
      environment: 'http://localhost:4500',
      clientId: 'genesys-messenger',
      scope: 'openid profile offline_access',
      refresh: { leadMs: 60_000, minLeadMs: 5_000, backoffCapMs: 30_000 },
      reauthMode: 'silent-then-interactive',
    });
  });

  it("carries the admin's silent-only setting to the library", () => {
    const profile = validProfile(profileWithAll({ 'refresh.reauthMode': 'silent-only' }));
    expect(validateMessengerAuthConfig(bridgeConfigFromProfile(profile)).reauthMode).toBe(
      'silent-only',
    );
  });

  it.each([
    ['the default profile', {}],
    [
      'a region and a zero lead',
      { 'genesys.environment': 'prod-euw1', 'refresh.leadSeconds': 0, 'refresh.floorSeconds': 0 },
    ],
    ['a 1 s backoff cap', { 'refresh.backoffCapSeconds': 1 }],
    ['silent-only re-authentication', { 'refresh.reauthMode': 'silent-only' }],
  ])('gives a configuration the core accepts for %s', (_, changes) => {
    const config = bridgeConfigFromProfile(validProfile(profileWithAll(changes)));
    expect(() => validateMessengerAuthConfig(config)).not.toThrow();
  });
});

describe(publishedDocument.name, () => {
  it('publishes what a portal needs and nothing admin-only', () => {
    const profile = createDefaultProfile('local');
    expect(publishedDocument(profile, 3)).toEqual({
      name: 'local',
      version: 3,
      bridge: bridgeConfigFromProfile(profile),
      reauthMode: 'silent-then-interactive',
      idp: { kind: 'generic', issuer: 'http://localhost:4400', clientId: 'demo-portal' },
      allowedOrigins: ['http://localhost:*', 'https://localhost:*'],
    });
  });

  it('leaves the version to the server', () => {
    expect(publishedDocument(createDefaultProfile('local')).version).toBeNull();
  });

  it('leaves out the integration id, discovery URI and deployment name', () => {
    const text = JSON.stringify(publishedDocument(createDefaultProfile('local')));
    expect([
      text.includes('local-oidc-integration'),
      text.includes('well-known'),
      text.includes('Meridian'),
    ]).toEqual([false, false, false]);
  });

  it('allows every origin when the deployment allows all domains', () => {
    const profile = validProfile(
      profileWithAll({ 'genesys.allowAllDomains': true, 'genesys.allowedDomains': [] }),
    );
    expect(publishedDocument(profile).allowedOrigins).toEqual(['*']);
  });
});
