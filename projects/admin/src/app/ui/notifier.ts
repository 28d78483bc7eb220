import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';

/** Snackbars for the outcome of an action; errors stay until dismissed. */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);

  /** Tells that an action succeeded. */
  success(message: string): void {
    this.snackBar.open(message, 'OK', { duration: 4000, politeness: 'polite' });
  }

  /** Tells that an action failed; stays until the user dismisses it. */
  error(message: string): void {
    this.snackBar.open(message, 'Dismiss', { politeness: 'assertive' });
  }
}
