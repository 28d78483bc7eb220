import { crossSiteSessionCookie } from './session-cookie';

describe(crossSiteSessionCookie.name, () => {
  it('sends the session cookie SameSite=None and Secure instead of Lax', () => {
    const header =
      '_session=abc; path=/; expires=Wed, 01 Jan 2031 00:00:00 GMT; samesite=lax; httponly';
    expect(crossSiteSessionCookie(header)).toBe(
      '_session=abc; path=/; expires=Wed, 01 Jan 2031 00:00:00 GMT; httponly; samesite=none; secure',
    );
  });

  it('treats the signature cookie like the session cookie', () => {
    expect(crossSiteSessionCookie('_session.sig=xyz; path=/; samesite=lax; httponly')).toBe(
      '_session.sig=xyz; path=/; httponly; samesite=none; secure',
    );
  });

  it('keeps a deletion a deletion', () => {
    const header =
      '_session=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT; samesite=lax; httponly';
    expect(crossSiteSessionCookie(header)).toBe(
      '_session=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT; httponly; samesite=none; secure',
    );
  });

  it('leaves the interaction cookies of the login page Lax', () => {
    const header = '_interaction=uid; path=/interaction/uid; samesite=lax; httponly';
    expect(crossSiteSessionCookie(header)).toBe(header);
  });

  it('does not take a cookie whose name only starts like the session cookie for it', () => {
    const header = '_session_other=1; path=/; samesite=lax';
    expect(crossSiteSessionCookie(header)).toBe(header);
  });
});
