import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { type FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type MatSelectChange, MatSelectModule } from '@angular/material/select';
import {
  formatDuration,
  IDP_DURATION_FIELDS,
  IDP_KIND_NAMES,
  IDP_KINDS,
  type IdpFieldSpec,
  type IdpKind,
} from 'ngx-genesys-messenger-auth/profile';
import { startWith, switchMap } from 'rxjs';

import { applyIdpKind, type IdpForm } from '../profile-form';
import { fieldIdOf, type SchemaIssues } from '../schema-issues';
import { SecondsField } from './seconds-field';

/** A lifetime the chosen kind has, as the section shows it. */
interface LifetimeField {
  readonly field: (typeof IDP_DURATION_FIELDS)[number];
  readonly spec: IdpFieldSpec;
  readonly hint: string;
}

function hintOf(spec: IdpFieldSpec): string {
  const range = spec.range
    ? ` Accepted: ${formatDuration(spec.range.min)} – ${formatDuration(spec.range.max)}.`
    : '';
  return `${spec.hint}${spec.hint.includes(' – ') ? '' : range}`;
}

/**
 * The "IdP and lifetimes" section. The lifetimes shown, their labels (as the IdP's console names
 * them), ranges and hints follow the chosen IdP kind.
 */
@Component({
  selector: 'admin-idp-section',
  imports: [MatFormFieldModule, MatInputModule, MatSelectModule, ReactiveFormsModule, SecondsField],
  template: `
    <div class="grid" [formGroup]="group()">
      <mat-form-field class="wide">
        <mat-label>Identity provider</mat-label>
        <mat-select
          formControlName="kind"
          [id]="id('idp.kind')"
          [errorStateMatcher]="issues().matcher('idp.kind')"
          (selectionChange)="kindChosen($event)"
        >
          @for (kind of kinds; track kind) {
            <mat-option [value]="kind">{{ labelOf(kind) }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ issues().errorFor('idp.kind') }}</mat-error>
      </mat-form-field>
      <ul class="hints" aria-label="About this identity provider">
        @for (hint of spec().hints; track $index) {
          <li>{{ hint }}</li>
        }
      </ul>

      <mat-form-field class="wide">
        <mat-label>Issuer</mat-label>
        <input
          matInput
          type="url"
          formControlName="issuer"
          required
          spellcheck="false"
          [id]="id('idp.issuer')"
          [errorStateMatcher]="issues().matcher('idp.issuer')"
        />
        <mat-error>{{ issues().errorFor('idp.issuer') }}</mat-error>
      </mat-form-field>

      <mat-form-field>
        <mat-label>Portal client id</mat-label>
        <input
          matInput
          formControlName="portalClientId"
          required
          spellcheck="false"
          [id]="id('idp.portalClientId')"
          [errorStateMatcher]="issues().matcher('idp.portalClientId')"
        />
        <mat-hint>The portal's own client at the IdP</mat-hint>
        <mat-error>{{ issues().errorFor('idp.portalClientId') }}</mat-error>
      </mat-form-field>

      <mat-form-field>
        <mat-label>Scopes</mat-label>
        <input
          matInput
          formControlName="scopes"
          required
          spellcheck="false"
          [id]="id('idp.scopes')"
          [errorStateMatcher]="issues().matcher('idp.scopes')"
        />
        <mat-hint>Separated by spaces, e.g. openid profile offline_access</mat-hint>
        <mat-error>{{ issues().errorFor('idp.scopes') }}</mat-error>
      </mat-form-field>

      @for (lifetime of lifetimes(); track lifetime.field) {
        <admin-seconds-field
          [label]="lifetime.spec.label"
          [path]="'idp.' + lifetime.field"
          [hint]="lifetime.hint"
          [required]="lifetime.spec.required"
          [control]="group().controls[lifetime.field]"
          [issues]="issues()"
        />
      }
    </div>
  `,
  styleUrl: './section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IdpSection {
  /** The IdP part of the form. */
  readonly group = input.required<FormGroup<IdpForm>>();
  /** The schema's findings. */
  readonly issues = input.required<SchemaIssues>();

  protected readonly id = fieldIdOf;
  protected readonly kinds = IDP_KIND_NAMES;

  private readonly kind = toSignal(
    toObservable(this.group).pipe(
      switchMap((group) =>
        group.controls.kind.valueChanges.pipe(startWith(group.controls.kind.value)),
      ),
    ),
    { initialValue: 'generic' as IdpKind },
  );

  protected readonly spec = computed(() => IDP_KINDS[this.kind()] ?? IDP_KINDS.generic);

  protected readonly lifetimes = computed<LifetimeField[]>(() => {
    const fields = this.spec().fields;
    return IDP_DURATION_FIELDS.flatMap((field) => {
      const spec = fields[field];
      return spec ? [{ field, spec, hint: hintOf(spec) }] : [];
    });
  });

  protected labelOf(kind: IdpKind): string {
    return IDP_KINDS[kind].label;
  }

  protected kindChosen(event: MatSelectChange<IdpKind>): void {
    applyIdpKind(this.group(), event.value);
  }
}
