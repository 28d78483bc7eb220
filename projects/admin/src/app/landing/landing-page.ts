import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';

import { AdminSession } from '../auth/admin-session';

/** `/`: the only page without a session; also where the IdP returns after sign-out. */
@Component({
  selector: 'admin-landing-page',
  imports: [MatButtonModule, MatCardModule, RouterLink],
  template: `
    <div class="admin-page">
      <mat-card appearance="outlined" class="card">
        <mat-card-content>
          <h1 class="admin-page-title">Messenger deployment profiles</h1>
          <p>
            Edit the profiles that keep Genesys Messenger signed in on the portals: Genesys
            deployment and integration, IdP token lifetimes and refresh policy. See what the
            lifetimes mean for a day of session, publish, and follow the audit trail.
          </p>
          @if (!session.isAuthenticated()) {
            <p class="note">You are signed out.</p>
          }
        </mat-card-content>
        <mat-card-actions align="end">
          @if (session.isAuthenticated()) {
            <a mat-flat-button routerLink="/profiles" data-testid="open-profiles">Open profiles</a>
          } @else {
            <button
              mat-flat-button
              type="button"
              data-testid="landing-sign-in"
              (click)="session.signIn()"
            >
              Sign in
            </button>
          }
        </mat-card-actions>
      </mat-card>
    </div>
  `,
  styles: `
    .card {
      max-width: 560px;
      margin: 32px auto;
      padding: 8px;
    }
    p {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LandingPage {
  protected readonly session = inject(AdminSession);
}
