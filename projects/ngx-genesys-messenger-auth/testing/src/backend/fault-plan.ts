/** The simulated endpoints faults can target. */
export const SIM_ENDPOINTS = ['exchange', 'refresh', 'revoke', 'config', 'messaging'] as const;
/** One of {@link SIM_ENDPOINTS}. */
export type SimEndpoint = (typeof SIM_ENDPOINTS)[number];

/**
 * A fault: fail (with an HTTP status) and/or delay calls of one endpoint. Rules are trusted as
 * given (a test wrote them); the simulator validates the ones its control API receives.
 */
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
