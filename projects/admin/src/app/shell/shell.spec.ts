import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';

import { provideAdminTesting } from '../../testing/admin-testing';
import { ADA, ALICE, ROSALIND } from '../../testing/fake-oidc-security-service';
import { HttpActivity } from '../api/http-activity';
import { Shell } from './shell';

describe(Shell.name, () => {
  async function render(claims: Record<string, unknown>) {
    TestBed.configureTestingModule({ providers: provideAdminTesting({ claims }) });
    const fixture = TestBed.createComponent(Shell);
    const loader: HarnessLoader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    return {
      fixture,
      loader,
      text: () => (fixture.nativeElement as HTMLElement).textContent ?? '',
    };
  }

  it('shows an admin by name and role', async () => {
    const { text } = await render(ADA);

    expect(text()).toContain('Ada Admin');
    expect(text()).toContain('Admin');
  });

  it('marks a reader as read-only', async () => {
    const { text } = await render(ROSALIND);

    expect(text()).toContain('Rosalind Reader');
    expect(text()).toContain('Read-only');
  });

  it('marks a user with neither role as having no access', async () => {
    const { text } = await render(ALICE);

    expect(text()).toContain('No access');
  });

  it('offers a labelled sign-out button', async () => {
    const { loader } = await render(ADA);

    expect(
      await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[aria-label="Sign out"]' })),
    ).toHaveLength(1);
  });

  it('shows one progress bar while any request is in flight', async () => {
    const { loader, fixture } = await render(ADA);
    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toEqual([]);

    const end = TestBed.inject(HttpActivity).start();
    await fixture.whenStable();
    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveLength(1);

    end();
    await fixture.whenStable();
    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toEqual([]);
  });
});
