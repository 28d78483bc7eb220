/*
 * One run of the coverage benchmark: a strategy through a scenario on jest's fake timers, measured
 * with the simulated Genesys' own stats (its per-user gaps without a valid JWT).
 */
import { SUBJECT } from '../../projects/ngx-genesys-messenger-auth/engine/src/bridge/bridge.spec-helpers';
import { BenchWorld } from './bench-world';
import { RUN_MS, TAB_STAGGER_MS, type Scenario } from './scenarios';
import { minus, type Span } from './spans';
import type { Strategy } from './strategies';

/** The moment of sign-in (client clock). */
export const START = Date.parse('2026-11-26T08:00:00Z');
/** The seed of the run's pseudo-random numbers (fault rates, ids). */
export const SEED = 12;

/** What one run measured. */
export interface RunResult {
  readonly strategy: string;
  readonly scenario: string;
  /** Share of signed-in awake time with a valid JWT, 0–1. */
  readonly coverage: number;
  /** The longest awake time without a valid JWT, seconds. */
  readonly longestGapS: number;
  /** Refresh calls that reached Genesys per awake hour. */
  readonly refreshCallsPerHour: number;
  readonly refreshCalls: number;
  /** The JWTs Genesys issued (refresh cycles). */
  readonly jwts: number;
  /** Timer callbacks of the busiest tab per JWT issued. */
  readonly wakeupsPerCycle: number;
  readonly prompts: number;
  /** Navigations to the IdP's login page. */
  readonly loginPages: number;
  /** Codes Genesys refused because it had seen them before (login loops). */
  readonly codesReused: number;
  /** The awake gaps, seconds after sign-in (true clock), for the charts. */
  readonly gaps: readonly (readonly [number, number])[];
}

/** mulberry32: a small seeded generator, so that two runs draw the same numbers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fake clock jest installed (its `setTimeout` carries it), to see when the next timer is due. */
interface FakeClock {
  readonly timers?: { values(): Iterable<{ readonly callAt: number }> };
}

const realSetImmediate = (jest.requireActual('timers') as typeof import('timers')).setImmediate;
/** Lets every promise chain settle (one real macrotask: cheaper than jest's async ticks). */
const settle = () => new Promise<void>((resolve) => realSetImmediate(resolve));

function nextTimerAt(): number | undefined {
  const { clock } = setTimeout as unknown as { clock: FakeClock };
  let next: number | undefined;
  for (const timer of clock.timers?.values() ?? []) next = Math.min(next ?? Infinity, timer.callAt);
  return next;
}

/**
 * Runs the timers up to `msAfterStart`, one at a time with every promise settled in between, as
 * `jest.advanceTimersByTimeAsync` does, but without its real 1 ms wait per timer (a 4 s poll
 * fires 21,600 times a day).
 */
async function advanceTo(msAfterStart: number): Promise<void> {
  const target = START + msAfterStart;
  for (;;) {
    await settle();
    const next = nextTimerAt();
    if (next === undefined || next > target) break;
    jest.advanceTimersToNextTimer();
  }
  if (target > Date.now()) jest.advanceTimersByTime(target - Date.now());
  await settle();
}

/** Runs `strategy` through `scenario` for a day and measures it. */
export async function runScenario(strategy: Strategy, scenario: Scenario): Promise<RunResult> {
  const random = Math.random;
  Math.random = seededRandom(SEED);
  jest.useFakeTimers({ now: START, doNotFake: ['queueMicrotask', 'nextTick'] });
  window.localStorage.clear();
  const world = new BenchWorld({ clockSkewMs: scenario.clockSkewMs, chromium: scenario.tabs > 1 });
  try {
    for (let i = 0; i < scenario.tabs; i++) {
      await advanceTo(i * TAB_STAGGER_MS);
      await strategy.open(world);
    }
    for (const step of [...scenario.steps].sort((a, b) => a.at - b.at)) {
      await advanceTo(step.at);
      step.act(world);
    }
    await advanceTo(RUN_MS);
    return measure(world, strategy, scenario);
  } finally {
    world.closeAll();
    jest.useRealTimers();
    Math.random = random;
  }
}

const length = (spans: readonly Span[]) => spans.reduce((sum, s) => sum + s.to - s.from, 0);

function measure(world: BenchWorld, strategy: Strategy, scenario: Scenario): RunResult {
  const stats = world.backend.genesys.stats();
  const end = world.backend.genesys.now();
  const signedInAt = Math.min(...stats.sessions.map((s) => Date.parse(s.createdAt)));
  // Genesys' clock is the true one; the sleeps were measured on the client's.
  const asleep = world.sleeps.map((s) => ({
    from: s.from - scenario.clockSkewMs,
    to: s.to - scenario.clockSkewMs,
  }));
  const awakeMs = length(minus({ from: signedInAt, to: end }, asleep));
  const subject = stats.subjects.find((s) => s.subject === SUBJECT);
  const gaps = (subject?.gaps ?? []).map((gap) =>
    minus({ from: Date.parse(gap.from), to: Date.parse(gap.to) }, asleep),
  );
  const gapMs = gaps.reduce((sum, parts) => sum + length(parts), 0);
  const jwts = stats.sessions.reduce((sum, s) => sum + s.jwtsIssued, 0);
  const busiest = Math.max(...world.tabs.map((tab) => tab.timers.wakeups));
  return {
    strategy: strategy.id,
    scenario: scenario.id,
    coverage: 1 - gapMs / awakeMs,
    longestGapS: Math.max(0, ...gaps.map(length)) / 1000,
    refreshCallsPerHour: world.refreshCalls / (awakeMs / 3_600_000),
    refreshCalls: world.refreshCalls,
    jwts,
    wakeupsPerCycle: busiest / Math.max(1, jwts),
    prompts: world.prompts(),
    loginPages: world.loginPages(),
    codesReused: stats.rejections['code-reused'] ?? 0,
    gaps: gaps.flat().map((g) => [(g.from - signedInAt) / 1000, (g.to - signedInAt) / 1000]),
  };
}
