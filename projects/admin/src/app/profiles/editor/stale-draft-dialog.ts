import { Clipboard } from '@angular/cdk/clipboard';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Observable } from 'rxjs';

import { apiFailureOf } from '../../api/api-failure';
import type { ProfileDraft } from '../../api/profiles-api.models';
import { ChangeList } from '../../ui/change-list';
import { FileDownloader } from '../../ui/file-downloader';
import { diffProfiles } from '../profile-diff';

/** What {@link StaleDraftDialog} needs. */
export interface StaleDraftData {
  readonly name: string;
  /** The admin's unsaved edits, as they would have been saved. */
  readonly mine: Record<string, unknown>;
  /** Loads the draft the other admin saved. */
  readonly loadTheirs: () => Observable<ProfileDraft>;
}

/** How {@link StaleDraftDialog} closes: reload their draft, or keep editing as before. */
export type StaleDraftChoice = { readonly reload: ProfileDraft } | undefined;

/**
 * After a save refused with 412: someone else saved the draft meanwhile. Shows how the admin's
 * edits differ from their version, lets the admin keep the edits (download or copy as JSON)
 * and offers to reload their version. Nothing is overwritten from here.
 */
@Component({
  selector: 'admin-stale-draft-dialog',
  imports: [ChangeList, MatButtonModule, MatDialogModule, MatIconModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>Someone else saved this draft</h2>
    <mat-dialog-content>
      <p>
        @if (theirs(); as draft) {
          {{ draft.updatedBy ?? 'Another admin' }} saved {{ data.name }} after you opened it.
        } @else {
          Another admin saved {{ data.name }} after you opened it.
        }
        Your edits were not saved, and they are not lost: keep a copy, then reload their version.
      </p>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading their version" />
      } @else if (loadError(); as error) {
        <p class="error" role="alert">{{ error }}</p>
        <button mat-button type="button" (click)="load()">Try again</button>
      } @else {
        <h3 class="subtitle">Your edits compared with their version</h3>
        <admin-change-list
          [changes]="changes()"
          label="Your edits compared with their version"
          beforeLabel="Theirs:"
          afterLabel="Yours:"
          emptyText="Your draft is the same as theirs."
        />
      }
    </mat-dialog-content>
    <mat-dialog-actions>
      <button mat-button type="button" data-testid="download-mine" (click)="download()">
        <mat-icon aria-hidden="true">download</mat-icon>
        Download my edits
      </button>
      <button mat-button type="button" data-testid="copy-mine" (click)="copy()">
        <mat-icon aria-hidden="true">content_copy</mat-icon>
        {{ copied() ? 'Copied' : 'Copy my edits' }}
      </button>
      <span class="admin-spacer"></span>
      <button mat-button type="button" mat-dialog-close>Keep editing</button>
      <button
        mat-flat-button
        type="button"
        data-testid="reload-theirs"
        [disabled]="!theirs()"
        (click)="reload()"
      >
        Reload their version
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .subtitle {
      font: var(--mat-sys-title-small);
      margin: 8px 0;
    }
    .error {
      color: var(--mat-sys-error);
    }
    mat-dialog-actions {
      flex-wrap: wrap;
      gap: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaleDraftDialog {
  protected readonly data = inject<StaleDraftData>(MAT_DIALOG_DATA);
  private readonly dialogRef =
    inject<MatDialogRef<StaleDraftDialog, StaleDraftChoice>>(MatDialogRef);
  private readonly downloader = inject(FileDownloader);
  private readonly clipboard = inject(Clipboard);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly theirs = signal<ProfileDraft | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly copied = signal(false);
  protected readonly changes = computed(() => diffProfiles(this.theirs()?.profile, this.data.mine));

  private readonly json = JSON.stringify(this.data.mine, null, 2);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.data
      .loadTheirs()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (draft) => {
          this.theirs.set(draft);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.loadError.set(apiFailureOf(error).message);
          this.loading.set(false);
        },
      });
  }

  protected download(): void {
    this.downloader.save(`${this.data.name}-my-edits.json`, this.json, 'application/json');
  }

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.json));
  }

  protected reload(): void {
    const draft = this.theirs();
    if (draft) this.dialogRef.close({ reload: draft });
  }
}
