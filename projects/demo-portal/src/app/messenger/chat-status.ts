import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MessengerAuth, type MessengerAuthState } from 'ngx-genesys-messenger-auth';

const LABELS: Record<MessengerAuthState, string> = {
  anonymous: 'guest',
  authorizing: 'signing in…',
  authenticated: 'signed in',
  refreshing: 'renewing…',
  reauthenticating: 'reconnecting…',
  ended: 'session ended',
  error: 'unavailable',
};

/**
 * A footer line that tells users (and support staff) whether the chat is signed in and when its
 * sign-in is next renewed. Shows nothing on pages without the bridge.
 */
@Component({
  selector: 'portal-chat-status',
  imports: [DatePipe],
  template: `
    @if (auth; as auth) {
      <span
        class="chat-status"
        data-testid="messenger-bridge-state"
        [attr.data-state]="auth.state()"
        [attr.data-next-refresh]="auth.nextRefreshAt()"
      >
        Chat: {{ label() }}
        @if (auth.nextRefreshAt(); as next) {
          · renews at {{ next | date: 'mediumTime' }}
        }
      </span>
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
  protected readonly label = computed(() => (this.auth ? LABELS[this.auth.state()] : ''));
}
