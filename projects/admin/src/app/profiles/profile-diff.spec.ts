import { createDefaultProfile } from 'ngx-genesys-messenger-auth/profile';

import { diffProfiles } from './profile-diff';

describe(diffProfiles.name, () => {
  const base = createDefaultProfile('local');

  it('finds nothing between equal profiles', () => {
    expect(diffProfiles(base, JSON.parse(JSON.stringify(base)))).toEqual([]);
  });

  it('names a changed field by its dotted path', () => {
    const after = { ...base, idp: { ...base.idp, accessTokenLifetimeSeconds: 600 } };

    expect(diffProfiles(base, after)).toEqual([
      { path: 'idp.accessTokenLifetimeSeconds', before: 300, after: 600 },
    ]);
  });

  it('reports a list as one value', () => {
    const after = { ...base, idp: { ...base.idp, scopes: ['openid'] } };

    expect(diffProfiles(base, after)).toEqual([
      { path: 'idp.scopes', before: ['openid', 'profile', 'offline_access'], after: ['openid'] },
    ]);
  });

  it('reports added and removed optional fields', () => {
    const after = {
      ...base,
      idp: { ...base.idp, refreshTokenLifetimeSeconds: undefined, refreshTokenIdleSeconds: 3600 },
    };

    expect(diffProfiles(base, after)).toEqual([
      { path: 'idp.refreshTokenIdleSeconds', before: undefined, after: 3600 },
      { path: 'idp.refreshTokenLifetimeSeconds', before: 86_400, after: undefined },
    ]);
  });

  it('lists every field as new against nothing', () => {
    const changes = diffProfiles(null, base);

    expect(changes.length).toBeGreaterThan(20);
    expect(changes.every((change) => change.before === undefined)).toBe(true);
  });
});
