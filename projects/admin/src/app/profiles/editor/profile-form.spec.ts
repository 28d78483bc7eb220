import {
  createDefaultProfile,
  type DeploymentProfile,
  validateProfile,
} from 'ngx-genesys-messenger-auth/profile';

import {
  applyIdpKind,
  createProfileForm,
  formValueOf,
  profileInputOf,
  splitList,
} from './profile-form';

describe(profileInputOf.name, () => {
  it('gives back the profile the form was filled with', () => {
    const profile = createDefaultProfile('local');

    expect(profileInputOf('local', formValueOf(profile))).toEqual(profile);
  });

  it('keeps the optional description and lifetimes the kind has', () => {
    const profile: DeploymentProfile = {
      ...createDefaultProfile('local'),
      genesys: { ...createDefaultProfile('local').genesys, deploymentDescription: 'Retail' },
    };
    const input = profileInputOf('local', formValueOf(profile));

    expect(validateProfile(input).valid).toBe(true);
    expect(input).toEqual(profile);
  });

  it('leaves an emptied field out, so the schema reports it as required', () => {
    const form = createProfileForm();
    form.controls.idp.controls.accessTokenLifetimeSeconds.setValue(null);
    form.controls.genesys.controls.deploymentName.setValue('');

    const result = validateProfile(profileInputOf('local', form.getRawValue()));

    expect(result.valid).toBe(false);
    expect(result.valid ? [] : result.errors.map((issue) => [issue.path, issue.code])).toEqual(
      expect.arrayContaining([
        ['idp.accessTokenLifetimeSeconds', 'required'],
        ['genesys.deploymentName', 'required'],
      ]),
    );
  });

  it('sends no domains when every domain is allowed', () => {
    const form = createProfileForm();
    form.controls.genesys.controls.allowAllDomains.setValue(true);

    const input = profileInputOf('local', form.getRawValue()) as { genesys: object };

    expect(input.genesys).toEqual(expect.objectContaining({ allowedDomains: [] }));
  });

  it('sends only the lifetimes of the chosen kind', () => {
    const form = createProfileForm();
    form.controls.idp.controls.ssoSessionMaxSeconds.setValue(36_000);

    const input = profileInputOf('local', form.getRawValue()) as { idp: object };

    expect(input.idp).not.toHaveProperty('ssoSessionMaxSeconds');
  });
});

describe(applyIdpKind.name, () => {
  it("fills the new kind's required lifetimes with its defaults and clears the others", () => {
    const form = createProfileForm();
    const idp = form.controls.idp;
    idp.controls.kind.setValue('keycloak');

    applyIdpKind(idp, 'keycloak');

    expect(idp.controls.ssoSessionIdleSeconds.value).toBe(1800);
    expect(idp.controls.ssoSessionMaxSeconds.value).toBe(36_000);
    expect(idp.controls.accessTokenLifetimeSeconds.value).toBe(300);

    idp.controls.kind.setValue('cognito');
    applyIdpKind(idp, 'cognito');

    expect(idp.controls.ssoSessionMaxSeconds.value).toBeNull();
  });
});

describe(splitList.name, () => {
  it('splits at commas and white space', () => {
    expect(splitList(' a.example, b.example\n*.c.example ,')).toEqual([
      'a.example',
      'b.example',
      '*.c.example',
    ]);
  });
});
