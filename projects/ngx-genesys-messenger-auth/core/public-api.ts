/*
 * ngx-genesys-messenger-auth/core: the Angular-free core — the Genesys Messenger API's types and
 * snippet, regions, JWT claims, the refresh maths, configuration validation, coded errors, the
 * logger and the bridge's state types. Safe to import in Node (the local Genesys simulator and
 * the profile server use it).
 */

// What the main entry point needs at start-up lives in the internal `/core/startup` (kept apart
// so that the rest stays out of a portal's initial JavaScript); it is all part of this API.
export * from 'ngx-genesys-messenger-auth/core/startup';
export {
  MIN_REAUTH_WINDOW_MS,
  MIN_SILENT_AUTHORIZATION_TIMEOUT_MS,
  validateMessengerAuthConfig,
} from './src/config-validation';
export { validateRefreshPolicy } from './src/refresh-policy-validation';
export { messengerTokenKeys } from './src/genesys/messenger-storage';
export { readJwtPayload, readJwtTimes, type JwtTimes } from './src/jwt-claims';
export {
  leadTimeMs,
  observeJwt,
  observeStoredJwt,
  refreshDeadline,
  isDue,
  timerDelay,
  type JwtArrival,
  type JwtObservation,
} from './src/refresh-policy';
export {
  backoffDelay,
  DEFAULT_RATE_LIMIT_WAIT_MS,
  isTransientFailure,
  rateLimitWaitMs,
} from './src/backoff';
export { REDACTED, REDACTED_URL_PARAMETERS, fingerprint, redactUrl } from './src/redaction';

// For the library's other entry points only (typo hints of their validation): not public API.
export { closestName as ɵclosestName } from './src/unknown-field';
