import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import type { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
import { isObservable, type Observable } from 'rxjs';

import { provideAdminTesting } from '../../../testing/admin-testing';
import { routes } from '../../app.routes';
import { type HasUnsavedChanges, unsavedChangesGuard } from './unsaved-changes.guard';

@Component({ template: '' })
class Host {}

describe('unsavedChangesGuard', () => {
  let overlays: HarnessLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideAdminTesting() });
    overlays = TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host));
  });

  function leave(dirty: boolean): boolean | Observable<boolean> {
    const page: HasUnsavedChanges = { hasUnsavedChanges: () => dirty };
    return TestBed.runInInjectionContext(
      () =>
        unsavedChangesGuard(
          page,
          {} as ActivatedRouteSnapshot,
          {} as RouterStateSnapshot,
          {} as RouterStateSnapshot,
        ) as boolean | Observable<boolean>,
    );
  }

  async function answer(dirtyAnswer: string): Promise<boolean | undefined> {
    const decision = leave(true);
    if (!isObservable(decision)) throw new Error('expected a question');
    let result: boolean | undefined;
    decision.subscribe((value) => (result = value));
    const dialog = await overlays.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Discard unsaved changes?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: dirtyAnswer }))).click();
    await overlays.getAllHarnesses(MatDialogHarness);
    return result;
  }

  it('lets the user leave a page without unsaved changes at once', async () => {
    expect(leave(false)).toBe(true);
    expect(await overlays.getAllHarnesses(MatDialogHarness)).toEqual([]);
  });

  it('keeps the user on the page when they choose to keep editing', async () => {
    expect(await answer('Keep editing')).toBe(false);
  });

  it('leaves when the user chooses to discard the changes', async () => {
    expect(await answer('Discard changes')).toBe(true);
  });

  it('guards the editor route', () => {
    const guarded = routes[2].children?.find((route) => route.path === 'profiles/:name');

    expect(guarded?.canDeactivate).toEqual([unsavedChangesGuard]);
  });
});
