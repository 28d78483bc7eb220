import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatChipHarness } from '@angular/material/chips/testing';
import { MatListHarness } from '@angular/material/list/testing';
import { provideRouter } from '@angular/router';
import { OidcSecurityService } from 'angular-auth-oidc-client';

import { FakeOidcSecurityService } from '../../../testing/fake-oidc-security-service';
import { ProfilePage } from './profile-page';

describe(ProfilePage.name, () => {
  let oidc: FakeOidcSecurityService;
  let loader: HarnessLoader;

  beforeEach(async () => {
    oidc = new FakeOidcSecurityService();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: OidcSecurityService, useValue: oidc }],
    });
  });

  async function render(): Promise<void> {
    const fixture = TestBed.createComponent(ProfilePage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  /** Maps each detail's label (the item's secondary line) to its value (the item's title). */
  async function details(): Promise<Record<string, string>> {
    const list = await loader.getHarness(MatListHarness);
    const entries = await Promise.all(
      (await list.getItems()).map(async (item) => [
        (await item.getSecondaryText()) ?? '',
        await item.getTitle(),
      ]),
    );
    return Object.fromEntries(entries);
  }

  describe('for a customer with a role', () => {
    beforeEach(async () => {
      oidc.signIn(
        { sub: 'ada-7f3', roles: ['admin'] },
        {
          sub: 'ada-7f3',
          name: 'Ada Admin',
          preferred_username: 'ada',
          email: 'ada@example.com',
          email_verified: true,
        },
      );
      await render();
    });

    it('shows the name, username, email and customer ID from the claims', async () => {
      expect(await details()).toEqual({
        'Full name': 'Ada Admin',
        Username: 'ada',
        'Email · verified': 'ada@example.com',
        'Customer ID': 'ada-7f3',
      });
    });

    it('lists the roles from the ID token', async () => {
      const chips = await loader.getAllHarnesses(MatChipHarness);

      expect(await Promise.all(chips.map((chip) => chip.getText()))).toEqual(['admin']);
    });
  });

  describe('for a customer without roles or email', () => {
    beforeEach(async () => {
      oidc.signIn({ sub: 'bob' }, { sub: 'bob', name: 'Bob Baker', preferred_username: 'bob' });
      await render();
    });

    it('says the email address is not provided', async () => {
      expect((await details())['Email']).toBe('Not provided');
    });

    it('shows no role chips', async () => {
      expect(await loader.getAllHarnesses(MatChipHarness)).toEqual([]);
    });
  });

  it('shows no details before the claims have arrived', async () => {
    await render();

    expect(await loader.getAllHarnesses(MatListHarness)).toEqual([]);
  });
});
