import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

import { Session } from '../auth/session';

/** The toolbar's session controls: who is signed in, and the sign-in or sign-out button. */
@Component({
  selector: 'portal-session-area',
  imports: [MatButtonModule, MatIconModule],
  template: `
    @if (session.isAuthenticated()) {
      <div class="identity">
        <mat-icon class="avatar" aria-hidden="true">account_circle</mat-icon>
        <div class="lines">
          @if (session.userName(); as name) {
            <span class="name" data-testid="user-name">{{ name }}</span>
          }
          <span class="status" data-testid="session-status" data-state="signed-in">Signed in</span>
        </div>
      </div>
      <button mat-stroked-button type="button" data-testid="sign-out" (click)="session.signOut()">
        <mat-icon aria-hidden="true">logout</mat-icon>
        Sign out
      </button>
    } @else {
      <span class="status" data-testid="session-status" data-state="signed-out">Signed out</span>
      <button mat-flat-button type="button" data-testid="sign-in" (click)="session.signIn()">
        <mat-icon aria-hidden="true">login</mat-icon>
        Sign in
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 12px;
      min-width: 0;
    }
    .identity {
      display: flex;
      align-items: center;
      gap: 8px;
      min-width: 0;
    }
    .avatar {
      color: var(--mat-sys-primary);
      flex: none;
    }
    .lines {
      display: flex;
      flex-direction: column;
      min-width: 0;
      line-height: 1.2;
    }
    .name {
      font: var(--mat-sys-label-large);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .status {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
    }
    button {
      flex: none;
    }
    @container toolbar (max-width: 599.98px) {
      :host {
        gap: 8px;
      }
      .avatar {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionArea {
  protected readonly session = inject(Session);
}
