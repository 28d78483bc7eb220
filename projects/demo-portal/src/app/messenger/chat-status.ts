import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  MessengerAuth,
  type MessengerAuthEndReason,
  type MessengerAuthState,
} from 'ngx-genesys-messenger-auth';

const LABELS: Record<MessengerAuthState, string> = {
  anonymous: 'guest',
  authorizing: 'signing in…',
  authenticated: 'signed in',
  refreshing: 'renewing…',
  reauthenticating: 'reconnecting…',
  ended: 'session ended',
  error: 'unavailable',
};

/** What the footer says while the chat's session has ended, by the bridge's reason. */
const END_REASONS: Record<MessengerAuthEndReason, string> = {
  'refresh-failed': 'session ended, reconnecting…',
  'waiting-for-page': 'paused until this tab is back online',
  'login-required': 'sign-in needed',
  'login-loop-prevented': 'could not sign in',
};

/**
 * A footer line that tells users (and support staff) whether the chat is signed in and when its
 * sign-in is next renewed, with "Sign in to chat" when the bridge stopped signing the chat in by
 * itself. Shows nothing on pages without the bridge.
 */
@Component({
  selector: 'portal-chat-status',
  imports: [DatePipe, MatButtonModule],
  template: `
    @if (auth; as auth) {
      <span
        class="chat-status"
        data-testid="messenger-bridge-state"
        [attr.data-state]="auth.state()"
        [attr.data-next-refresh]="auth.nextRefreshAt()"
        [attr.data-end-reason]="auth.endReason()"
      >
        Chat: {{ label() }}
        @if (auth.nextRefreshAt(); as next) {
          · renews at {{ next | date: 'mediumTime' }}
        }
      </span>
      @if (auth.endReason() && auth.endReason() !== 'refresh-failed') {
        <button
          mat-button
          type="button"
          data-testid="messenger-sign-in-to-chat"
          (click)="auth.signInToChat()"
        >
          Sign in to chat
        </button>
      }
    }
  `,
  styles: `
    .chat-status {
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatStatus {
  protected readonly auth = inject(MessengerAuth, { optional: true });
  protected readonly label = computed(() => {
    const reason = this.auth?.endReason();
    return reason ? END_REASONS[reason] : this.auth ? LABELS[this.auth.state()] : '';
  });
}
