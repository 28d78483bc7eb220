/**
 * Test helpers for the dev IdP: run the real server process and drive its endpoints over HTTP.
 * Used by the dev IdP's own specs and by other servers' specs (e.g. the Genesys simulator).
 */
export { TEST_PASSWORDS, TEST_USERS } from '../src/accounts';
export { CLIENT_IDS, DEV_CLIENTS } from '../src/clients';
export { DEFAULT_GENESYS_CLIENT_SECRET } from '../src/config';
export { CookieJar } from './cookie-jar';
export { discover } from './discovery';
export {
  authorize,
  authorizeWithPassword,
  createPkcePair,
  signInForTokens,
  signInToPortal,
  signOut,
  submitLogin,
} from './oidc-flows';
export type {
  AuthorizeOptions,
  AuthorizeResult,
  FlowResult,
  IdpPage,
  PasswordAuthorizeOptions,
  PkcePair,
} from './oidc-flows';
export { decodeJwtPayload, exchangeCode, refreshTokens } from './token-endpoint';
export type { ExchangeCodeOptions, TokenResponse } from './token-endpoint';
export { DEV_IDP_MAIN, findFreePort, isListening, runCli, startDevIdp } from './process';
export type { CliResult, ExitInfo, ProcessOptions, RunningDevIdp } from './process';
