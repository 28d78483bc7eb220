import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import { provideZonelessChangeDetection } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import { of } from 'rxjs';

import { FakeOidcSecurityService } from '../../testing/fake-oidc-security-service';
import { Shell } from './shell';

/** Renders the shell with the real global styles, as a handset or a desktop layout. */
async function renderShell(options: {
  handset: boolean;
  width: number;
  signedIn: boolean;
}): Promise<ComponentFixture<Shell>> {
  const oidc = new FakeOidcSecurityService();
  if (options.signedIn) {
    oidc.signIn({ sub: 'alice' }, { sub: 'alice', name: 'Alice Anderson' });
  }
  const layout: BreakpointState = { matches: options.handset, breakpoints: {} };
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([]),
      { provide: OidcSecurityService, useValue: oidc },
      // The karma window cannot be resized from a spec: the layout is chosen here instead.
      { provide: BreakpointObserver, useValue: { observe: () => of(layout) } },
    ],
  });
  const fixture = TestBed.createComponent(Shell);
  const host: HTMLElement = fixture.nativeElement;
  host.style.width = `${options.width}px`;
  await fixture.whenStable();
  // Measure with the final fonts where the test server delivers them (it may not serve the
  // builder's media files); `<mat-icon>` boxes are fixed-size either way.
  await document.fonts.ready;
  return fixture;
}

function byTestId(fixture: ComponentFixture<Shell>, id: string): HTMLElement {
  const element = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(
    `[data-testid="${id}"]`,
  );
  if (!element) {
    throw new Error(`no element with data-testid "${id}"`);
  }
  return element;
}

function query(fixture: ComponentFixture<Shell>, selector: string): HTMLElement {
  const element = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(selector);
  if (!element) {
    throw new Error(`no element matches "${selector}"`);
  }
  return element;
}

function isInside(inner: DOMRect, outer: DOMRect): boolean {
  return (
    inner.left >= outer.left &&
    inner.right <= outer.right &&
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom
  );
}

describe('Shell rendered with the real theme', () => {
  for (const signedIn of [false, true]) {
    const who = signedIn ? 'signed in' : 'signed out';

    it(`does not overflow horizontally at 360 px wide when ${who}`, async () => {
      const fixture = await renderShell({ handset: true, width: 360, signedIn });
      const toolbar = query(fixture, 'mat-toolbar');

      expect(toolbar.scrollWidth).toBeLessThanOrEqual(toolbar.clientWidth);
      expect(fixture.nativeElement.scrollWidth).toBeLessThanOrEqual(360);
    });

    it(`keeps the session controls within the toolbar at 360 px wide when ${who}`, async () => {
      const fixture = await renderShell({ handset: true, width: 360, signedIn });
      const toolbar = query(fixture, 'mat-toolbar').getBoundingClientRect();
      const button = byTestId(fixture, signedIn ? 'sign-out' : 'sign-in');
      const status = byTestId(fixture, 'session-status');

      expect(isInside(button.getBoundingClientRect(), toolbar)).toBeTrue();
      expect(isInside(status.getBoundingClientRect(), toolbar)).toBeTrue();
      expect(status.getBoundingClientRect().width).toBeGreaterThan(0);
    });
  }

  it('shows the full user name next to the sign-out button at 360 px wide', async () => {
    const fixture = await renderShell({ handset: true, width: 360, signedIn: true });
    const name = byTestId(fixture, 'user-name');

    expect(name.scrollWidth).toBeLessThanOrEqual(name.clientWidth);
    expect(name.getBoundingClientRect().right).toBeLessThanOrEqual(
      byTestId(fixture, 'sign-out').getBoundingClientRect().left,
    );
  });

  it('places the side navigation beside the content on a wide screen', async () => {
    const fixture = await renderShell({ handset: false, width: 1280, signedIn: false });
    const sidenav = query(fixture, 'mat-sidenav').getBoundingClientRect();
    const main = query(fixture, 'main').getBoundingClientRect();

    expect(sidenav.width).toBeGreaterThan(0);
    expect(main.left).toBeGreaterThanOrEqual(sidenav.right);
  });

  it('keeps the skip link out of sight until it is focused', async () => {
    const fixture = await renderShell({ handset: false, width: 1280, signedIn: false });
    const skip = query(fixture, '.skip-link');

    expect(skip.getBoundingClientRect().bottom).toBeLessThanOrEqual(0);
  });

  it('shows the skip link inside the viewport when it receives focus', async () => {
    const fixture = await renderShell({ handset: false, width: 1280, signedIn: false });
    const skip = query(fixture, '.skip-link');

    skip.focus();
    const rect = skip.getBoundingClientRect();

    expect(document.activeElement).toBe(skip);
    expect(rect.top).toBeGreaterThanOrEqual(0);
    expect(rect.height).toBeGreaterThan(20);
  });

  it('moves keyboard focus to the main content when the skip link is activated', async () => {
    const fixture = await renderShell({ handset: false, width: 1280, signedIn: false });
    const skip = query(fixture, '.skip-link');
    const urlBefore = location.href;

    skip.focus();
    skip.click();

    expect(document.activeElement).toBe(query(fixture, 'main'));
    expect(location.href).toBe(urlBefore);
  });
});
