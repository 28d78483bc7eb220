import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

import type { EditorIssue } from './schema-issues';

/** What {@link ImportErrorsDialog} shows. */
export interface ImportErrorsData {
  readonly fileName: string;
  readonly errors: readonly EditorIssue[];
}

/** Why an imported file was refused: every schema error with its path. Nothing was changed. */
@Component({
  selector: 'admin-import-errors-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>{{ data.fileName }} was not imported</h2>
    <mat-dialog-content>
      <p>The draft is unchanged. Fix these problems in the file and import it again:</p>
      <ul class="errors" data-testid="import-errors">
        @for (error of data.errors; track $index) {
          <li>
            @if (error.path) {
              <code>{{ error.path }}</code>
            }
            <span>{{ error.message }}</span>
          </li>
        }
      </ul>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .errors {
      padding-left: 20px;
    }
    li {
      margin: 6px 0;
      overflow-wrap: anywhere;
    }
    code {
      display: block;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportErrorsDialog {
  protected readonly data = inject<ImportErrorsData>(MAT_DIALOG_DATA);
}
