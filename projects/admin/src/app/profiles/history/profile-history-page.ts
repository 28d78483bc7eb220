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
import { RouterLink } from '@angular/router';

import { apiFailureOf } from '../../api/api-failure';
import { ProfilesApi } from '../../api/profiles-api';
import type { DiffSide, ProfileChange, ProfileVersionSummary } from '../../api/profiles-api.models';
import { ChangeList } from '../../ui/change-list';
import { FileDownloader } from '../../ui/file-downloader';
import { Notifier } from '../../ui/notifier';
import { shortDateTime } from '../list/profile-status';
import { LoadError } from '../../ui/load-error';

/** `/profiles/:name/history`: the published versions and the diff between any two of them. */
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
  private readonly destroyRef = inject(DestroyRef);

  protected readonly versions = signal<readonly ProfileVersionSummary[]>([]);
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
    this.api
      .versions(name)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (versions) => {
          this.versions.set(versions);
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

  protected sideLabel(side: DiffSide | null): string {
    return side === 'draft' ? 'Draft:' : side === null ? '' : `v${side}:`;
  }
}
