import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { REAUTH_MODES, type ReauthMode } from 'ngx-genesys-messenger-auth/profile';

import type { RefreshForm } from '../profile-form';
import { fieldIdOf, type SchemaIssues } from '../schema-issues';
import { SecondsField } from './seconds-field';

const REAUTH_LABELS: Record<ReauthMode, string> = {
  'silent-then-interactive': 'Silently, then with a login page',
  'silent-only': 'Silently only (never redirect)',
};

/** The "Refresh policy" section: how the bridge keeps the Genesys JWT fresh. */
@Component({
  selector: 'admin-refresh-section',
  imports: [MatFormFieldModule, MatSelectModule, ReactiveFormsModule, SecondsField],
  template: `
    <div class="grid" [formGroup]="group()">
      <admin-seconds-field
        label="Refresh lead"
        path="refresh.leadSeconds"
        hint="How long before the JWT expires to refresh it; must be below the JWT lifetime"
        [required]="true"
        [control]="group().controls.leadSeconds"
        [issues]="issues()"
      />
      <admin-seconds-field
        label="Shortest lead"
        path="refresh.floorSeconds"
        hint="The lead for very short JWTs; at most the refresh lead"
        [required]="true"
        [control]="group().controls.floorSeconds"
        [issues]="issues()"
      />
      <admin-seconds-field
        label="Longest retry delay"
        path="refresh.backoffCapSeconds"
        hint="Caps the backoff after a failed refresh"
        [required]="true"
        [control]="group().controls.backoffCapSeconds"
        [issues]="issues()"
      />
      <mat-form-field>
        <mat-label>Re-authentication</mat-label>
        <mat-select
          formControlName="reauthMode"
          [id]="id('refresh.reauthMode')"
          [errorStateMatcher]="issues().matcher('refresh.reauthMode')"
        >
          @for (mode of modes; track mode) {
            <mat-option [value]="mode">{{ labels[mode] }}</mat-option>
          }
        </mat-select>
        <mat-hint>When the session cannot be refreshed any more</mat-hint>
        <mat-error>{{ issues().errorFor('refresh.reauthMode') }}</mat-error>
      </mat-form-field>
    </div>
  `,
  styleUrl: './section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RefreshSection {
  /** The refresh part of the form. */
  readonly group = input.required<FormGroup<RefreshForm>>();
  /** The schema's findings. */
  readonly issues = input.required<SchemaIssues>();

  protected readonly id = fieldIdOf;
  protected readonly modes = REAUTH_MODES;
  protected readonly labels = REAUTH_LABELS;
}
