/*
 * ngx-genesys-messenger-auth/testing: an emulator of Genesys Messenger and its token API, for
 * unit tests of code that talks to Messenger. The local Genesys simulator is built from it too.
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
export { GenesysDispatcher } from './src/bus/genesys-dispatcher';

// Genesys behind it.
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
export { InMemoryJwtSigner } from './src/backend/in-memory-jwt-signer';
export {
  GENESYS_PATHS,
  HttpGenesysBackend,
  type GenesysOrigins,
} from './src/backend/http-genesys-backend';
export {
  GenesysApiError,
  type GenesysErrorBody,
  type RejectionReason,
} from './src/backend/genesys-api-error';
export {
  SimulatedGenesys,
  type SimStats,
  type SimulatedGenesysOptions,
} from './src/backend/simulated-genesys';
export {
  DEFAULT_REFRESH_TOKEN_LIFETIME_S,
  GenesysTokenService,
  MAX_JWT_LIFETIME_S,
  REFRESH_TOKEN_LIFETIME_RANGE_S,
  type GenesysTokens,
} from './src/backend/genesys-token-service';
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
export {
  FaultPlan,
  SIM_ENDPOINTS,
  parseFaultRule,
  type FaultAction,
  type FaultRule,
  type SimEndpoint,
} from './src/backend/fault-plan';
export type { OAuthExchangeParameters } from './src/backend/request-validation';
export {
  MAX_RATE_LIMIT,
  NO_RATE_LIMITS,
  RATE_LIMITED_ENDPOINTS,
  RATE_LIMIT_WINDOW_MS,
  RateLimiter,
  parseRateLimits,
  type RateLimitedEndpoint,
  type RateLimits,
} from './src/backend/rate-limits';
