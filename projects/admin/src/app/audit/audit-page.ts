import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';

import { apiFailureOf } from '../api/api-failure';
import { ProfilesApi } from '../api/profiles-api';
import type { AuditEntry } from '../api/profiles-api.models';
import { shortDateTime } from '../profiles/list/profile-status';

/** `/audit[?profile=]`: who did what to which profile, newest first. */
@Component({
  selector: 'admin-audit-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
  ],
  template: `
    <div class="admin-page">
      <header class="admin-page-header">
        <h1 class="admin-page-title">Audit trail</h1>
      </header>
      <form class="filter" role="search" (ngSubmit)="apply()">
        <mat-form-field>
          <mat-label>Profile</mat-label>
          <input matInput name="profile" [(ngModel)]="filter" spellcheck="false" />
          <mat-hint>Leave empty for every profile</mat-hint>
        </mat-form-field>
        <button mat-stroked-button type="submit">Show</button>
      </form>

      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the audit trail" />
      } @else if (loadError(); as error) {
        <div class="admin-notice error" role="alert">
          <mat-icon aria-hidden="true">error</mat-icon>
          <div>
            <p>{{ error }}</p>
            <button mat-stroked-button type="button" (click)="load(profile())">Try again</button>
          </div>
        </div>
      } @else if (entries().length === 0) {
        <p class="admin-empty">No entries.</p>
      } @else {
        <ol class="entries" data-testid="audit-entries" aria-label="Audit entries">
          @for (entry of entries(); track $index) {
            <li>
              <span class="when">{{ shortDateTime(entry.at) }}</span>
              <span class="what">
                <strong>{{ entry.actor ?? 'Someone' }}</strong>
                {{ entry.action }}
                @if (entry.profile) {
                  <a [routerLink]="['/profiles', entry.profile]">{{ entry.profile }}</a>
                }
                @if (entry.version !== null) {
                  (version {{ entry.version }})
                }
              </span>
              @if (entry.detail) {
                <span class="detail">{{ entry.detail }}</span>
              }
            </li>
          }
        </ol>
      }
    </div>
  `,
  styles: `
    .filter {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 12px;
      mat-form-field {
        flex: 0 1 320px;
        min-width: 0;
      }
    }
    .entries {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 2px 16px;
      padding: 10px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      overflow-wrap: anywhere;
      @media (min-width: 720px) {
        grid-template-columns: 180px minmax(0, 1fr);
      }
    }
    .when,
    .detail {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .detail {
      grid-column: -2 / -1;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {
  /** The profile to show the trail of (query parameter), or all. */
  readonly profile = input<string | undefined>(undefined);

  private readonly api = inject(ProfilesApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly filter = linkedSignal(() => this.profile() ?? '');
  protected readonly entries = signal<readonly AuditEntry[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly shortDateTime = shortDateTime;

  constructor() {
    effect(() => {
      const profile = this.profile();
      untracked(() => this.load(profile));
    });
  }

  protected load(profile: string | undefined): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api
      .audit(profile || undefined)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (entries) => {
          this.entries.set(entries);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.loadError.set(apiFailureOf(error).message);
          this.loading.set(false);
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
}
