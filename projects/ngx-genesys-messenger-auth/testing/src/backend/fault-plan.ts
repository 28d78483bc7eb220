import { GenesysApiError } from './genesys-api-error';
import { optionalWholeNumber, requireObject } from './request-validation';

/** The simulated endpoints faults can target. */
export const SIM_ENDPOINTS = ['exchange', 'refresh', 'revoke', 'config', 'messaging'] as const;
/** One of {@link SIM_ENDPOINTS}. */
export type SimEndpoint = (typeof SIM_ENDPOINTS)[number];

/** A fault: fail (with an HTTP status) and/or delay calls of one endpoint. */
export interface FaultRule {
  readonly endpoint: SimEndpoint;
  /** Answer this status instead of serving the call (4xx/5xx); absent: serve it, maybe late. */
  readonly status?: number;
  /** Answer this many ms late. */
  readonly delayMs?: number;
  /** Affect only the next `count` calls. */
  readonly count?: number;
  /** Affect this share of calls, 0–1 (default 1). */
  readonly rate?: number;
  /** Affect calls for this many seconds of simulator time. */
  readonly forSeconds?: number;
}

/** What to do to one call. */
export interface FaultAction {
  readonly status?: number;
  readonly delayMs?: number;
}

interface ActiveRule extends FaultRule {
  remaining?: number;
  readonly until?: number;
}

const MAX_DELAY_MS = 120_000;

/** Validates a `POST /__sim/faults` rule; throws a 400 naming the bad field. */
export function parseFaultRule(body: unknown): FaultRule {
  const rule = requireObject(body, 'body');
  const endpoint = rule['endpoint'];
  if (typeof endpoint !== 'string' || !(SIM_ENDPOINTS as readonly string[]).includes(endpoint)) {
    throw GenesysApiError.malformed(`endpoint must be one of ${SIM_ENDPOINTS.join(', ')}`);
  }
  const status = optionalWholeNumber(rule, 'status');
  if (status !== undefined && (status < 400 || status > 599)) {
    throw GenesysApiError.malformed('status must be an HTTP error status, 400–599');
  }
  const delayMs = optionalWholeNumber(rule, 'delayMs');
  if (delayMs !== undefined && delayMs > MAX_DELAY_MS) {
    throw GenesysApiError.malformed(`delayMs must be at most ${MAX_DELAY_MS}`);
  }
  if (status === undefined && delayMs === undefined) {
    throw GenesysApiError.malformed('a fault needs a status, a delayMs, or both');
  }
  const rate = rule['rate'];
  if (rate !== undefined && (typeof rate !== 'number' || !(rate > 0 && rate <= 1))) {
    throw GenesysApiError.malformed('rate must be a number greater than 0 and at most 1');
  }
  const count = optionalWholeNumber(rule, 'count');
  const forSeconds = optionalWholeNumber(rule, 'forSeconds');
  if (count === 0 || forSeconds === 0) {
    throw GenesysApiError.malformed('count and forSeconds must be at least 1 when given');
  }
  return {
    endpoint: endpoint as SimEndpoint,
    status,
    delayMs,
    count,
    rate: rate as number | undefined,
    forSeconds,
  };
}

/** The faults in force; each call asks {@link FaultPlan.next} what to do to it. */
export class FaultPlan {
  private rules: ActiveRule[] = [];

  constructor(
    private readonly clock: () => number,
    private readonly random: () => number = Math.random,
  ) {}

  /** Adds a rule; it applies to calls after this one. */
  add(rule: FaultRule): void {
    this.rules.push({
      ...rule,
      remaining: rule.count,
      until: rule.forSeconds === undefined ? undefined : this.clock() + rule.forSeconds * 1000,
    });
  }

  /** Removes every rule, or those of one endpoint. */
  clear(endpoint?: SimEndpoint): void {
    this.rules = endpoint ? this.rules.filter((r) => r.endpoint !== endpoint) : [];
  }

  /** The rules in force. */
  list(): FaultRule[] {
    this.prune();
    return this.rules.map(({ endpoint, status, delayMs, remaining, rate, until }) => ({
      endpoint,
      status,
      delayMs,
      count: remaining,
      rate,
      forSeconds:
        until === undefined ? undefined : Math.max(0, Math.ceil((until - this.clock()) / 1000)),
    }));
  }

  /** What to do to the next call of an endpoint (the first matching rule wins); consumes counts. */
  next(endpoint: SimEndpoint): FaultAction | undefined {
    this.prune();
    const rule = this.rules.find((r) => r.endpoint === endpoint);
    if (!rule) return undefined;
    if (rule.rate !== undefined && this.random() >= rule.rate) return undefined;
    if (rule.remaining !== undefined) rule.remaining--;
    return { status: rule.status, delayMs: rule.delayMs };
  }

  private prune(): void {
    const now = this.clock();
    this.rules = this.rules.filter(
      (r) =>
        (r.remaining === undefined || r.remaining > 0) && (r.until === undefined || now < r.until),
    );
  }
}
