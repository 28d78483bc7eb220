import { afterNextRender, ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { ActivatedRoute } from '@angular/router';

import { PORTAL_AUTHORITY } from '../../auth/auth-config';
import { MESSENGER_SETTINGS } from '../../messenger/messenger-settings';
import { installClassicMessenger } from './classic-auth-provider';

/**
 * Live chat with Genesys Messenger wired up by hand, as portals do it without the bridge (see
 * `classic-auth-provider.ts`). The route's `publishSignedIn` data selects the Okta blueprint's
 * style. Kept as the baseline the bridge is measured against.
 */
@Component({
  selector: 'portal-classic-chat-page',
  imports: [MatCardModule, MatIconModule],
  template: `
    <div class="portal-page" data-testid="classic-chat-page">
      <h1 class="portal-page-title">Live chat</h1>
      <p class="portal-page-lead">
        Chat with a Meridian Bank adviser about your accounts. Open the chat with the button in the
        bottom-right corner; you stay signed in to the chat while you are signed in to the portal.
      </p>
      <mat-card appearance="outlined">
        <mat-card-header>
          <mat-icon mat-card-avatar aria-hidden="true">forum</mat-icon>
          <mat-card-title>Advisers are online</mat-card-title>
          <mat-card-subtitle>Monday to Saturday, 8 am to 8 pm ET</mat-card-subtitle>
        </mat-card-header>
        <mat-card-content>
          <p>
            For your security, the chat confirms who you are with your Meridian Bank sign-in. Never
            share your password or one-time codes in a chat.
          </p>
        </mat-card-content>
      </mat-card>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClassicChatPage {
  private readonly route = inject(ActivatedRoute);

  constructor() {
    afterNextRender(() =>
      installClassicMessenger(window, {
        ...MESSENGER_SETTINGS,
        authorizeEndpoint: `${PORTAL_AUTHORITY}/auth`,
        publishSignedIn: this.route.snapshot.data['publishSignedIn'] === true,
      }),
    );
  }
}
