/*
 * ngx-genesys-messenger-auth/core: the Angular-free core — the Genesys Messenger API's types and
 * snippet, regions, JWT claims, the refresh maths, configuration validation and coded errors.
 * Safe to import in Node (the local Genesys simulator and the profile server use it).
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
export { messengerTokenKeys } from './src/genesys/messenger-storage';
export {
  GENESYS_REGIONS,
  genesysHosts,
  regionOf,
  type GenesysHosts,
  type GenesysRegion,
} from './src/genesys-regions';
export { readJwtPayload, readJwtTimes, type JwtTimes } from './src/jwt-claims';
export {
  DEFAULT_REFRESH_POLICY,
  MAX_TIMER_DELAY_MS,
  isDue,
  leadTimeMs,
  observeJwt,
  observeStoredJwt,
  refreshDeadline,
  timerDelay,
  validateRefreshPolicy,
  type JwtArrival,
  type JwtObservation,
  type RefreshPolicy,
} from './src/refresh-policy';
export {
  backoffDelay,
  DEFAULT_RATE_LIMIT_WAIT_MS,
  isTransientFailure,
  rateLimitWaitMs,
} from './src/backoff';
export {
  DEFAULT_MESSENGER_AUTH_CONFIG,
  MIN_REAUTH_WINDOW_MS,
  MIN_SILENT_AUTHORIZATION_TIMEOUT_MS,
  validateMessengerAuthConfig,
  type MessengerAuthConfig,
  type MessengerReauthMode,
  type ResolvedMessengerAuthConfig,
} from './src/config-validation';
export {
  MessengerAuthError,
  MessengerAuthErrorCode,
  formatErrorCode,
  isMessengerAuthError,
  type MessengerAuthErrorOptions,
} from './src/errors';
export { REDACTED, REDACTED_URL_PARAMETERS, fingerprint, redactUrl } from './src/redaction';
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
  closestName as ɵclosestName,
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
