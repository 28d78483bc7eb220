import { readAdminIdentity } from './admin-identity';

describe(readAdminIdentity.name, () => {
  it('recognises an admin by the admin role', () => {
    const identity = readAdminIdentity({ sub: 'ada', name: 'Ada Admin', roles: ['admin'] });

    expect(identity).toEqual({
      subject: 'ada',
      displayName: 'Ada Admin',
      roles: ['admin'],
      isAdmin: true,
      canRead: true,
    });
  });

  it('treats a user without the admin role as a reader', () => {
    expect(readAdminIdentity({ sub: 'alice', roles: ['customer'] })?.isAdmin).toBe(false);
  });

  it('accepts a space-separated roles string', () => {
    expect(readAdminIdentity({ sub: 'x', roles: 'customer admin' })?.roles).toEqual([
      'customer',
      'admin',
    ]);
  });

  it('names the user from given and family name, then the username', () => {
    expect(
      readAdminIdentity({ sub: 'x', given_name: 'Ada', family_name: 'Admin' })?.displayName,
    ).toBe('Ada Admin');
    expect(readAdminIdentity({ sub: 'x', preferred_username: 'ada' })?.displayName).toBe('ada');
  });

  it('returns null for claims without a subject', () => {
    expect(readAdminIdentity({ name: 'nobody' })).toBeNull();
    expect(readAdminIdentity(null)).toBeNull();
  });
});
