import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';

import { DEFAULT_POST_LOGIN_ROUTE } from '../auth/auth-config';
import { Session } from '../auth/session';

/**
 * The OIDC redirect target (`/callback`).
 *
 * The code exchange itself runs in `withAppInitializerAuthCheck()` before the first navigation.
 * When a guarded route started the sign-in, `checkAuth()` navigates back to it and this page never
 * shows. Otherwise (the user pressed "Sign in") the router lands here with a session, and the page
 * forwards to the account overview. Landing here without a session means the exchange failed.
 */
@Component({
  selector: 'portal-callback-page',
  imports: [MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule, RouterLink],
  template: `
    <div class="portal-page">
      @if (session.isAuthenticated()) {
        <div class="progress" role="status">
          <p>Signing you in…</p>
          <mat-progress-bar
            mode="indeterminate"
            data-testid="callback-progress"
            aria-label="Signing you in"
          />
        </div>
      } @else {
        <mat-card appearance="outlined" class="failed" data-testid="callback-error">
          <mat-card-header>
            <mat-icon mat-card-avatar aria-hidden="true">error_outline</mat-icon>
            <mat-card-title>We couldn't complete your sign-in</mat-card-title>
          </mat-card-header>
          <mat-card-content>
            <p>Your sign-in may have expired or been cancelled. Please try again.</p>
          </mat-card-content>
          <mat-card-actions>
            <button
              mat-flat-button
              type="button"
              data-testid="callback-retry"
              (click)="session.signIn()"
            >
              Try again
            </button>
            <a mat-button routerLink="/support">Get help</a>
          </mat-card-actions>
        </mat-card>
      }
    </div>
  `,
  styles: `
    .progress,
    .failed {
      max-width: 480px;
      margin: 48px auto;
    }
    .progress p {
      font: var(--mat-sys-title-medium);
      text-align: center;
    }
    .failed mat-icon {
      color: var(--mat-sys-error);
      font-size: 40px;
      width: 40px;
      height: 40px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CallbackPage {
  protected readonly session = inject(Session);
  private readonly router = inject(Router);

  constructor() {
    effect(() => {
      if (this.session.isAuthenticated()) {
        // Replace, so "back" does not return to a spent callback URL.
        void this.router.navigateByUrl(DEFAULT_POST_LOGIN_ROUTE, { replaceUrl: true });
      }
    });
  }
}
