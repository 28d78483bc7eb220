import { inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { CanDeactivateFn } from '@angular/router';
import { map } from 'rxjs';

import { ConfirmDialog, type ConfirmDialogData } from '../../ui/confirm-dialog';

/** A page that may hold edits the user has not saved. */
export interface HasUnsavedChanges {
  /** Whether leaving now would lose edits. */
  hasUnsavedChanges(): boolean;
}

/** Asks before leaving a page with unsaved edits; stays unless the user chooses to discard. */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = (component) => {
  if (!component.hasUnsavedChanges()) return true;
  return inject(MatDialog)
    .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data: {
        title: 'Discard unsaved changes?',
        message: 'Your edits to this draft are not saved. If you leave now, they are lost.',
        confirmLabel: 'Discard changes',
        cancelLabel: 'Keep editing',
        destructive: true,
      },
    })
    .afterClosed()
    .pipe(map((discard) => discard === true));
};
