import { GENESYS_REGIONS } from 'ngx-genesys-messenger-auth/core';

import { createDefaultProfile, PROFILE_NAME_PATTERN } from './profile-schema';
import { validateProfile } from './validate-profile';

describe(createDefaultProfile.name, () => {
  it('is valid, with only the JWT-lifetime information', () => {
    const result = validateProfile(createDefaultProfile('local'));
    expect(result.valid).toBe(true);
    expect(result.warnings.map((issue) => [issue.code, issue.severity])).toEqual([
      ['jwt-lifetime-from-access-token', 'info'],
    ]);
  });

  it('matches the local stack', () => {
    const { genesys, idp, refresh } = createDefaultProfile('local');
    expect({
      environment: genesys.environment,
      deploymentId: genesys.deploymentId,
      discoveryUri: genesys.integration.discoveryUri,
      integrationClient: genesys.integration.clientId,
      kind: idp.kind,
      issuer: idp.issuer,
      portalClient: idp.portalClientId,
      lifetimes: [idp.accessTokenLifetimeSeconds, idp.refreshTokenLifetimeSeconds],
      refresh: [refresh.leadSeconds, refresh.floorSeconds, refresh.backoffCapSeconds],
    }).toEqual({
      environment: 'http://localhost:4500',
      deploymentId: '6f1c2f5e-8a41-4d9b-9a57-3c1d2b7e0001',
      discoveryUri: 'http://localhost:4400/.well-known/openid-configuration',
      integrationClient: 'genesys-messenger',
      kind: 'generic',
      issuer: 'http://localhost:4400',
      portalClient: 'demo-portal',
      lifetimes: [300, 86_400],
      refresh: [60, 5, 30],
    });
  });

  it('returns a new object each time', () => {
    expect(createDefaultProfile('a')).not.toBe(createDefaultProfile('a'));
  });
});

describe('PROFILE_NAME_PATTERN', () => {
  it('accepts every Genesys environment name as a profile name', () => {
    const names = Object.keys(GENESYS_REGIONS).map((region) => `prod-${region}`);
    expect(names.filter((name) => !PROFILE_NAME_PATTERN.test(name))).toEqual([]);
  });
});
