import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

/** What {@link ConfirmDialog} asks. */
export interface ConfirmDialogData {
  /** The dialog's title, a question. */
  readonly title: string;
  /** One or two sentences on the consequences. */
  readonly message: string;
  /** The label of the button that confirms, a verb ("Delete"). */
  readonly confirmLabel: string;
  /** The label of the button that cancels. */
  readonly cancelLabel?: string;
  /** Whether confirming destroys something (the button is drawn in the error colour). */
  readonly destructive?: boolean;
}

/** A yes/no question; closes with `true` when confirmed. */
@Component({
  selector: 'admin-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">
        {{ data.cancelLabel ?? 'Cancel' }}
      </button>
      <button
        mat-flat-button
        type="button"
        [class.destructive]="data.destructive"
        [mat-dialog-close]="true"
      >
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
