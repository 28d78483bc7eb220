import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { formatDuration } from 'ngx-genesys-messenger-auth/profile';
import { startWith, switchMap } from 'rxjs';

import type { SecondsControl } from '../profile-form';
import { fieldIdOf, type SchemaIssues } from '../schema-issues';

/**
 * A duration field in seconds, as the IdP consoles and Genesys take them, with the value read
 * back in hours or days beside it and the schema's error underneath.
 */
@Component({
  selector: 'admin-seconds-field',
  imports: [MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <mat-form-field class="field">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        type="number"
        inputmode="numeric"
        step="1"
        [id]="id()"
        [formControl]="control()"
        [required]="required()"
        [errorStateMatcher]="issues().matcher(path())"
      />
      <span matTextSuffix>s</span>
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      @if (readable(); as readable) {
        <mat-hint class="readable" align="end">= {{ readable }}</mat-hint>
      }
      <mat-error>{{ issues().errorFor(path()) }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      width: 100%;
    }
    .readable {
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecondsField {
  /** The control holding the seconds. */
  readonly control = input.required<SecondsControl>();
  /** The field's path in the profile, e.g. `refresh.leadSeconds`. */
  readonly path = input.required<string>();
  /** The field's label. */
  readonly label = input.required<string>();
  /** A hint: ranges, defaults, where the console sets it. */
  readonly hint = input('');
  /** Whether the schema requires it. */
  readonly required = input(false);
  /** The schema's findings. */
  readonly issues = input.required<SchemaIssues>();

  protected readonly id = computed(() => fieldIdOf(this.path()));

  private readonly value = toSignal(
    toObservable(this.control).pipe(
      switchMap((control) => control.valueChanges.pipe(startWith(control.value))),
    ),
    { initialValue: null },
  );

  /** The value in the largest whole unit, e.g. `5 min`; empty when not a whole positive number. */
  protected readonly readable = computed(() => {
    const value = this.value();
    return typeof value === 'number' && Number.isInteger(value) && value > 0
      ? formatDuration(value)
      : '';
  });
}
