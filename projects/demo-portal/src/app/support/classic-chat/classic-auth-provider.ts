/**
 * Messenger with authentication set up the way portals do it today, without the bridge: the
 * deployment snippet plus a hand-written AuthProvider plugin after the field report and the Okta
 * blueprint. It is kept deliberately naive — it is the baseline the bridge is measured against:
 * - `getAuthCode` resolves whatever `code` the page URL carries (used or not) with the page's URL;
 * - `reAuthenticate` and `Auth.authError` send the browser to the IdP's authorize endpoint
 *   (no state, no PKCE, no loop guard);
 * - in the blueprint's style, the page also publishes `signedIn` when its URL carries a code.
 */
import {
  installGenesysSnippet,
  type GenesysHostWindow,
  type GenesysPlugin,
} from 'ngx-genesys-messenger-auth/core';

/** What the hand-written set-up needs to know. */
export interface ClassicMessengerSettings {
  readonly environment: string;
  readonly deploymentId: string;
  readonly scriptUrl: string;
  /** The IdP's authorize endpoint, hard-coded as such pages do. */
  readonly authorizeEndpoint: string;
  readonly clientId: string;
  /** Whether the page publishes `signedIn` with the code in its URL (the Okta blueprint does). */
  readonly publishSignedIn: boolean;
}

type PageWindow = Window & GenesysHostWindow;

/** Runs the deployment snippet and registers the hand-written AuthProvider; once per page load. */
export function installClassicMessenger(win: PageWindow, settings: ClassicMessengerSettings): void {
  if (win.Genesys) return;
  // The deployment snippet, as Genesys hands it out.
  const genesys = installGenesysSnippet(
    win,
    { environment: settings.environment, deploymentId: settings.deploymentId },
    settings.scriptUrl,
  );

  const redirectUri = win.location.origin + win.location.pathname;
  const authCode = new URLSearchParams(win.location.search).get('code') ?? '';
  const login = () => {
    win.location.href =
      `${settings.authorizeEndpoint}?client_id=${encodeURIComponent(settings.clientId)}` +
      `&response_type=code&scope=${encodeURIComponent('openid profile')}` +
      `&redirect_uri=${encodeURIComponent(redirectUri)}`;
  };

  genesys('registerPlugin', 'AuthProvider', (AuthProvider: GenesysPlugin) => {
    AuthProvider.registerCommand('getAuthCode', (e) => {
      e.resolve({ authCode, redirectUri });
    });
    AuthProvider.registerCommand('reAuthenticate', () => {
      // A login reloads the page, so this never resolves.
      login();
    });
    if (settings.publishSignedIn && authCode) {
      AuthProvider.publish('signedIn', { authCode, redirectUri });
    }
    AuthProvider.ready();
  });
  genesys('subscribe', 'Auth.authError', () => login());
}
