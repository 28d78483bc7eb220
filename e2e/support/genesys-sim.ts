import { expect, type APIRequestContext } from '@playwright/test';
import type {
  MessengerVariants,
  RateLimits,
  SimStats as SimulatorStats,
} from 'ngx-genesys-messenger-auth/testing';

/** The Genesys simulator's origin and its `/__sim/` control API. */
export const SIM_ORIGIN = 'http://localhost:4500';

/** What `GET /__sim/stats` answers (the simulator's own type, from the `/testing` entry). */
export type SimStats = SimulatorStats & { readonly faults: readonly unknown[] };

async function post(request: APIRequestContext, path: string, data: unknown): Promise<unknown> {
  const response = await request.post(`${SIM_ORIGIN}${path}`, { data });
  expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
  return response.json();
}

/** Drives the simulator from a test. */
export const sim = {
  /** Forgets sessions, counters, faults, clock shift and variants; restores the configured limits. */
  reset: (request: APIRequestContext) => post(request, '/__sim/reset', {}),
  /** Moves the simulator's clock forward (pair it with `page.clock.fastForward`). */
  shiftClock: (request: APIRequestContext, ms: number) =>
    post(request, '/__sim/clock', { shiftMs: ms }),
  /**
   * Picks the Messenger variants pages loading the bundle get from now on (those not named keep
   * theirs; `reset` restores the field behaviour), e.g. `{ refreshFailureClearsTokens: false }`
   * for a Messenger that keeps its tokens when a refresh fails. Answers the variants in force.
   */
  setVariants: (request: APIRequestContext, variants: Partial<MessengerVariants>) =>
    post(request, '/__sim/variants', variants) as Promise<MessengerVariants>,
  /** Adds a fault rule. */
  addFault: (request: APIRequestContext, rule: Record<string, unknown>) =>
    post(request, '/__sim/faults', rule),
  /**
   * Sets Genesys' per-minute limits of the token calls (`null`: none; calls not named keep theirs);
   * over a limit the simulator answers 429 with `Retry-After`. Answers the limits in force.
   */
  setLimits: (request: APIRequestContext, limits: Partial<RateLimits>) =>
    post(request, '/__sim/limits', limits) as Promise<RateLimits>,
  /** Removes every fault rule. */
  clearFaults: async (request: APIRequestContext) => {
    expect((await request.delete(`${SIM_ORIGIN}/__sim/faults`)).ok()).toBe(true);
  },
  /**
   * The counters, per-session gaps and refresh margins (ms), and `minRefreshMarginMs`, the
   * smallest margin (`null` before any refresh).
   */
  stats: async (request: APIRequestContext): Promise<SimStats> =>
    (await request.get(`${SIM_ORIGIN}/__sim/stats`)).json() as Promise<SimStats>,
  /** Genesys' time now (ms): the simulator's clock, which the stats' gaps are dated in. */
  now: async (request: APIRequestContext): Promise<number> =>
    Date.parse((await sim.stats(request)).clock.now),
};
