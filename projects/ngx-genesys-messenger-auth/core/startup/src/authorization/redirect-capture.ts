import { DEV_MODE } from '../dev-mode';
import { MessengerAuthError, MessengerAuthErrorCode } from '../errors';
import type { PendingAuthorization, PendingAuthorizations } from './pending-authorizations';

/** The authorization-response parameters to strip from a URL once read. */
export const RESPONSE_PARAMETERS: readonly string[] = [
  'code',
  'state',
  'iss',
  'error',
  'error_description',
  'error_uri',
  'session_state',
];

/** An answer taken out of the address, for the authorizer to check (issuer, state, PKCE, age). */
export interface CapturedRedirect {
  /** The response parameters as they were in the address. */
  readonly params: URLSearchParams;
  /** The attempt this tab started, taken out of the pending store. */
  readonly pending: PendingAuthorization;
}

/** Where a capture looks. */
export interface RedirectCaptureTarget {
  readonly win: Window;
  readonly pending: PendingAuthorizations;
  /** The bridge's full-page callback address (origin and `redirectPath`). */
  readonly redirectUri: string;
}

/**
 * Takes a full-page authorization answer out of the address if this page load is the bridge's
 * callback — synchronously, so that it happens before the portal's OIDC library reads the URL.
 * The attempt's pending entry is taken from the store and the address goes back to where the page
 * was (`returnTo`); an answer at the callback path this tab did not ask for is dropped and the
 * page starts at `/`. Nothing is checked here beyond that: the authorizer validates the answer.
 * Never throws.
 * @returns the captured answer, an `AUTHORIZATION_CALLBACK_INVALID` error, or undefined when this
 *   page load is not the bridge's callback
 */
export function captureRedirect(
  target: RedirectCaptureTarget,
): CapturedRedirect | MessengerAuthError | undefined {
  try {
    return capture(target);
  } catch (error) {
    // e.g. storage that refuses access: the bridge starts anyway, without this answer.
    return callbackError(DEV_MODE && 'the authorization answer could not be read', error);
  }
}

function capture({
  win,
  pending: store,
  redirectUri,
}: RedirectCaptureTarget): CapturedRedirect | MessengerAuthError | undefined {
  const here = new URL(win.location.href);
  const state = here.searchParams.get('state');
  if (!here.href.startsWith(redirectUri)) return undefined;
  const pending = state ? store.take(state) : undefined;
  if (!pending) {
    if (here.pathname !== new URL(redirectUri).pathname) return undefined;
    if (!RESPONSE_PARAMETERS.some((name) => here.searchParams.has(name))) return undefined;
    // An answer at the bridge's own path that this tab did not ask for (a bookmarked or
    // restored callback address, a cleared sessionStorage): its code is never used, and the
    // portal starts at its root instead of a path its router does not know.
    return (
      leaveCallback(win, '/') ??
      callbackError(
        DEV_MODE && 'an authorization answer this tab did not ask for was removed from the URL',
      )
    );
  }
  // A copy: the response is read after its parameters are stripped from the URL.
  const params = new URLSearchParams(here.search);
  for (const name of RESPONSE_PARAMETERS) here.searchParams.delete(name);
  return leaveCallback(win, pending.returnTo || here.pathname) ?? { params, pending };
}

/**
 * Replaces the callback address: the portal's router and OIDC library must see neither the
 * code nor the callback route.
 * @returns an error when the page forbids it (the answer is then still read once)
 */
function leaveCallback(win: Window, to: string): MessengerAuthError | undefined {
  try {
    win.history.replaceState(win.history.state, '', to);
    return undefined;
  } catch (error) {
    return callbackError(DEV_MODE && 'the callback URL could not be cleaned', error);
  }
}

/** An `AUTHORIZATION_CALLBACK_INVALID` error. */
export function callbackError(message: string | false, cause?: unknown): MessengerAuthError {
  return new MessengerAuthError(
    MessengerAuthErrorCode.AUTHORIZATION_CALLBACK_INVALID,
    message,
    cause === undefined ? {} : { cause },
  );
}
