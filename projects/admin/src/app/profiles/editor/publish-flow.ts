import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { EMPTY, finalize, type Observable, of, switchMap, tap } from 'rxjs';

import { apiFailureOf } from '../../api/api-failure';
import { ProfilesApi } from '../../api/profiles-api';
import type { ProfileChange, ProfileDraft } from '../../api/profiles-api.models';
import { Notifier } from '../../ui/notifier';
import { diffProfiles } from '../profile-diff';
import { DraftEditor } from './draft-editor';
import { PublishDialog, type PublishDialogData } from './publish-dialog';

/**
 * Publishing a saved draft: fetch its diff against the latest version, confirm it in a dialog,
 * then `POST /publish` with `If-Match` so the admin publishes exactly what they reviewed.
 */
@Injectable()
export class PublishFlow {
  private readonly api = inject(ProfilesApi);
  private readonly editor = inject(DraftEditor);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  /** Whether the diff or the publish request is in flight. */
  readonly busy = signal(false);

  /** Starts the flow; does nothing while the draft has unsaved edits or errors. */
  start(): void {
    const draft = this.editor.draft();
    if (!draft || this.busy() || this.editor.dirty() || !this.editor.validation().valid) return;
    const name = this.editor.name();
    this.busy.set(true);
    this.changesOf(draft)
      .pipe(
        tap(() => this.busy.set(false)),
        switchMap((changes) => this.confirm(name, draft, changes)),
        switchMap((confirmed) => {
          if (!confirmed) return EMPTY;
          this.busy.set(true);
          return this.api.publish(name, draft.etag);
        }),
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (result) => {
          const version = result.version || (draft.publishedVersion ?? 0) + 1;
          this.editor.published(version, result.etag);
          this.notifier.success(`Published ${name} as version ${version}.`);
        },
        error: (error: unknown) => {
          const failure = apiFailureOf(error);
          this.notifier.error(
            failure.kind === 'stale'
              ? 'Someone else saved the draft meanwhile: reload the page and review it before publishing.'
              : failure.message,
          );
        },
      });
  }

  private changesOf(draft: ProfileDraft): Observable<readonly ProfileChange[]> {
    const from = draft.publishedVersion;
    // Before the first publish there is no version to diff against on the server.
    return from === null
      ? of(diffProfiles(null, draft.profile))
      : this.api.diff(this.editor.name(), from, 'draft');
  }

  private confirm(
    name: string,
    draft: ProfileDraft,
    changes: readonly ProfileChange[],
  ): Observable<boolean | undefined> {
    return this.dialog
      .open<PublishDialog, PublishDialogData, boolean>(PublishDialog, {
        data: {
          name,
          fromVersion: draft.publishedVersion,
          changes,
          warnings: this.editor.issues().filter((issue) => issue.severity === 'warning'),
        },
        width: '720px',
        maxWidth: 'calc(100vw - 16px)',
      })
      .afterClosed();
  }
}
