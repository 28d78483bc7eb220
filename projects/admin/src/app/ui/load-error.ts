import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

/** A page's load that failed: the reason, announced, and a button to try again. */
@Component({
  selector: 'admin-load-error',
  imports: [MatButtonModule, MatIconModule],
  template: `
    <div class="admin-notice error" role="alert" data-testid="load-error">
      <mat-icon aria-hidden="true">error</mat-icon>
      <div>
        <p>{{ message() }}</p>
        <button mat-stroked-button type="button" (click)="retry.emit()">Try again</button>
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadError {
  /** Why the load failed, for the admin to read. */
  readonly message = input.required<string>();
  /** The admin asked to load again. */
  readonly retry = output<void>();
}
