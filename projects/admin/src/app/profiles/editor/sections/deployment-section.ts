import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { type FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { startWith, switchMap } from 'rxjs';

import type { GenesysForm } from '../profile-form';
import { fieldIdOf, type SchemaIssues } from '../schema-issues';

/** The "Genesys deployment" section: environment, web deployment and the domains it serves. */
@Component({
  selector: 'admin-deployment-section',
  imports: [MatFormFieldModule, MatInputModule, MatSlideToggleModule, ReactiveFormsModule],
  template: `
    <div class="grid" [formGroup]="group()">
      <mat-form-field>
        <mat-label>Environment</mat-label>
        <input
          matInput
          formControlName="environment"
          required
          [id]="id('genesys.environment')"
          [errorStateMatcher]="issues().matcher('genesys.environment')"
        />
        <mat-hint>A region (euw1, prod-apse2) or an https origin</mat-hint>
        <mat-error>{{ issues().errorFor('genesys.environment') }}</mat-error>
      </mat-form-field>

      <mat-form-field>
        <mat-label>Deployment id</mat-label>
        <input
          matInput
          formControlName="deploymentId"
          required
          spellcheck="false"
          [id]="id('genesys.deploymentId')"
          [errorStateMatcher]="issues().matcher('genesys.deploymentId')"
        />
        <mat-hint>The web deployment's UUID</mat-hint>
        <mat-error>{{ issues().errorFor('genesys.deploymentId') }}</mat-error>
      </mat-form-field>

      <mat-form-field class="wide">
        <mat-label>Deployment name</mat-label>
        <input
          matInput
          formControlName="deploymentName"
          required
          [id]="id('genesys.deploymentName')"
          [errorStateMatcher]="issues().matcher('genesys.deploymentName')"
        />
        <mat-error>{{ issues().errorFor('genesys.deploymentName') }}</mat-error>
      </mat-form-field>

      <mat-form-field class="wide">
        <mat-label>Description</mat-label>
        <textarea
          matInput
          rows="2"
          formControlName="deploymentDescription"
          [id]="id('genesys.deploymentDescription')"
          [errorStateMatcher]="issues().matcher('genesys.deploymentDescription')"
        ></textarea>
        <mat-hint>Optional</mat-hint>
        <mat-error>{{ issues().errorFor('genesys.deploymentDescription') }}</mat-error>
      </mat-form-field>

      <mat-slide-toggle
        class="wide"
        formControlName="allowAllDomains"
        [id]="id('genesys.allowAllDomains')"
      >
        Allow every domain to load the deployment
      </mat-slide-toggle>

      @if (!allowAllDomains()) {
        <mat-form-field class="wide">
          <mat-label>Allowed domains</mat-label>
          <input
            matInput
            formControlName="allowedDomains"
            required
            spellcheck="false"
            [id]="id('genesys.allowedDomains')"
            [errorStateMatcher]="issues().matcher('genesys.allowedDomains')"
          />
          <mat-hint>Hostnames or wildcards (*.example.com), separated by commas</mat-hint>
          <mat-error>{{ issues().errorFor('genesys.allowedDomains') }}</mat-error>
        </mat-form-field>
      }
    </div>
  `,
  styleUrl: './section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeploymentSection {
  /** The Genesys part of the form. */
  readonly group = input.required<FormGroup<GenesysForm>>();
  /** The schema's findings. */
  readonly issues = input.required<SchemaIssues>();

  protected readonly id = fieldIdOf;

  protected readonly allowAllDomains = toSignal(
    toObservable(this.group).pipe(
      switchMap((group) => {
        const control = group.controls.allowAllDomains;
        return control.valueChanges.pipe(startWith(control.value));
      }),
    ),
    { initialValue: false },
  );
}
