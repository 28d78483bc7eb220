/**
 * Where the bridge stands:
 * - `anonymous` — nobody is signed in to the portal (or the portal signed out); Messenger is anonymous;
 * - `authorizing` — getting Messenger an authorization code (silently, or through a login);
 * - `authenticated` — Messenger holds a valid JWT and the next refresh is scheduled;
 * - `refreshing` — a refresh is in flight;
 * - `reauthenticating` — Messenger's tokens are gone; signing Messenger in again;
 * - `ended` — Messenger's session ended and the bridge is not signing it in right now; the
 *   reason ({@link MessengerAuthEndReason}) says why and whether it resumes by itself. The portal
 *   can offer "Sign in to chat" (`MessengerAuth.signInToChat()`);
 * - `error` — set-up failed (configuration, IdP metadata, Messenger missing).
 */
export type MessengerAuthState =
  | 'anonymous'
  | 'authorizing'
  | 'authenticated'
  | 'refreshing'
  | 'reauthenticating'
  | 'ended'
  | 'error';

/**
 * Why the bridge is in `ended`:
 * - `refresh-failed` — the refresh token was refused; the bridge is signing Messenger in again;
 * - `waiting-for-page` — signing in again needs the page to leave for the IdP, and the tab is
 *   hidden or offline; it resumes by itself once the tab is visible and online;
 * - `login-required` — the IdP needs the user, and `reauthMode` is `silent-only`;
 * - `login-loop-prevented` — Genesys refused several codes in a row, or a login already happened
 *   within the re-authentication window: the bridge stops asking until a person does.
 */
export type MessengerAuthEndReason =
  'refresh-failed' | 'waiting-for-page' | 'login-required' | 'login-loop-prevented';

/**
 * The bridge's timeline. Every event carries `at`, when it happened (ms since the epoch, this
 * tab's clock). Events never carry a token, code, verifier or secret: JWTs appear as fingerprints
 * (the last 6 characters of a hash).
 */
export type MessengerAuthEvent = {
  /** When it happened (ms since the epoch, this tab's clock). */
  readonly at: number;
} & (
  | {
      readonly type: 'state-changed';
      readonly from: MessengerAuthState;
      readonly to: MessengerAuthState;
    }
  | {
      readonly type: 'authorization-started';
      readonly mode: 'silent-iframe' | 'silent-redirect' | 'interactive';
    }
  | { readonly type: 'authorization-failed'; readonly reason: string }
  | { readonly type: 'code-handed-over'; readonly via: 'getAuthCode' | 'signIn' }
  | {
      readonly type: 'jwt-observed';
      readonly jwt: string;
      readonly expiresAt: number;
      readonly source: string;
    }
  | { readonly type: 'refresh-scheduled'; readonly refreshAt: number }
  | { readonly type: 'refresh-started'; readonly trigger: string }
  | { readonly type: 'refreshed'; readonly jwt: string; readonly expiresAt: number }
  | { readonly type: 'refresh-skipped'; readonly reason: 'another-tab' }
  | {
      readonly type: 'refresh-retrying';
      readonly attempt: number;
      readonly delayMs: number;
      readonly reason: string;
    }
  | { readonly type: 'session-ended'; readonly reason: string }
  | {
      readonly type: 'recovery-stopped';
      readonly reason: MessengerAuthEndReason;
      readonly detail: string;
    }
  | { readonly type: 'signed-out'; readonly origin: 'portal' | 'messenger' | 'other-tab' }
  | { readonly type: 'error'; readonly code: string; readonly message: string }
);

/** One of the event type names. */
export type MessengerAuthEventType = MessengerAuthEvent['type'];
