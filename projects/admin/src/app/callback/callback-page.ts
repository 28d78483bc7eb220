import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';

import { AdminSession } from '../auth/admin-session';
import { DEFAULT_POST_LOGIN_ROUTE } from '../auth/auth-config';

/**
 * The OIDC redirect target (`/callback`). The code exchange runs in `withAppInitializerAuthCheck()`
 * before the first navigation; a guarded route that started the sign-in is restored by it.
 * Otherwise this page forwards to the profiles, or says the sign-in failed.
 */
@Component({
  selector: 'admin-callback-page',
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    <div class="admin-page">
      @if (session.isAuthenticated()) {
        <p role="status">Signing you in…</p>
        <mat-progress-bar mode="indeterminate" aria-label="Signing you in" />
      } @else {
        <div class="admin-notice error" role="alert">
          <div>
            <p>We couldn't complete your sign-in. It may have expired or been cancelled.</p>
            <button mat-flat-button type="button" (click)="session.signIn()">Try again</button>
          </div>
        </div>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CallbackPage {
  protected readonly session = inject(AdminSession);
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
