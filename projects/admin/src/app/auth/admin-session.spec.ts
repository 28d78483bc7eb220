import { TestBed } from '@angular/core/testing';
import { OidcSecurityService } from 'angular-auth-oidc-client';

import {
  ADA,
  ALICE,
  FakeOidcSecurityService,
  ROSALIND,
} from '../../testing/fake-oidc-security-service';
import { AdminSession } from './admin-session';

describe(AdminSession.name, () => {
  let oidc: FakeOidcSecurityService;
  let session: AdminSession;

  beforeEach(() => {
    oidc = new FakeOidcSecurityService();
    TestBed.configureTestingModule({
      providers: [{ provide: OidcSecurityService, useValue: oidc }],
    });
    session = TestBed.inject(AdminSession);
  });

  it('knows nobody while signed out', () => {
    expect(session.isAuthenticated()).toBe(false);
    expect(session.identity()).toBeNull();
    expect(session.isAdmin()).toBe(false);
  });

  it('reads an admin from the ID token', () => {
    oidc.signIn(ADA);

    expect(session.identity()?.displayName).toBe('Ada Admin');
    expect(session.isAdmin()).toBe(true);
  });

  it('treats a reader as signed in but not an admin', () => {
    oidc.signIn(ROSALIND);

    expect(session.isAuthenticated()).toBe(true);
    expect(session.isAdmin()).toBe(false);
    expect(session.identity()?.canRead).toBe(true);
  });

  it('knows a customer may not even read', () => {
    oidc.signIn(ALICE);

    expect(session.identity()?.canRead).toBe(false);
  });

  it('hands sign-in and sign-out to angular-auth-oidc-client', () => {
    session.signIn();
    session.signOut();

    expect(oidc.calls).toEqual({ authorize: 1, logoffAndRevokeTokens: 1, logoff: 0 });
  });
});
