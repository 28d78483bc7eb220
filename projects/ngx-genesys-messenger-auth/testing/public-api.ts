/*
 * ngx-genesys-messenger-auth/testing: an emulator of Genesys Messenger and its token API, for
 * unit tests of code that talks to Messenger. The local Genesys simulator is built from it too;
 * what only the simulator needs is exported at the end with a `ɵ` prefix and is not public API.
 */

// Messenger in the page.
export {
  MessengerEmulator,
  type EmulatorWindow,
  type MessengerEmulatorOptions,
  type MessengerViewState,
} from './src/messenger/messenger-emulator';
export type { MessengerAuthStatus, MessengerErrorData } from './src/messenger/emulated-auth-plugin';
export {
  ALL_MESSENGER_VARIANTS,
  ALL_MESSENGER_VARIANTS_KEEPING_TOKENS,
  DEFAULT_MESSENGER_VARIANTS,
  type MessengerVariants,
} from './src/messenger/messenger-variants';
export { MessengerTokenStore } from './src/messenger/messenger-token-store';
export { GenesysBus, REAL_BUS_ENVIRONMENT, type BusEnvironment } from './src/bus/genesys-bus';

// Genesys behind it, in memory.
export type {
  ExchangeParameters,
  GenesysBackend,
  MessageReceipt,
} from './src/backend/genesys-backend';
export {
  InMemoryGenesysBackend,
  TEST_DEPLOYMENT,
  type InMemoryGenesysBackendOptions,
} from './src/backend/in-memory-genesys-backend';
export {
  InMemoryIdentityProvider,
  type CodeOptions,
} from './src/backend/in-memory-identity-provider';
export {
  GenesysApiError,
  type GenesysErrorBody,
  type RejectionReason,
} from './src/backend/genesys-api-error';

// What `InMemoryGenesysBackend.genesys` is: faults, per-minute limits, stats and the clock.
export {
  SimulatedGenesys,
  type SimStats,
  type SimulatedGenesysOptions,
} from './src/backend/simulated-genesys';
export {
  FaultPlan,
  SIM_ENDPOINTS,
  type FaultAction,
  type FaultRule,
  type SimEndpoint,
} from './src/backend/fault-plan';
export {
  GenesysTokenService,
  type GenesysTokenServiceOptions,
  type GenesysTokens,
} from './src/backend/genesys-token-service';
export {
  RATE_LIMITED_ENDPOINTS,
  RateLimiter,
  type RateLimitedEndpoint,
  type RateLimits,
} from './src/backend/rate-limits';
export type {
  GapStats,
  SessionStats,
  SubjectStats,
  TokenStats,
} from './src/backend/session-timeline';
export {
  IdpRefusal,
  type DeploymentConfig,
  type IdentityProviderPort,
  type IdpGrant,
  type JwtSigner,
} from './src/backend/token-ports';
export type { OAuthExchangeParameters } from './src/backend/request-validation';

// For the local Genesys simulator only (its HTTP server and browser bundle): not public API, may
// change in any release.
export {
  GENESYS_PATHS as ɵGENESYS_PATHS,
  HttpGenesysBackend as ɵHttpGenesysBackend,
  type GenesysOrigins as ɵGenesysOrigins,
} from './src/backend/http-genesys-backend';
export {
  DEFAULT_REFRESH_TOKEN_LIFETIME_S as ɵDEFAULT_REFRESH_TOKEN_LIFETIME_S,
  REFRESH_TOKEN_LIFETIME_RANGE_S as ɵREFRESH_TOKEN_LIFETIME_RANGE_S,
} from './src/backend/genesys-token-service';
export {
  MAX_RATE_LIMIT as ɵMAX_RATE_LIMIT,
  parseRateLimits as ɵparseRateLimits,
} from './src/backend/rate-limits';
