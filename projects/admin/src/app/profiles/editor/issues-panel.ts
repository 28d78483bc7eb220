import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

import type { EditorIssue } from './schema-issues';

const ICONS = { error: 'error', warning: 'warning', info: 'info' } as const;
const ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Every finding of the schema (and of the server) about the profile, errors first, each with the
 * field's path; choosing one moves the focus to its field.
 */
@Component({
  selector: 'admin-issues-panel',
  imports: [MatIconModule],
  template: `
    @if (sorted().length === 0) {
      <p class="none" data-testid="no-issues">
        <mat-icon aria-hidden="true">check_circle</mat-icon> No errors or warnings.
      </p>
    } @else {
      <ul class="issues" data-testid="issues">
        @for (issue of sorted(); track $index) {
          <li [class]="issue.severity" data-testid="issue">
            <mat-icon aria-hidden="true">{{ icons[issue.severity] }}</mat-icon>
            <div class="text">
              <span class="visually-hidden">{{ issue.severity }}:</span>
              <span class="message">{{ issue.message }}</span>
              @if (issue.path) {
                <button
                  type="button"
                  class="path"
                  [attr.aria-label]="'Go to field ' + issue.path"
                  (click)="fieldChosen.emit(issue.path)"
                >
                  <code>{{ issue.path }}</code>
                </button>
              }
            </div>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .issues {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      gap: 8px;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .text {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .error mat-icon {
      color: var(--mat-sys-error);
    }
    .warning mat-icon {
      color: #8a5a00;
    }
    .info mat-icon {
      color: var(--mat-sys-primary);
    }
    mat-icon {
      flex: none;
    }
    .path {
      align-self: flex-start;
      padding: 2px 4px;
      border: 0;
      border-radius: 4px;
      background: none;
      color: var(--mat-sys-primary);
      cursor: pointer;
      text-align: left;
      text-decoration: underline;
      font: inherit;
      min-height: 24px;
    }
    .path:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .none {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IssuesPanel {
  /** The issues, any order. */
  readonly issues = input.required<readonly EditorIssue[]>();
  /** Emits the path of the field whose issue the user chose. */
  readonly fieldChosen = output<string>();

  protected readonly icons = ICONS;
  protected readonly sorted = computed(() =>
    [...this.issues()].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]),
  );
}
