import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

/** Any unknown URL. */
@Component({
  selector: 'admin-not-found-page',
  imports: [MatButtonModule, RouterLink],
  template: `
    <div class="admin-page">
      <h1 class="admin-page-title">Page not found</h1>
      <p class="admin-page-lead">There is nothing at this address.</p>
      <a mat-flat-button routerLink="/profiles">Go to the profiles</a>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
