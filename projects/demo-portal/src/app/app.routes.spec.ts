import { Component, type Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, type Route } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { autoLoginPartialRoutesGuard, OidcSecurityService } from 'angular-auth-oidc-client';

import { FakeOidcSecurityService } from '../testing/fake-oidc-security-service';
import { AccountOverview } from './account/overview/account-overview';
import { ProfilePage } from './account/profile/profile-page';
import { routes } from './app.routes';
import { NotFoundPage } from './not-found/not-found-page';
import { SupportPage } from './support/support-page';

function route(path: string): Route {
  const found = routes.find((r) => r.path === path);
  if (!found) {
    throw new Error(`no route "${path}"`);
  }
  return found;
}

async function componentOf(r: Route): Promise<Type<unknown>> {
  const loaded = await r.loadComponent?.();
  if (!loaded || !('prototype' in loaded)) {
    throw new Error(`route "${r.path}" loads no component`);
  }
  return loaded as Type<unknown>;
}

describe('routes', () => {
  it('guards the account area with autoLoginPartialRoutesGuard', () => {
    expect(route('account').canActivate).toContain(autoLoginPartialRoutesGuard);
  });

  it('re-checks the session when moving between account pages', () => {
    expect(route('account').canActivateChild).toContain(autoLoginPartialRoutesGuard);
  });

  it.each(['', 'support', 'callback', 'signed-out', '**'])(
    'leaves the public route "%s" unguarded',
    (path) => {
      const r = route(path);
      expect([r.canActivate, r.canActivateChild, r.canMatch].flat().filter(Boolean)).toEqual([]);
    },
  );

  it('loads every page lazily', () => {
    expect(routes.every((r) => r.loadComponent || r.loadChildren)).toBe(true);
  });

  it('keeps the wildcard route last so it cannot shadow a page', () => {
    expect(routes.at(-1)?.path).toBe('**');
    expect(routes.at(-1)?.loadComponent).toBeDefined();
  });

  it('shows the overview at /account and the profile at /account/profile', async () => {
    const children = ((await route('account').loadChildren?.()) as Route[])[0].children ?? [];
    const byPath = Object.fromEntries(
      await Promise.all(children.map(async (c) => [c.path, await componentOf(c)] as const)),
    );

    expect(byPath).toEqual({ '': AccountOverview, profile: ProfilePage });
  });

  describe('navigation', () => {
    @Component({ template: '' })
    class Blank {}

    beforeEach(() => {
      TestBed.configureTestingModule({
        providers: [
          // The real guard needs the whole auth stack; navigation here never enters /account.
          provideRouter(routes.map((r) => (r.path === 'account' ? { ...r, component: Blank } : r))),
          { provide: OidcSecurityService, useValue: new FakeOidcSecurityService() },
        ],
      });
    });

    it('renders the support page at /support', async () => {
      const harness = await RouterTestingHarness.create();

      expect(await harness.navigateByUrl('/support', SupportPage)).toBeInstanceOf(SupportPage);
    });

    it('renders the not-found page for an unknown URL', async () => {
      const harness = await RouterTestingHarness.create();

      expect(await harness.navigateByUrl('/no/such/page', NotFoundPage)).toBeInstanceOf(
        NotFoundPage,
      );
    });
  });
});
