/**
 * Where the bridge stands:
 * - `anonymous` — nobody is signed in to the portal (or the portal signed out); Messenger is anonymous;
 * - `authorizing` — getting Messenger an authorization code (silently, or through a login);
 * - `authenticated` — Messenger holds a valid JWT and the next refresh is scheduled;
 * - `refreshing` — a refresh is in flight;
 * - `reauthenticating` — Messenger's tokens are gone; signing Messenger in again;
 * - `ended` — Messenger's session ended (its refresh token was refused); the bridge signs
 *   Messenger in again when it can, or stays here when that would need a second login within the
 *   loop-guard window;
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

/** What every timeline event carries. */
interface EventBase {
  /** When it happened (ms since the epoch, this tab's clock). */
  readonly at: number;
}

/**
 * The bridge's timeline. Events never carry a token, code, verifier or secret: JWTs appear as
 * fingerprints (the last 6 characters of a hash).
 */
export type MessengerAuthEvent = EventBase &
  (
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
    | { readonly type: 'login-loop-prevented'; readonly reason: string }
    | { readonly type: 'signed-out'; readonly origin: 'portal' | 'messenger' | 'other-tab' }
    | { readonly type: 'error'; readonly code: string; readonly message: string }
  );

/** One of the event type names. */
export type MessengerAuthEventType = MessengerAuthEvent['type'];
