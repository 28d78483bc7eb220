import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  type ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  signal,
  untracked,
  viewChildren,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { map, type Observable, type Subscription } from 'rxjs';

import { apiFailureOf } from '../api/api-failure';
import { ProfilesApi } from '../api/profiles-api';
import type { AuditEntry } from '../api/profiles-api.models';
import { shortDateTime } from '../profiles/list/profile-status';
import { AUDIT_PAGE_SIZE, auditLimit, type AuditSlice, auditSlice } from './audit-paging';
import { LoadError } from '../ui/load-error';

/**
 * `/audit[?profile=]`: who did what to which profile, newest first, a page at a time; "Load
 * older entries" appends the next page and moves focus to its first entry.
 */
@Component({
  selector: 'admin-audit-page',
  imports: [
    LoadError,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
  ],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {
  /** The profile to show the trail of (query parameter), or all. */
  readonly profile = input<string | undefined>(undefined);

  private readonly api = inject(ProfilesApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly items = viewChildren<ElementRef<HTMLElement>>('entry');
  /** The request in flight; a new filter cancels it so no stale page lands in the new list. */
  private request?: Subscription;

  protected readonly filter = linkedSignal(() => this.profile() ?? '');
  protected readonly entries = signal<readonly AuditEntry[]>([]);
  /** The cursor of the older entries; `null` once the oldest is shown. */
  protected readonly before = signal<number | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly loadingOlder = signal(false);
  protected readonly olderError = signal<string | null>(null);
  protected readonly shortDateTime = shortDateTime;
  /** Read out politely (`role="status"`) whenever a page arrives. */
  protected readonly countText = computed(() => {
    const count = this.entries().length;
    const entries = count === 1 ? '1 entry' : `${count} entries`;
    return this.before() === null
      ? `${entries} shown, back to the oldest.`
      : `The newest ${entries} shown; older entries can be loaded.`;
  });

  constructor() {
    effect(() => {
      const profile = this.profile();
      untracked(() => this.load(profile));
    });
  }

  /** Shows the newest page of `profile`'s trail, or of every profile's. */
  protected load(profile: string | undefined): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.loadError.set(null);
    this.loadingOlder.set(false);
    this.olderError.set(null);
    this.request = this.page(profile, undefined).subscribe({
      next: (slice) => {
        this.entries.set(slice.entries);
        this.before.set(slice.before);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loadError.set(apiFailureOf(error).message);
        this.loading.set(false);
      },
    });
  }

  /** Appends the page before the last entry shown. */
  protected loadOlder(): void {
    const before = this.before();
    // The button stays focusable while busy (`disabledInteractive`), so a click can still come.
    if (before === null || this.loadingOlder()) return;
    this.loadingOlder.set(true);
    this.olderError.set(null);
    const firstNew = this.entries().length;
    this.request = this.page(this.profile(), before).subscribe({
      next: (slice) => {
        this.entries.update((entries) => [...entries, ...slice.entries]);
        this.before.set(slice.before);
        this.loadingOlder.set(false);
        // Keyboard and screen-reader users carry on reading where the new entries start.
        afterNextRender(() => this.items()[firstNew]?.nativeElement.focus(), {
          injector: this.injector,
        });
      },
      error: (error: unknown) => {
        this.olderError.set(apiFailureOf(error).message);
        this.loadingOlder.set(false);
      },
    });
  }

  protected apply(): void {
    const profile = this.filter().trim();
    if (profile === (this.profile() ?? '')) {
      this.load(profile || undefined);
      return;
    }
    void this.router.navigate([], { queryParams: { profile: profile || null } });
  }

  private page(profile: string | undefined, before: number | undefined): Observable<AuditSlice> {
    return this.api
      .audit({ profile: profile || undefined, before, limit: auditLimit(AUDIT_PAGE_SIZE) })
      .pipe(
        map((fetched) => auditSlice(fetched, AUDIT_PAGE_SIZE)),
        takeUntilDestroyed(this.destroyRef),
      );
  }
}
