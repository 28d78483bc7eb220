import { TestBed } from '@angular/core/testing';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import { throwError } from 'rxjs';

import { FakeOidcSecurityService } from '../../testing/fake-oidc-security-service';
import { Session } from './session';

describe(Session.name, () => {
  let oidc: FakeOidcSecurityService;
  let session: Session;

  beforeEach(() => {
    oidc = new FakeOidcSecurityService();
    TestBed.configureTestingModule({
      providers: [{ provide: OidcSecurityService, useValue: oidc }],
    });
    session = TestBed.inject(Session);
  });

  it('is signed out while angular-auth-oidc-client reports no session', () => {
    expect(session.isAuthenticated()).toBe(false);
    expect(session.userName()).toBeNull();
    expect(session.profile()).toBeNull();
  });

  it('follows angular-auth-oidc-client into the signed-in state', () => {
    oidc.signIn({ sub: 'alice' }, { sub: 'alice', name: 'Alice Anderson' });

    expect(session.isAuthenticated()).toBe(true);
  });

  it('names the user from the UserInfo claims', () => {
    oidc.signIn({ sub: 'alice' }, { sub: 'alice', name: 'Alice Anderson' });

    expect(session.userName()).toBe('Alice Anderson');
  });

  it('takes roles from the ID token when UserInfo does not carry them', () => {
    oidc.signIn({ sub: 'ada', roles: ['admin'] }, { sub: 'ada', name: 'Ada Admin' });

    expect(session.profile()?.roles).toEqual(['admin']);
  });

  it('forgets the user when angular-auth-oidc-client signs out', () => {
    oidc.signIn({ sub: 'alice' }, { sub: 'alice', name: 'Alice Anderson' });
    oidc.signOut();

    expect(session.isAuthenticated()).toBe(false);
    expect(session.userName()).toBeNull();
  });

  it('hides the name while the session is not valid even if user data lingers', () => {
    oidc.signIn({ sub: 'alice' }, { sub: 'alice', name: 'Alice Anderson' });
    oidc.authenticated.next({ isAuthenticated: false, allConfigsAuthenticated: [] });

    expect(session.userName()).toBeNull();
  });

  it('starts the authorization redirect on sign-in', () => {
    session.signIn();

    expect(oidc.calls.authorize).toBe(1);
  });

  it('revokes the tokens and ends the IdP session on sign-out', () => {
    session.signOut();

    expect(oidc.calls.logoffAndRevokeTokens).toBe(1);
    expect(oidc.calls.logoff).toBe(0);
  });

  it('still ends the IdP session when revoking the tokens fails', () => {
    oidc.revocation = throwError(() => new Error('revoke token failed'));

    session.signOut();

    expect(oidc.calls.logoff).toBe(1);
  });
});
