import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

import type { ProfileChange } from '../../api/profiles-api.models';
import { ChangeList } from '../../ui/change-list';
import type { EditorIssue } from './schema-issues';

/** What {@link PublishDialog} shows. */
export interface PublishDialogData {
  readonly name: string;
  /** The latest published version, `null` for the first publish. */
  readonly fromVersion: number | null;
  /** The draft's changes against that version. */
  readonly changes: readonly ProfileChange[];
  /** The schema's warnings about the draft. */
  readonly warnings: readonly EditorIssue[];
}

/** The confirmation before publishing: what changes for the portals, then "Publish". */
@Component({
  selector: 'admin-publish-dialog',
  imports: [ChangeList, MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>Publish {{ data.name }}?</h2>
    <mat-dialog-content>
      <p>
        @if (data.fromVersion === null) {
          This is the first version: portals start using it as soon as it is published.
        } @else {
          Changes against the published version {{ data.fromVersion }}; portals pick them up at
          their next start.
        }
      </p>
      <admin-change-list
        [changes]="data.changes"
        [label]="'Changes to publish'"
        [beforeLabel]="data.fromVersion === null ? 'Before:' : 'v' + data.fromVersion + ':'"
        afterLabel="Draft:"
        emptyText="The draft is the same as the published version."
      />
      @if (data.warnings.length) {
        <h3 class="warnings-title">Warnings</h3>
        <ul class="warnings">
          @for (warning of data.warnings; track $index) {
            <li>{{ warning.message }}</li>
          }
        </ul>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
      <button
        mat-flat-button
        type="button"
        data-testid="confirm-publish"
        [mat-dialog-close]="true"
        [disabled]="data.fromVersion !== null && data.changes.length === 0"
      >
        Publish version {{ (data.fromVersion ?? 0) + 1 }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .warnings-title {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    .warnings {
      padding-left: 20px;
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublishDialog {
  protected readonly data = inject<PublishDialogData>(MAT_DIALOG_DATA);
}
