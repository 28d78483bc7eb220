import { mergeClaims, readUserProfile } from './user-profile';

describe(readUserProfile.name, () => {
  it('reads name, username, email and roles from standard claims', () => {
    const profile = readUserProfile({
      sub: 'ada',
      name: 'Ada Admin',
      preferred_username: 'ada',
      email: 'ada@example.com',
      email_verified: true,
      roles: ['admin'],
    });

    expect(profile).toEqual({
      subject: 'ada',
      displayName: 'Ada Admin',
      username: 'ada',
      email: 'ada@example.com',
      emailVerified: true,
      roles: ['admin'],
    });
  });

  it('returns null when the claims carry no subject', () => {
    expect(readUserProfile({ name: 'Nobody' })).toBeNull();
  });

  it('returns null when there are no claims', () => {
    expect(readUserProfile(null)).toBeNull();
  });

  it('builds the display name from given and family name when name is missing', () => {
    const profile = readUserProfile({ sub: 'b1', given_name: 'Bob', family_name: 'Baker' });

    expect(profile?.displayName).toBe('Bob Baker');
  });

  it('falls back to the username when no name claim exists', () => {
    expect(readUserProfile({ sub: 'b1', preferred_username: 'bob' })?.displayName).toBe('bob');
  });

  it('accepts a space-separated roles string', () => {
    expect(readUserProfile({ sub: 'a', roles: 'admin auditor' })?.roles).toEqual([
      'admin',
      'auditor',
    ]);
  });

  it('ignores roles that are not strings', () => {
    expect(readUserProfile({ sub: 'a', roles: ['admin', 42, null, ''] })?.roles).toEqual(['admin']);
  });

  it('treats an unverified or absent email_verified claim as not verified', () => {
    expect(readUserProfile({ sub: 'a', email: 'a@x', email_verified: 'true' })?.emailVerified).toBe(
      false,
    );
  });
});

describe(mergeClaims.name, () => {
  it('lets UserInfo claims win over ID token claims', () => {
    expect(mergeClaims({ sub: 'a', name: 'Old' }, { name: 'New' })).toEqual({
      sub: 'a',
      name: 'New',
    });
  });

  it('keeps ID token claims that UserInfo does not repeat', () => {
    expect(mergeClaims({ sub: 'a', roles: ['admin'] }, { sub: 'a' })).toEqual({
      sub: 'a',
      roles: ['admin'],
    });
  });

  it('returns null when neither source is an object', () => {
    expect(mergeClaims(null, 'not claims')).toBeNull();
  });
});
