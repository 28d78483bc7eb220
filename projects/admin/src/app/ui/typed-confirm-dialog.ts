import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/** What {@link TypedConfirmDialog} asks. */
export interface TypedConfirmDialogData {
  /** The dialog's title, a question. */
  readonly title: string;
  /** One or two sentences on the consequences. */
  readonly message: string;
  /** The text to type to confirm: the name of what is about to go. */
  readonly expected: string;
  /** The label of the button that confirms, a verb ("Delete"). */
  readonly confirmLabel: string;
}

/**
 * A destructive action's confirmation: the button stays disabled until the name is typed exactly,
 * so a stray click or Enter cannot take a profile away. Closes with `true` when confirmed.
 */
@Component({
  selector: 'admin-typed-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule],
  template: `
    <form (submit)="confirm($event)">
      <h2 mat-dialog-title>{{ data.title }}</h2>
      <mat-dialog-content>
        <p>{{ data.message }}</p>
        <mat-form-field class="typed">
          <mat-label>Type {{ data.expected }} to confirm</mat-label>
          <input
            matInput
            data-testid="confirm-name"
            spellcheck="false"
            autocomplete="off"
            [value]="typed()"
            (input)="typed.set($any($event.target).value)"
          />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
        <button mat-flat-button type="submit" class="destructive" [disabled]="!matches()">
          {{ data.confirmLabel }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .typed {
      width: 100%;
      min-width: min(360px, 70vw);
    }
    .destructive:not(:disabled) {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TypedConfirmDialog {
  protected readonly data = inject<TypedConfirmDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<TypedConfirmDialog, boolean>>(MatDialogRef);

  protected readonly typed = signal('');
  protected readonly matches = computed(() => this.typed().trim() === this.data.expected);

  protected confirm(event: Event): void {
    event.preventDefault();
    if (this.matches()) this.dialogRef.close(true);
  }
}
