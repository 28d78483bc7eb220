import type { ExchangeParameters, GenesysBackend, MessageReceipt } from './genesys-backend';
import type { GenesysTokens } from './genesys-token-service';
import { InMemoryIdentityProvider } from './in-memory-identity-provider';
import { InMemoryJwtSigner } from './in-memory-jwt-signer';
import type { RateLimits } from './rate-limits';
import { SimulatedGenesys } from './simulated-genesys';
import type { DeploymentConfig } from './token-ports';

/** Options of an {@link InMemoryGenesysBackend}. */
export interface InMemoryGenesysBackendOptions {
  /** The deployments (default: one, `test-deployment`, authentication on). */
  readonly deployments?: readonly DeploymentConfig[];
  /** The clock, ms since the epoch (default `Date.now`, which jest's fake timers control). */
  readonly now?: () => number;
  /** Refresh-token lifetime in seconds (default 24 h). */
  readonly refreshTokenLifetime?: number;
  /** Per-minute limits of the token calls (default: none; change them with `genesys.tokens.limits`). */
  readonly rateLimits?: Partial<RateLimits>;
}

/** The deployment an in-memory backend serves unless told otherwise. */
export const TEST_DEPLOYMENT: DeploymentConfig = {
  id: 'test-deployment',
  name: 'Test deployment',
  auth: { enabled: true, allowSessionUpgrade: true },
};

/**
 * Genesys in memory, for unit tests: the same simulated token API, faults and clock as the
 * simulator server, with an in-memory IdP whose codes the test issues.
 * @usageNotes
 * ```ts
 * const backend = new InMemoryGenesysBackend();
 * const code = backend.idp.issueCode({ subject: 'alice', accessTokenLifetime: 300 });
 * ```
 */
export class InMemoryGenesysBackend implements GenesysBackend {
  /** The IdP behind it: issue codes, end sessions. */
  readonly idp = new InMemoryIdentityProvider();
  /** The simulated Genesys: stats, faults, clock. */
  readonly genesys: SimulatedGenesys;
  private sequence = 0;

  constructor(options: InMemoryGenesysBackendOptions = {}) {
    this.genesys = new SimulatedGenesys({
      idp: this.idp,
      signer: new InMemoryJwtSigner(),
      deployments: options.deployments ?? [TEST_DEPLOYMENT],
      issuer: 'https://genesys.invalid/in-memory',
      refreshTokenLifetime: options.refreshTokenLifetime,
      rateLimits: options.rateLimits,
      now: options.now,
      randomId: () => `${++this.sequence}-${Math.random().toString(36).slice(2, 14)}`,
    });
  }

  /** @inheritdoc */
  deploymentConfig(deploymentId: string): Promise<DeploymentConfig> {
    return this.genesys.deploymentConfig(deploymentId);
  }

  /** @inheritdoc */
  exchangeCode(parameters: ExchangeParameters): Promise<GenesysTokens> {
    return this.genesys.exchange(parameters);
  }

  /** @inheritdoc */
  refresh(refreshToken: string, deploymentId: string): Promise<{ jwt: string }> {
    return this.genesys.refresh({ refreshToken, deploymentId });
  }

  /** @inheritdoc */
  revoke(jwt: string): Promise<void> {
    return this.genesys.revoke(`bearer ${jwt}`);
  }

  /** @inheritdoc */
  sendMessage(jwt: string, text: string): Promise<MessageReceipt> {
    return this.genesys.sendMessage(`bearer ${jwt}`, { text });
  }
}
