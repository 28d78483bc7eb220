import type {
  GenesysAuthCodeResult,
  GenesysCommandEvent,
  GenesysPlugin,
} from 'ngx-genesys-messenger-auth/core';
import type { MessengerClient } from './messenger-client';

/** What the page answers to Messenger's AuthProvider commands (contract §2). */
export interface AuthProviderHandlers {
  /**
   * The latest authorization code, never one already handed over. `undefined` means "resolve
   * nothing" (a login that reloads the page is under way).
   */
  getAuthCode(request: {
    readonly forceUpdate: boolean;
  }): Promise<GenesysAuthCodeResult | undefined>;
  /** Messenger's tokens are no longer valid: sign in again; resolving lets Messenger ask for a code. */
  reAuthenticate(): Promise<void>;
  /** Upgrades an anonymous conversation: a code, as for getAuthCode. */
  signIn(): Promise<GenesysAuthCodeResult>;
  /** Work to finish before `AuthProvider.ready()` tells Messenger to look at its tokens. */
  beforeReady(): Promise<void>;
}

/**
 * Registers the `AuthProvider` plugin: its commands delegate to `handlers`, `signIn` publishes
 * `signedIn` / `signInFailed`, and `ready()` is called once `beforeReady` has settled.
 * @returns the plugin, once Messenger has processed the registration
 */
export function registerAuthProvider(
  client: MessengerClient,
  handlers: AuthProviderHandlers,
): Promise<GenesysPlugin> {
  return new Promise((registered) => {
    client.registerPlugin('AuthProvider', (plugin) => {
      plugin.registerCommand<{ forceUpdate?: boolean }>('getAuthCode', (e) => {
        handlers.getAuthCode({ forceUpdate: e.data?.forceUpdate === true }).then(
          // Nothing to resolve while a login that reloads the page is under way.
          (result) => result && e.resolve(result),
          (error: unknown) => e.reject(error),
        );
      });
      plugin.registerCommand('reAuthenticate', (e) => settle(e, handlers.reAuthenticate()));
      plugin.registerCommand('signIn', (e) => {
        handlers.signIn().then(
          (result) => {
            e.resolve(result);
            plugin.publish('signedIn', result);
          },
          (error: unknown) => {
            // Genesys staff: publish signInFailed when no code is available.
            plugin.publish('signInFailed', {
              message: error instanceof Error ? error.message : String(error),
            });
            e.reject(error);
          },
        );
      });
      const ready = () => {
        plugin.ready();
        registered(plugin);
      };
      // A failed preparation must not keep Messenger waiting for ever: announce readiness anyway.
      handlers.beforeReady().then(ready, ready);
    });
  });
}

/** Settles a command from a promise. */
function settle(e: GenesysCommandEvent, work: Promise<unknown>): void {
  work.then(
    (value) => e.resolve(value),
    (error: unknown) => e.reject(error),
  );
}
