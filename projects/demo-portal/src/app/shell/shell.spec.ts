import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OidcSecurityService } from 'angular-auth-oidc-client';

import { FakeOidcSecurityService } from '../../testing/fake-oidc-security-service';
import { Session } from '../auth/session';
import { Shell } from './shell';
import { SessionAreaHarness } from './session-area-harness';

describe(Shell.name, () => {
  let oidc: FakeOidcSecurityService;
  let loader: HarnessLoader;

  beforeEach(async () => {
    oidc = new FakeOidcSecurityService();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: OidcSecurityService, useValue: oidc }],
    });
    const fixture = TestBed.createComponent(Shell);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  async function sessionArea(): Promise<SessionAreaHarness> {
    return loader.getHarness(SessionAreaHarness);
  }

  function signInAsAlice(): void {
    oidc.signIn({ sub: 'alice' }, { sub: 'alice', name: 'Alice Anderson' });
  }

  describe('when signed out', () => {
    it('says "Signed out"', async () => {
      expect(await (await sessionArea()).getStatus()).toEqual({
        text: 'Signed out',
        state: 'signed-out',
      });
    });

    it('offers a sign-in button', async () => {
      const button = await (await sessionArea()).getSignInButton();

      expect(await button?.getText()).toContain('Sign in');
    });

    it('shows neither a name nor a sign-out button', async () => {
      const area = await sessionArea();

      expect(await area.getUserName()).toBeNull();
      expect(await area.getSignOutButton()).toBeNull();
    });

    it('asks the session to sign in when the button is clicked', async () => {
      const signIn = jest.spyOn(TestBed.inject(Session), 'signIn');

      await (await (await sessionArea()).getSignInButton())?.click();

      expect(signIn).toHaveBeenCalledTimes(1);
    });
  });

  describe('when signed in', () => {
    beforeEach(signInAsAlice);

    it('says "Signed in"', async () => {
      expect(await (await sessionArea()).getStatus()).toEqual({
        text: 'Signed in',
        state: 'signed-in',
      });
    });

    it("shows the user's display name", async () => {
      expect(await (await sessionArea()).getUserName()).toBe('Alice Anderson');
    });

    it('offers a sign-out button instead of the sign-in button', async () => {
      const area = await sessionArea();

      expect(await (await area.getSignOutButton())?.getText()).toContain('Sign out');
      expect(await area.getSignInButton()).toBeNull();
    });

    it('asks the session to sign out when the button is clicked', async () => {
      const signOut = jest.spyOn(TestBed.inject(Session), 'signOut');

      await (await (await sessionArea()).getSignOutButton())?.click();

      expect(signOut).toHaveBeenCalledTimes(1);
    });
  });
});
