import type { Observable, SchedulerLike } from 'rxjs';
import type { AuthorizationMode } from '../authorization/authorization-request';
import type { AuthorizerPort } from '../authorization/authorizer-port';
import { type MessengerReauthMode, type RefreshPolicy } from 'ngx-genesys-messenger-auth/core';
import type { AuthorizationStore } from '../authorization/authorization-store';
import type { PageConditions } from '../recovery/code-recovery';
import type { MessengerAuthLogger } from 'ngx-genesys-messenger-auth/core';
import type { MessengerClient } from '../messenger/messenger-client';
import type { RefreshLock } from '../tabs/refresh-lock';
import type { TabChannel } from '../tabs/tab-channel';
import type { JwtTracker } from './jwt-tracker';

/** The portal's own sign-in, as the bridge follows it (angular-auth-oidc-client in an app). */
export interface PortalSessionPort {
  /** Whether a user is signed in to the portal; emits on every change. */
  readonly signedIn$: Observable<boolean>;
  /** Ends the portal session in this tab only, without a round trip (another tab signed out). */
  signOutLocally(): void;
}

/** Everything the bridge runs on; the Angular layer builds it, tests build their own. */
export interface BridgeDeps {
  readonly deploymentId: string;
  readonly policy: RefreshPolicy;
  readonly messenger: MessengerClient;
  readonly portal: PortalSessionPort;
  readonly authorizer: AuthorizerPort;
  /** The tab's record of authorization attempts and guards (sessionStorage). */
  readonly store: AuthorizationStore;
  /** Whether the tab is visible and online (the page navigates only then). */
  readonly page: PageConditions;
  /** Whether the bridge may show a login page by itself. */
  readonly reauthMode: MessengerReauthMode;
  /** Each guarded step of re-authentication runs at most once per this many ms. */
  readonly reauthWindowMs: number;
  readonly tracker: JwtTracker;
  readonly lock: RefreshLock;
  readonly channel: TabChannel;
  /** The authorization attempts the authorizer starts (for the timeline). */
  readonly authorizationStarts: Observable<AuthorizationMode>;
  /** Moments to check at once whether the JWT is due (visible, focus, online, resume, pageshow). */
  readonly wakeups: Observable<string>;
  readonly now: () => number;
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  readonly logger: MessengerAuthLogger;
}
