import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

/** Shown for any URL the portal does not know. */
@Component({
  selector: 'portal-not-found-page',
  imports: [MatButtonModule, MatIconModule, RouterLink],
  template: `
    <div class="portal-page page" data-testid="not-found-page">
      <p class="code" aria-hidden="true">404</p>
      <h1 class="portal-page-title">We can't find that page</h1>
      <p class="portal-page-lead">
        The page may have moved, or the address may have a typo. Try one of these instead.
      </p>
      <div class="actions">
        <a mat-flat-button routerLink="/">
          <mat-icon aria-hidden="true">home</mat-icon>
          Home
        </a>
        <a mat-stroked-button routerLink="/support">Help &amp; support</a>
      </div>
    </div>
  `,
  styles: `
    .page {
      text-align: center;
    }
    .portal-page-lead {
      margin-inline: auto;
    }
    .code {
      margin: 24px 0 0;
      font: var(--mat-sys-display-large);
      color: var(--mat-sys-primary);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
