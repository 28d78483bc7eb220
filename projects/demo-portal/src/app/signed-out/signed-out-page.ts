import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import { Session } from '../auth/session';

/** Where the IdP sends the user after sign-out (`postLogoutRedirectUri`). */
@Component({
  selector: 'portal-signed-out-page',
  imports: [MatButtonModule, MatCardModule, MatIconModule, RouterLink],
  template: `
    <div class="portal-page" data-testid="signed-out-page">
      <mat-card appearance="outlined" class="card">
        <mat-card-content>
          <mat-icon class="icon" aria-hidden="true">check_circle</mat-icon>
          <h1 class="portal-page-title">You have signed out</h1>
          <p>
            Thanks for banking with Meridian. If you're using a shared or public computer, close
            your browser to keep your information safe.
          </p>
        </mat-card-content>
        <mat-card-actions align="end">
          <a mat-button routerLink="/">Return to home</a>
          <button
            mat-flat-button
            type="button"
            data-testid="signed-out-sign-in"
            (click)="session.signIn()"
          >
            Sign in again
          </button>
        </mat-card-actions>
      </mat-card>
    </div>
  `,
  styles: `
    .card {
      max-width: 520px;
      margin: 32px auto;
      padding: 16px 8px 8px;
    }
    .icon {
      color: var(--mat-sys-primary);
      font-size: 48px;
      width: 48px;
      height: 48px;
      margin-bottom: 8px;
    }
    p {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignedOutPage {
  protected readonly session = inject(Session);
}
