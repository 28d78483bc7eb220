/*
 * Public API surface of ngx-genesys-messenger-auth: set-up, the bridge at run time, and the
 * core's types and errors most apps need (the whole Angular-free core is in `/core`).
 */

// Set-up.
export {
  MessengerAuthFeatureKind,
  provideMessengerAuth,
  withMessengerAuthLogger,
  withMessengerSnippet,
  withRemoteProfile,
  type MessengerAuthFeature,
  type RemoteProfileOptions,
} from './lib/provide-messenger-auth';
export { MessengerAuthModule } from './lib/messenger-auth.module';
export {
  MESSENGER_AUTH_CLOCK,
  MESSENGER_AUTH_CONFIG_SOURCE,
  MESSENGER_AUTH_SCHEDULER,
} from './lib/messenger-auth-tokens';

// The bridge at run time.
export { MessengerAuth, SILENT_CALLBACK_PATH } from './lib/messenger-auth';
export {
  ConsoleMessengerAuthLogger,
  MessengerAuthLogger,
  MessengerAuthLogLevel,
  type MessengerAuthEndReason,
  type MessengerAuthEvent,
  type MessengerAuthEventType,
  type MessengerAuthState,
} from 'ngx-genesys-messenger-auth/core/startup';
export { MessengerAwareOidcSecurityService } from './lib/oidc/messenger-aware-oidc-security.service';

// From the core, re-exported for convenience.
export {
  DEFAULT_REFRESH_POLICY,
  MessengerAuthError,
  MessengerAuthErrorCode,
  formatErrorCode,
  installGenesysSnippet,
  isMessengerAuthError,
  type GenesysAuthCodeResult,
  type GenesysGlobal,
  type GenesysPlugin,
  type GenesysSnippetConfig,
  type MessengerAuthConfig,
  type RefreshPolicy,
  type ResolvedMessengerAuthConfig,
} from 'ngx-genesys-messenger-auth/core/startup';
