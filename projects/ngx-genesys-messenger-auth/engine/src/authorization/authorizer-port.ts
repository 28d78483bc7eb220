import type { GenesysAuthCodeResult, MessengerAuthError } from 'ngx-genesys-messenger-auth/core';

/** The outcome of a silent attempt in a hidden iframe. */
export type SilentOutcome =
  | { readonly kind: 'code'; readonly code: GenesysAuthCodeResult }
  | { readonly kind: 'interaction-required' }
  /** The IdP did not send the frame back in time (it refuses framing, or shows a page). */
  | { readonly kind: 'no-answer' };

/** Messenger's own authorization requests (implemented by `MessengerAuthorizer`). */
export interface AuthorizerPort {
  /** Reads a full-page redirect's answer if this page load is one; never throws. */
  captureRedirect(): Promise<GenesysAuthCodeResult | MessengerAuthError | undefined>;
  /** A code from a hidden iframe, if the IdP session is visible there. */
  silent(): Promise<SilentOutcome>;
  /** Leaves for the IdP with `prompt=none`, once per window (else `already-tried`). */
  silentRedirect(): Promise<'navigating' | 'already-tried'>;
  /** Sends the user to a login page, at most once per window (else LOGIN_LOOP_PREVENTED). */
  interactive(): Promise<'navigating'>;
}
