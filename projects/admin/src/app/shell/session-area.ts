import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

import { AdminSession } from '../auth/admin-session';

/** The toolbar's session controls: who is signed in, as admin, reader or neither, and sign-out. */
@Component({
  selector: 'admin-session-area',
  imports: [MatButtonModule, MatIconModule],
  template: `
    @if (session.identity(); as identity) {
      <div class="identity">
        <span class="name" data-testid="user-name">{{ identity.displayName }}</span>
        <span class="role" data-testid="user-role" [class.admin]="identity.isAdmin">
          {{ identity.isAdmin ? 'Admin' : identity.canRead ? 'Read-only' : 'No access' }}
        </span>
      </div>
      <button
        mat-icon-button
        type="button"
        data-testid="sign-out"
        aria-label="Sign out"
        (click)="session.signOut()"
      >
        <mat-icon>logout</mat-icon>
      </button>
    } @else {
      <button mat-flat-button type="button" data-testid="sign-in" (click)="session.signIn()">
        Sign in
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 4px;
      min-width: 0;
    }
    .identity {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      min-width: 0;
      line-height: 1.2;
    }
    .name {
      font: var(--mat-sys-label-large);
      max-width: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .role {
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
      &.admin {
        color: var(--mat-sys-primary);
        font-weight: 600;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionArea {
  protected readonly session = inject(AdminSession);
}
