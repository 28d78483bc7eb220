import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  formatDuration,
  MAX_REFRESH_TOKEN_LIFETIME_RANGE_SECONDS,
} from 'ngx-genesys-messenger-auth/profile';

import type { GenesysForm } from '../profile-form';
import { fieldIdOf, type SchemaIssues } from '../schema-issues';
import { SecondsField } from './seconds-field';

const RANGE = MAX_REFRESH_TOKEN_LIFETIME_RANGE_SECONDS;

/**
 * The "Authentication and integration" section: the Messenger configuration's authentication
 * settings and the OpenID Connect integration Genesys exchanges codes with.
 */
@Component({
  selector: 'admin-integration-section',
  imports: [
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    ReactiveFormsModule,
    SecondsField,
  ],
  template: `
    <div class="grid" [formGroup]="group()">
      <ng-container formGroupName="authentication">
        <mat-slide-toggle
          class="wide"
          formControlName="enabled"
          [id]="id('genesys.authentication.enabled')"
        >
          Authenticated web messaging
        </mat-slide-toggle>
        <mat-form-field>
          <mat-label>Integration id</mat-label>
          <input
            matInput
            formControlName="integrationId"
            required
            spellcheck="false"
            [id]="id('genesys.authentication.integrationId')"
            [errorStateMatcher]="issues().matcher('genesys.authentication.integrationId')"
          />
          <mat-hint>The OpenID Connect Messenger Configuration's id</mat-hint>
          <mat-error>{{ issues().errorFor('genesys.authentication.integrationId') }}</mat-error>
        </mat-form-field>
        <mat-slide-toggle
          formControlName="allowSessionUpgrade"
          [id]="id('genesys.authentication.allowSessionUpgrade')"
        >
          Let anonymous conversations sign in
        </mat-slide-toggle>
      </ng-container>

      <ng-container formGroupName="integration">
        <mat-form-field class="wide">
          <mat-label>Discovery URI</mat-label>
          <input
            matInput
            type="url"
            formControlName="discoveryUri"
            required
            spellcheck="false"
            [id]="id('genesys.integration.discoveryUri')"
            [errorStateMatcher]="issues().matcher('genesys.integration.discoveryUri')"
          />
          <mat-hint>The IdP's …/.well-known/openid-configuration</mat-hint>
          <mat-error>{{ issues().errorFor('genesys.integration.discoveryUri') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Genesys client id</mat-label>
          <input
            matInput
            formControlName="clientId"
            required
            spellcheck="false"
            [id]="id('genesys.integration.clientId')"
            [errorStateMatcher]="issues().matcher('genesys.integration.clientId')"
          />
          <mat-hint>The client Genesys uses at the IdP</mat-hint>
          <mat-error>{{ issues().errorFor('genesys.integration.clientId') }}</mat-error>
        </mat-form-field>
        <admin-seconds-field
          label="Max Refresh Token Lifetime"
          path="genesys.integration.maxRefreshTokenLifetimeSeconds"
          [hint]="refreshRangeHint"
          [required]="true"
          [control]="group().controls.integration.controls.maxRefreshTokenLifetimeSeconds"
          [issues]="issues()"
        />
        <p class="note">
          The integration's client secret is never stored in a profile: enter it in Genesys Cloud.
        </p>
      </ng-container>
    </div>
  `,
  styleUrl: './section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IntegrationSection {
  /** The Genesys part of the form. */
  readonly group = input.required<FormGroup<GenesysForm>>();
  /** The schema's findings. */
  readonly issues = input.required<SchemaIssues>();

  protected readonly id = fieldIdOf;
  protected readonly refreshRangeHint = `${formatDuration(RANGE.min)} – ${formatDuration(RANGE.max)}`;
}
