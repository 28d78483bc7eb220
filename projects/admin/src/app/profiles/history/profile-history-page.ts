import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { filter, forkJoin, switchMap } from 'rxjs';

import { apiFailureOf } from '../../api/api-failure';
import { ProfilesApi } from '../../api/profiles-api';
import type {
  DiffSide,
  ProfileChange,
  ProfileDraft,
  ProfileVersionSummary,
} from '../../api/profiles-api.models';
import { AdminSession } from '../../auth/admin-session';
import { ChangeList } from '../../ui/change-list';
import { ConfirmDialog, type ConfirmDialogData } from '../../ui/confirm-dialog';
import { FileDownloader } from '../../ui/file-downloader';
import { Notifier } from '../../ui/notifier';
import { shortDateTime } from '../list/profile-status';
import { LoadError } from '../../ui/load-error';

/**
 * `/profiles/:name/history`: the published versions, the diff between any two of them, and for
 * admins the rollback — any version but the live one published again as the newest.
 */
@Component({
  selector: 'admin-profile-history-page',
  imports: [
    LoadError,
    ChangeList,
    FormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
  ],
  templateUrl: './profile-history-page.html',
  styleUrl: './profile-history-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileHistoryPage {
  /** The profile's name, from the route. */
  readonly name = input.required<string>();

  private readonly api = inject(ProfilesApi);
  private readonly downloader = inject(FileDownloader);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly session = inject(AdminSession);

  protected readonly versions = signal<readonly ProfileVersionSummary[]>([]);
  /** The draft as loaded with the versions: its ETag guards the rollback, its live version. */
  protected readonly draft = signal<ProfileDraft | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly from = signal<DiffSide | null>(null);
  protected readonly to = signal<DiffSide>('draft');
  protected readonly changes = signal<readonly ProfileChange[] | null>(null);
  protected readonly diffLoading = signal(false);
  protected readonly diffError = signal<string | null>(null);
  protected readonly shortDateTime = shortDateTime;

  constructor() {
    effect(() => {
      const name = this.name();
      untracked(() => this.load(name));
    });
  }

  protected load(name: string): void {
    this.loading.set(true);
    this.loadError.set(null);
    forkJoin({ versions: this.api.versions(name), draft: this.api.get(name) })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ versions, draft }) => {
          this.versions.set(versions);
          this.draft.set(draft);
          this.loading.set(false);
          if (versions.length) this.compare(versions[0].version, 'draft');
        },
        error: (error: unknown) => {
          this.loadError.set(apiFailureOf(error).message);
          this.loading.set(false);
        },
      });
  }

  /** Shows the diff between two sides (`GET /diff?from=&to=`). */
  protected compare(from: DiffSide | null, to: DiffSide): void {
    this.from.set(from);
    this.to.set(to);
    if (from === null) return;
    this.diffLoading.set(true);
    this.diffError.set(null);
    this.api
      .diff(this.name(), from, to)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (changes) => {
          this.changes.set(changes);
          this.diffLoading.set(false);
        },
        error: (error: unknown) => {
          this.diffError.set(apiFailureOf(error).message);
          this.diffLoading.set(false);
        },
      });
  }

  /** Downloads one published version as JSON (`GET /versions/:n`). */
  protected download(version: number): void {
    this.api
      .version(this.name(), version)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (published) =>
          this.downloader.save(
            `${this.name()}-v${version}.json`,
            `${JSON.stringify(published.profile, null, 2)}\n`,
            'application/json',
          ),
        error: (error: unknown) => this.notifier.error(apiFailureOf(error).message),
      });
  }

  /**
   * Rolls back after a confirmation: version `version` published again as the newest version
   * (`POST /versions/:n/republish` with the loaded draft's ETag); the draft becomes it too.
   */
  protected republish(version: number): void {
    const draft = this.draft();
    if (!draft) return;
    const name = this.name();
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: `Publish version ${version} again?`,
          message:
            `Portals get version ${version}'s settings as a new version, and the draft becomes ` +
            'those settings too. Draft changes not yet published are replaced; the audit trail ' +
            'lists them.',
          confirmLabel: 'Publish again',
        },
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.api.republish(name, version, draft.etag)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (result) => {
          this.notifier.success(`Published version ${version} again as version ${result.version}.`);
          this.load(name);
        },
        error: (error: unknown) => {
          this.notifier.error(apiFailureOf(error).message);
          this.load(name);
        },
      });
  }

  protected sideLabel(side: DiffSide | null): string {
    return side === 'draft' ? 'Draft:' : side === null ? '' : `v${side}:`;
  }
}
