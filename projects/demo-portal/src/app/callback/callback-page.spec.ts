import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { OidcSecurityService } from 'angular-auth-oidc-client';

import { FakeOidcSecurityService } from '../../testing/fake-oidc-security-service';
import { CallbackPage } from './callback-page';

@Component({ template: 'account' })
class AccountStub {}

describe(CallbackPage.name, () => {
  let oidc: FakeOidcSecurityService;

  beforeEach(() => {
    oidc = new FakeOidcSecurityService();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'callback', component: CallbackPage },
          { path: 'account', component: AccountStub },
        ]),
        { provide: OidcSecurityService, useValue: oidc },
      ],
    });
  });

  it('forwards a freshly signed-in user to the account overview', async () => {
    oidc.signIn({ sub: 'alice' }, { sub: 'alice', name: 'Alice Anderson' });
    const harness = await RouterTestingHarness.create('/callback');

    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/account');
  });

  describe('when the code exchange left no session', () => {
    let loader: HarnessLoader;

    beforeEach(async () => {
      const harness = await RouterTestingHarness.create('/callback');
      loader = TestbedHarnessEnvironment.loader(harness.fixture);
    });

    it('stays on the callback page without a progress bar', async () => {
      expect(TestBed.inject(Router).url).toBe('/callback');
      expect(await loader.getAllHarnesses(MatProgressBarHarness)).toEqual([]);
    });

    it('offers to try the sign-in again', async () => {
      const retry = await loader.getHarness(
        MatButtonHarness.with({ selector: '[data-testid="callback-retry"]' }),
      );

      await retry.click();

      expect(oidc.calls.authorize).toBe(1);
    });
  });
});
