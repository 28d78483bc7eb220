import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { RouterLink } from '@angular/router';

import { Session } from '../../auth/session';

/** The signed-in user's details, as the IdP's claims describe them. */
@Component({
  selector: 'portal-profile-page',
  imports: [MatCardModule, MatChipsModule, MatIconModule, MatListModule, RouterLink],
  template: `
    <section data-testid="profile-page" aria-labelledby="profile-heading">
      <h2 id="profile-heading" class="portal-section-title">Your profile</h2>
      @if (session.profile(); as profile) {
        <div class="cards">
          <mat-card appearance="outlined">
            <mat-card-header>
              <mat-card-title>Personal details</mat-card-title>
              <mat-card-subtitle>As held by Meridian Bank sign-in</mat-card-subtitle>
            </mat-card-header>
            <mat-list aria-label="Personal details">
              <mat-list-item>
                <mat-icon matListItemIcon aria-hidden="true">badge</mat-icon>
                <span matListItemTitle>{{ profile.displayName }}</span>
                <span matListItemLine>Full name</span>
              </mat-list-item>
              <mat-list-item>
                <mat-icon matListItemIcon aria-hidden="true">person</mat-icon>
                <span matListItemTitle>{{ profile.username ?? 'Not provided' }}</span>
                <span matListItemLine>Username</span>
              </mat-list-item>
              <mat-list-item>
                <mat-icon matListItemIcon aria-hidden="true">mail</mat-icon>
                <span matListItemTitle>{{ profile.email ?? 'Not provided' }}</span>
                <span matListItemLine>{{ emailLabel() }}</span>
              </mat-list-item>
              <mat-list-item>
                <mat-icon matListItemIcon aria-hidden="true">fingerprint</mat-icon>
                <span matListItemTitle class="subject">{{ profile.subject }}</span>
                <span matListItemLine>Customer ID</span>
              </mat-list-item>
            </mat-list>
          </mat-card>

          <mat-card appearance="outlined">
            <mat-card-header>
              <mat-card-title>Access</mat-card-title>
              <mat-card-subtitle>Roles granted to your sign-in</mat-card-subtitle>
            </mat-card-header>
            <mat-card-content>
              @if (profile.roles.length > 0) {
                <mat-chip-set aria-label="Roles">
                  @for (role of profile.roles; track role) {
                    <mat-chip>{{ role }}</mat-chip>
                  }
                </mat-chip-set>
              } @else {
                <p class="muted">Standard customer access. No additional roles.</p>
              }
              <p class="muted">
                To change your name or email address, <a routerLink="/support">contact us</a>.
              </p>
            </mat-card-content>
          </mat-card>
        </div>
      } @else {
        <p class="muted">Your details are being loaded.</p>
      }
    </section>
  `,
  styles: `
    .cards {
      display: grid;
      gap: 16px;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr));
      align-items: start;
    }
    .subject {
      font-family: monospace;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      margin: 16px 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePage {
  protected readonly session = inject(Session);

  /** Labels the email line, noting when the IdP has verified the address. */
  protected readonly emailLabel = computed(() => {
    const profile = this.session.profile();
    return profile?.email && profile.emailVerified ? 'Email · verified' : 'Email';
  });
}
