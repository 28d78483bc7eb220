import { FaultPlan, type SimEndpoint } from './fault-plan';
import { GenesysApiError } from './genesys-api-error';
import { GenesysTokenService, type GenesysTokens } from './genesys-token-service';
import type { RateLimits } from './rate-limits';
import type { TokenStats } from './session-timeline';
import { requireObject, requireString } from './request-validation';
import type { DeploymentConfig, IdentityProviderPort, JwtSigner } from './token-ports';

/** Options of a {@link SimulatedGenesys}. */
export interface SimulatedGenesysOptions {
  /** The website's IdP as Genesys reaches it. */
  readonly idp: IdentityProviderPort;
  /** Signs the JWTs. */
  readonly signer: JwtSigner;
  /** The deployments served. */
  readonly deployments: readonly DeploymentConfig[];
  /** The `iss` of the JWTs. */
  readonly issuer: string;
  /** Refresh-token lifetime in seconds (default 24 h). */
  readonly refreshTokenLifetime?: number;
  /** Per-minute limits of the token calls, per deployment (default: none). */
  readonly rateLimits?: Partial<RateLimits>;
  /** The underlying clock (ms); the simulator adds its shift. Default `Date.now`. */
  readonly now?: () => number;
  /** Makes unguessable ids. */
  readonly randomId: () => string;
  /** Waits, for injected delays. Default `setTimeout`. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Everything `GET /__sim/stats` reports. */
export interface SimStats extends TokenStats {
  readonly messagesSent: number;
  readonly clock: { readonly now: string; readonly offsetMs: number };
}

const MAX_MESSAGE_LENGTH = 4000;

/**
 * Genesys as the simulator presents it, free of any transport: the token API with its faults,
 * a shiftable clock, deployment configuration and message delivery. The Node simulator serves it
 * over HTTP; the in-memory backend calls it directly, so both behave the same.
 */
export class SimulatedGenesys {
  /** The injected faults. */
  readonly faults: FaultPlan;
  /** The token API. */
  readonly tokens: GenesysTokenService;
  private offsetMs = 0;
  private messagesSent = 0;
  private readonly baseNow: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: SimulatedGenesysOptions) {
    this.baseNow = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const clock = () => this.now();
    this.faults = new FaultPlan(clock);
    this.tokens = new GenesysTokenService({ ...options, clock });
  }

  /** The simulator's time, ms since the epoch (the base clock plus the shift). */
  now(): number {
    return this.baseNow() + this.offsetMs;
  }

  /** Shifts the simulator's clock by `ms` (tests pair it with the browser's clock). */
  shiftClock(ms: number): void {
    this.offsetMs += ms;
  }

  /** Sets the simulator's clock to an absolute time (ms since the epoch). */
  setClock(epochMs: number): void {
    this.offsetMs = epochMs - this.baseNow();
  }

  /** The deployment configuration document. */
  deploymentConfig(deploymentId: string): Promise<DeploymentConfig> {
    return this.call('config', async () => this.tokens.deploymentConfig(deploymentId));
  }

  /** The code exchange, with faults applied. */
  exchange(body: unknown): Promise<GenesysTokens> {
    return this.call('exchange', () => this.tokens.exchange(body));
  }

  /** The refresh, with faults applied. */
  refresh(body: unknown): Promise<{ jwt: string }> {
    return this.call('refresh', () => this.tokens.refresh(body));
  }

  /** The revocation, with faults applied. */
  revoke(authorization: string | undefined): Promise<void> {
    return this.call('revoke', () => this.tokens.revoke(authorization));
  }

  /** Delivers a message `{text}` for the conversation a valid bearer JWT authenticates. */
  sendMessage(authorization: string | undefined, body: unknown): Promise<{ reply: string }> {
    return this.call('messaging', async () => {
      const text = requireString(requireObject(body, 'body'), 'text', 'text', MAX_MESSAGE_LENGTH);
      await this.tokens.authorize(authorization);
      this.messagesSent++;
      return { reply: `Thanks — an agent has your message (${text.length} characters).` };
    });
  }

  /** Counters, per-session gaps, clock. */
  stats(): SimStats {
    return {
      ...this.tokens.stats(),
      messagesSent: this.messagesSent,
      clock: { now: new Date(this.now()).toISOString(), offsetMs: this.offsetMs },
    };
  }

  /** Back to a fresh simulator: no sessions, counters, faults or clock shift; configured limits. */
  reset(): void {
    this.tokens.reset();
    this.faults.clear();
    this.offsetMs = 0;
    this.messagesSent = 0;
  }

  private async call<T>(endpoint: SimEndpoint, serve: () => Promise<T>): Promise<T> {
    const fault = this.faults.next(endpoint);
    if (fault?.delayMs) await this.sleep(fault.delayMs);
    if (fault?.status !== undefined) {
      this.tokens.countRejection('fault-injected');
      throw new GenesysApiError(
        fault.status,
        'fault.injected',
        `injected fault on ${endpoint}`,
        'fault-injected',
      );
    }
    return serve();
  }
}
