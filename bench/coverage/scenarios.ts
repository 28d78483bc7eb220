/*
 * The situations of issue 12 §1, each a 24 h signed-in day on virtual time. Times are ms after
 * sign-in on the client's clock.
 */
import type { BenchWorld } from './bench-world';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How long every run lasts on the client's clock (sleep included). */
export const RUN_MS = 24 * HOUR;
/** When the laptop falls asleep, the IdP session ends, the refresh endpoint goes down. */
export const INCIDENT_AT_MS = 2 * HOUR;
/** The gap between opening two tabs in the 5-tab scenario. */
export const TAB_STAGGER_MS = 10_000;

/** Something that happens at a moment of the run. */
export interface ScenarioStep {
  readonly at: number;
  act(world: BenchWorld): void;
}

/** One situation. */
export interface Scenario {
  readonly id: string;
  readonly label: string;
  readonly tabs: number;
  /** How far the client's clock is ahead of the true time, ms. */
  readonly clockSkewMs: number;
  /** Why no strategy can keep the JWT valid without the user here; absent where one can. */
  readonly recoveryImpossible?: string;
  readonly steps: readonly ScenarioStep[];
}

const at = (ms: number, act: (world: BenchWorld) => void): ScenarioStep => ({ at: ms, act });
const base = { tabs: 1, clockSkewMs: 0, steps: [] as ScenarioStep[] };

/** Every scenario, in the order of the report. */
export const SCENARIOS: readonly Scenario[] = [
  { ...base, id: 'visible', label: 'visible tab' },
  {
    ...base,
    id: 'hidden',
    label: 'hidden tab (Chrome throttling)',
    steps: [at(MINUTE, (w) => w.hide())],
  },
  {
    ...base,
    id: 'sleep-30m',
    label: 'laptop sleeps 30 min',
    steps: [at(INCIDENT_AT_MS, (w) => w.sleep(30 * MINUTE))],
  },
  {
    ...base,
    id: 'sleep-8h',
    label: 'laptop sleeps 8 h',
    steps: [at(INCIDENT_AT_MS, (w) => w.sleep(8 * HOUR))],
  },
  { ...base, id: 'clock-minus-2m', label: 'client clock −2 min', clockSkewMs: -2 * MINUTE },
  { ...base, id: 'clock-plus-2m', label: 'client clock +2 min', clockSkewMs: 2 * MINUTE },
  { ...base, id: 'clock-minus-1h', label: 'client clock −1 h', clockSkewMs: -HOUR },
  { ...base, id: 'clock-plus-1h', label: 'client clock +1 h', clockSkewMs: HOUR },
  {
    ...base,
    id: 'refresh-down-2m',
    label: 'refresh endpoint down 2 min',
    // Two minutes from 30 s before one of the bridge's refreshes (every 4 min from sign-in).
    steps: [
      at(INCIDENT_AT_MS - 30_000, (w) =>
        w.backend.genesys.faults.add({ endpoint: 'refresh', status: 503, forSeconds: 120 }),
      ),
    ],
  },
  {
    ...base,
    id: 'refresh-fails-30',
    label: 'refresh fails 30 % of calls',
    steps: [
      at(0, (w) => w.backend.genesys.faults.add({ endpoint: 'refresh', status: 503, rate: 0.3 })),
    ],
  },
  {
    ...base,
    id: 'refresh-slow-10s',
    label: 'refresh answers after 10 s',
    steps: [at(0, (w) => w.backend.genesys.faults.add({ endpoint: 'refresh', delayMs: 10_000 }))],
  },
  { ...base, id: 'tabs-5', label: '5 tabs', tabs: 5 },
  {
    ...base,
    id: 'idp-ended',
    label: 'IdP session ended',
    recoveryImpossible:
      'the IdP needs the user to sign in again; no page can get a code or a JWT without them',
    steps: [at(INCIDENT_AT_MS, (w) => w.endIdpSession())],
  },
];
