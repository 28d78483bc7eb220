import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { createDefaultProfile, validateProfile } from 'ngx-genesys-messenger-auth/profile';
import type { Observable } from 'rxjs';

import { apiFailureOf } from '../../api/api-failure';

/** What {@link ProfileNameDialog} asks for, and what it does with the name. */
export interface ProfileNameDialogData {
  readonly title: string;
  readonly confirmLabel: string;
  readonly initialName: string;
  /** Creates the profile under the chosen name. */
  readonly submit: (name: string) => Observable<void>;
}

/**
 * Asks for a new profile's name (checked by the schema's name rule) and creates the profile;
 * a taken name (409) is reported in the dialog. Closes with the name once created.
 */
@Component({
  selector: 'admin-profile-name-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
  ],
  template: `
    <form (submit)="submit($event)">
      <h2 mat-dialog-title>{{ data.title }}</h2>
      <mat-dialog-content>
        <mat-form-field class="name">
          <mat-label>Profile name</mat-label>
          <input
            matInput
            [formControl]="name"
            required
            spellcheck="false"
            autocomplete="off"
            [errorStateMatcher]="matcher"
          />
          <mat-hint>Lowercase letters, digits and "-"; it becomes part of URLs</mat-hint>
          <mat-error>{{ error() }}</mat-error>
        </mat-form-field>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" aria-label="Creating the profile" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ data.confirmLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .name {
      width: 100%;
      min-width: min(360px, 70vw);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileNameDialog {
  protected readonly data = inject<ProfileNameDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ProfileNameDialog, string>>(MatDialogRef);

  protected readonly name = new FormControl(this.data.initialName, { nonNullable: true });
  private readonly value = toSignal(this.name.valueChanges, { initialValue: this.name.value });
  protected readonly busy = signal(false);
  private readonly serverError = signal<{ name: string; message: string } | null>(null);
  private readonly attempted = signal(false);

  /** The schema's verdict on the name (the rest of the default profile is valid). */
  private readonly nameError = computed(() => {
    const result = validateProfile(createDefaultProfile(this.value().trim()));
    return result.valid ? '' : (result.errors.find((e) => e.path === 'name')?.message ?? '');
  });
  protected readonly error = computed(() => {
    const server = this.serverError();
    if (server && server.name === this.value().trim()) return server.message;
    return this.attempted() || this.value() !== this.data.initialName ? this.nameError() : '';
  });
  protected readonly matcher: ErrorStateMatcher = { isErrorState: () => this.error() !== '' };

  protected submit(event: Event): void {
    event.preventDefault();
    this.attempted.set(true);
    const name = this.value().trim();
    if (this.nameError() || this.busy()) return;
    this.busy.set(true);
    this.data.submit(name).subscribe({
      next: () => this.dialogRef.close(name),
      error: (error: unknown) => {
        this.busy.set(false);
        this.serverError.set({ name, message: apiFailureOf(error).message });
      },
    });
  }
}
