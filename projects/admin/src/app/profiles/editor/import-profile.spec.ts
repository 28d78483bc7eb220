import { createDefaultProfile } from 'ngx-genesys-messenger-auth/profile';

import { importProfileJson } from './import-profile';

describe(importProfileJson.name, () => {
  it('accepts a valid profile and gives it the edited profile’s name', () => {
    const result = importProfileJson(JSON.stringify(createDefaultProfile('other')), 'local');

    expect(result.ok).toBe(true);
    expect(result.ok && result.profile.name).toBe('local');
    expect(result.ok && result.renamedFrom).toBe('other');
  });

  it('reports text that is not JSON', () => {
    const result = importProfileJson('{ nope', 'local');

    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors[0].message).toMatch(/^The file is not JSON/);
  });

  it("lists the schema's errors with their paths", () => {
    const profile = createDefaultProfile('local');
    const broken = {
      ...profile,
      idp: { ...profile.idp, accessTokenLifetimeSeconds: -5, clientSecret: 'x' },
    };

    const result = importProfileJson(JSON.stringify(broken), 'local');

    expect(result.ok ? [] : result.errors.map((issue) => [issue.path, issue.code])).toEqual(
      expect.arrayContaining([
        ['idp.clientSecret', 'secret-not-stored'],
        ['idp.accessTokenLifetimeSeconds', 'out-of-range'],
      ]),
    );
  });
});
