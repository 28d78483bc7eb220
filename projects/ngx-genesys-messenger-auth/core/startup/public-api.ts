/*
 * ngx-genesys-messenger-auth/core/startup — internal, no API guarantees: the part of `/core` the
 * main entry point needs while the app starts (coded errors, the configuration's shape and
 * defaults, regions, the snippet, the logger, the bridge's state types and the redirect capture).
 * `/core` re-exports all of it; import `/core` or the main entry point instead. Kept apart so that
 * what only the lazily loaded engine uses (configuration validation, refresh maths, backoff, JWT
 * reading) stays out of a portal's initial JavaScript: bundlers split code by module, and `/core`
 * is one module in the package.
 */

export type {
  GenesysAuthCodeResult,
  GenesysAuthenticatedData,
  GenesysCommandEvent,
  GenesysCommandHandler,
  GenesysEnvelope,
  GenesysGlobal,
  GenesysPlugin,
  GenesysSnippetConfig,
  GenesysSubscriber,
} from './src/genesys/genesys-api';
export { installGenesysSnippet, type GenesysHostWindow } from './src/genesys/genesys-snippet';
export {
  GENESYS_REGIONS,
  genesysHosts,
  regionOf,
  type GenesysHosts,
  type GenesysRegion,
} from './src/genesys-regions';
export {
  customOrigin as ɵcustomOrigin,
  DEFAULT_MESSENGER_AUTH_CONFIG,
  DEFAULT_REFRESH_POLICY,
  MAX_TIMER_DELAY_MS,
  type MessengerAuthConfig,
  type MessengerReauthMode,
  type RefreshPolicy,
  type ResolvedMessengerAuthConfig,
} from './src/config';
export {
  MessengerAuthError,
  MessengerAuthErrorCode,
  formatErrorCode,
  isMessengerAuthError,
  type MessengerAuthErrorOptions,
} from './src/errors';
export {
  ConsoleMessengerAuthLogger,
  MessengerAuthLogger,
  MessengerAuthLogLevel,
} from './src/messenger-auth-logger';
export type {
  MessengerAuthEndReason,
  MessengerAuthEvent,
  MessengerAuthEventType,
  MessengerAuthState,
} from './src/bridge-state';

// For the library's other entry points only (readable messages of its errors and validation): not
// public API, may change in any release.
export {
  describeError as ɵdescribeError,
  describeValue as ɵdescribeValue,
  invalidConfigError as ɵinvalidConfigError,
} from './src/errors';
export { DEV_MODE as ɵDEV_MODE } from './src/dev-mode';
// Shared by the main entry's start-up redirect capture and the lazily loaded engine.
export {
  MAX_PENDING_AGE_MS as ɵMAX_PENDING_AGE_MS,
  PendingAuthorizations as ɵPendingAuthorizations,
  readList as ɵreadList,
  writeList as ɵwriteList,
  type AuthorizationMode as ɵAuthorizationMode,
  type PendingAuthorization as ɵPendingAuthorization,
} from './src/authorization/pending-authorizations';
export {
  RESPONSE_PARAMETERS as ɵRESPONSE_PARAMETERS,
  callbackError as ɵcallbackError,
  captureRedirect as ɵcaptureRedirect,
  type CapturedRedirect as ɵCapturedRedirect,
  type RedirectCaptureTarget as ɵRedirectCaptureTarget,
} from './src/authorization/redirect-capture';
