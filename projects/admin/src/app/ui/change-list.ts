import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { ProfileChange } from '../api/profiles-api.models';

/** Shows a value of a change; `undefined` means the field is absent on that side. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The fields that differ between two states of a profile, one block per field (no table, so it
 * fits 360 px), with "before"/"after" spelled out for screen readers.
 */
@Component({
  selector: 'admin-change-list',
  template: `
    @if (changes().length === 0) {
      <p class="none" data-testid="no-changes">{{ emptyText() }}</p>
    } @else {
      <ul class="changes" [attr.aria-label]="label()">
        @for (change of changes(); track change.path) {
          <li class="change" data-testid="change">
            <code class="path">{{ change.path }}</code>
            <div class="values">
              <span class="before">
                <span class="tag">{{ beforeLabel() }}</span>
                <del>{{ show(change.before) }}</del>
              </span>
              <span class="after">
                <span class="tag">{{ afterLabel() }}</span>
                <ins>{{ show(change.after) }}</ins>
              </span>
            </div>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .changes {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .change {
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .path {
      font-weight: 500;
    }
    .values {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin-top: 4px;
    }
    .before,
    .after {
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .tag {
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
      margin-right: 4px;
    }
    del {
      color: var(--mat-sys-error);
    }
    ins {
      text-decoration: none;
      color: var(--mat-sys-primary);
      font-weight: 500;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangeList {
  /** The changes to show. */
  readonly changes = input.required<readonly ProfileChange[]>();
  /** An accessible name for the list. */
  readonly label = input('Changed fields');
  /** What the old side is called. */
  readonly beforeLabel = input('Before:');
  /** What the new side is called. */
  readonly afterLabel = input('After:');
  /** The text shown when nothing changed. */
  readonly emptyText = input('No differences.');

  protected readonly show = showValue;
}
