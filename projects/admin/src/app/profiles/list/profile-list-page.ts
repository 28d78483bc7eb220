import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { filter, switchMap, type Observable } from 'rxjs';

import { apiFailureOf } from '../../api/api-failure';
import { ProfilesApi } from '../../api/profiles-api';
import type { ProfileSummary } from '../../api/profiles-api.models';
import { AdminSession } from '../../auth/admin-session';
import { Notifier } from '../../ui/notifier';
import { TypedConfirmDialog, type TypedConfirmDialogData } from '../../ui/typed-confirm-dialog';
import { ProfileNameDialog, type ProfileNameDialogData } from './profile-name-dialog';
import { shortDateTime, statusLabel } from './profile-status';
import { LoadError } from '../../ui/load-error';

/**
 * `/profiles`: every profile with its status; for admins create, duplicate, unpublish (a published
 * profile) and delete (one portals do not get), the last two confirmed by typing the name.
 */
@Component({
  selector: 'admin-profile-list-page',
  imports: [
    LoadError,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    MatTableModule,
    RouterLink,
  ],
  templateUrl: './profile-list-page.html',
  styleUrl: './profile-list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileListPage {
  private readonly api = inject(ProfilesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly session = inject(AdminSession);

  protected readonly columns = ['name', 'status', 'lastEditor', 'updatedAt', 'actions'];
  protected readonly profiles = signal<readonly ProfileSummary[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly statusLabel = statusLabel;
  protected readonly shortDateTime = shortDateTime;

  constructor() {
    this.load();
  }

  /** Loads the list (`GET /admin/profiles`). */
  protected load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (profiles) => {
          this.profiles.set(profiles);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.loadError.set(apiFailureOf(error).message);
          this.loading.set(false);
        },
      });
  }

  protected create(): void {
    this.askName({
      title: 'New profile',
      confirmLabel: 'Create',
      initialName: '',
      submit: (name) => this.api.create(name),
    }).subscribe((name) => {
      this.notifier.success(`Created ${name}.`);
      void this.router.navigate(['/profiles', name]);
    });
  }

  protected duplicate(source: ProfileSummary): void {
    this.askName({
      title: `Duplicate ${source.name}`,
      confirmLabel: 'Duplicate',
      initialName: `${source.name}-copy`.slice(0, 64),
      submit: (name) =>
        this.api
          .get(source.name)
          .pipe(switchMap((draft) => this.api.create(name, { ...draft.profile, name }))),
    }).subscribe((name) => {
      this.notifier.success(`Created ${name} from the draft of ${source.name}.`);
      this.load();
    });
  }

  protected unpublish(profile: ProfileSummary): void {
    this.confirmByName(
      profile.name,
      {
        title: `Unpublish ${profile.name}?`,
        message:
          `Portals loading ${profile.name} stop getting it (version ${profile.liveVersion}) and ` +
          'fall back to their defaults. The versions stay: publishing again brings it back.',
        expected: profile.name,
        confirmLabel: 'Unpublish',
      },
      (etag) => this.api.unpublish(profile.name, etag),
      `Unpublished ${profile.name}: portals no longer get it.`,
    );
  }

  protected remove(profile: ProfileSummary): void {
    this.confirmByName(
      profile.name,
      {
        title: `Delete ${profile.name}?`,
        message:
          'The draft and every version are deleted; the audit trail keeps a copy of both. ' +
          'Portals do not get this profile.',
        expected: profile.name,
        confirmLabel: 'Delete',
      },
      (etag) => this.api.delete(profile.name, etag),
      `Deleted ${profile.name}.`,
    );
  }

  /**
   * Loads the draft's entity tag, asks for the name to be typed, then runs `action` with that tag:
   * a change made by someone else meanwhile makes the server refuse (412) instead of acting.
   */
  private confirmByName(
    name: string,
    data: TypedConfirmDialogData,
    action: (etag: string) => Observable<void>,
    done: string,
  ): void {
    this.api
      .get(name)
      .pipe(
        switchMap((draft) =>
          this.dialog
            .open<TypedConfirmDialog, TypedConfirmDialogData, boolean>(TypedConfirmDialog, { data })
            .afterClosed()
            .pipe(
              filter((confirmed) => confirmed === true),
              switchMap(() => action(draft.etag)),
            ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.notifier.success(done);
          this.load();
        },
        error: (error: unknown) => {
          this.notifier.error(apiFailureOf(error).message);
          this.load();
        },
      });
  }

  private askName(data: ProfileNameDialogData) {
    return this.dialog
      .open<ProfileNameDialog, ProfileNameDialogData, string>(ProfileNameDialog, { data })
      .afterClosed()
      .pipe(
        filter((name): name is string => typeof name === 'string'),
        takeUntilDestroyed(this.destroyRef),
      );
  }
}
