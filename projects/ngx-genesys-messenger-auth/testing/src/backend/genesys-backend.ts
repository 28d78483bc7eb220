import type { GenesysTokens } from './genesys-token-service';
import type { OAuthExchangeParameters } from './request-validation';
import type { DeploymentConfig } from './token-ports';

/** The parameters Messenger sends for a code exchange (contract §4). */
export interface ExchangeParameters {
  readonly deploymentId: string;
  readonly oauth: OAuthExchangeParameters;
}

/** An answer from the messaging service to a message. */
export interface MessageReceipt {
  /** The agent's (simulated) reply. */
  readonly reply: string;
}

/**
 * Genesys as the emulated Messenger reaches it: the token REST API, the deployment configuration
 * and (standing in for the messaging WebSocket) message delivery, which needs a valid JWT.
 * Failures reject with `GenesysApiError`.
 */
export interface GenesysBackend {
  /** Loads a deployment's configuration document. */
  deploymentConfig(deploymentId: string): Promise<DeploymentConfig>;
  /** Exchanges the website's authorization code (or ID token) for Genesys tokens. */
  exchangeCode(parameters: ExchangeParameters): Promise<GenesysTokens>;
  /** Gets a new JWT with the refresh token. */
  refresh(refreshToken: string, deploymentId: string): Promise<{ jwt: string }>;
  /** Revokes the JWT and its refresh token. */
  revoke(jwt: string): Promise<void>;
  /** Sends a message in the conversation the JWT authenticates. */
  sendMessage(jwt: string, text: string): Promise<MessageReceipt>;
}
