/**
 * The bridge keeps Messenger's JWT valid for the whole portal session (issue 4, e2e a and f; issue
 * 10), with the dev IdP's 300 s access tokens and virtual time shared by the browser, Genesys and
 * the IdP.
 */
import {
  expect,
  test,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import {
  advance,
  advancePastNextRefresh,
  browserNow,
  countLoginPages,
  countPageLoads,
  nextRefreshAt,
  recordedStatuses,
  recordMessengerAuthorizations,
  setVisibility,
  signInWithMessenger,
  sleepFor,
  useVirtualTime,
} from './support/bridge';
import { sim } from './support/genesys-sim';
import { fallAsleep, settleAfterJump, wakeUp, type PageWakeupKind } from './support/time-jumps';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The schedule for the dev IdP's 300 s tokens with the default policy: 60 s before expiry. */
const JWT_LIFETIME_MS = 300_000;
const LEAD_MS = 60_000;
const CYCLE_MS = JWT_LIFETIME_MS - LEAD_MS;
/**
 * Awake, virtual time moves in steps of this size (to the ms, so they line up with nothing). A
 * timer due within a step fires at its end (`clock.fastForward`), up to a step late: the lead
 * covers that, so every refresh made awake comes at least `LEAD_MS - MAX_STEP_MS` before expiry.
 */
const MIN_STEP_MS = 3_000;
const MAX_STEP_MS = 50_000;
/** That margin, less the JWT's whole-second `iat` (≤ 1 s) and the clocks' drift. */
const MIN_AWAKE_MARGIN_MS = LEAD_MS - MAX_STEP_MS - 5_000;
/** How long a due refresh may take (as `settleAfterJump` allows): far more than a round trip. */
const ROUND_TRIP_MS = 5_000;

/** mulberry32: a small seeded generator of numbers in [0, 1), so that a failing day can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** `E2E_SEED` replays a day; otherwise each run picks its own. */
function seedOfThisRun(): number {
  const given = process.env['E2E_SEED'];
  return given === undefined ? Math.floor(Math.random() * 2 ** 32) : Number(given) >>> 0;
}

/** A duration as people read it in the day's log. */
function span(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : s < 3600 ? `${(s / 60).toFixed(1)} min` : `${(s / 3600).toFixed(2)} h`;
}

/**
 * Drives one portal page through a day and keeps, independently of the bridge, the count of
 * refreshes its schedule calls for: once a cycle (`CYCLE_MS` after the last JWT arrived) while
 * awake, at the end of the step in which it fell due, and once on waking from a sleep that
 * outlasted the deadline.
 */
class PortalDay {
  /** Refreshes the schedule calls for. */
  expected = 0;
  /** Where each sleep began and ended, in the simulator's clock (the one gaps are dated in). */
  readonly sleeps: { readonly from: number; readonly to: number }[] = [];
  /** Indexes (in the order Genesys served them) of the refreshes made on waking. */
  readonly wakeRefreshes = new Set<number>();
  /** What the day was made of, for replaying it in mind. */
  readonly log: string[] = [];
  /** How many awake steps were taken. */
  steps = 0;
  private due: number;

  constructor(
    private readonly page: Page,
    private readonly context: BrowserContext,
    private readonly request: APIRequestContext,
    signedInAt: number,
  ) {
    this.due = signedInAt + CYCLE_MS;
  }

  /** Time passes awake by `ms`. */
  async step(ms: number): Promise<void> {
    this.steps++;
    await advance(this.context, this.request, ms);
    this.reached(await this.settle(`after a step of ${ms} ms`));
  }

  /** The tab is switched to or away from (a switch to it is a wake-up too). */
  async show(state: 'hidden' | 'visible'): Promise<void> {
    await setVisibility(this.page, state);
    this.reached(await this.settle(`after the tab became ${state}`));
  }

  /** The laptop sleeps for `ms`, and the page learns it woke up by `kind`. */
  async sleep(ms: number, kind: PageWakeupKind): Promise<void> {
    const before = await sim.stats(this.request);
    await fallAsleep(this.page, kind);
    await sleepFor(this.page, this.request, ms);
    const wokeAt = Date.parse((await sim.stats(this.request)).clock.now);
    await wakeUp(this.page, kind);
    this.reached(await this.settle(`after the ${kind} wake-up from ${span(ms)} asleep`));
    if ((await sim.stats(this.request)).refreshes > before.refreshes)
      this.wakeRefreshes.add(before.refreshes);
    this.sleeps.push({ from: Date.parse(before.clock.now), to: wokeAt });
  }

  private reached(now: number): void {
    if (now < this.due) return;
    this.expected++;
    this.due = now + CYCLE_MS;
  }

  private async settle(when: string): Promise<number> {
    return (await settleAfterJump(this.page, when)).now;
  }
}

test.describe('Messenger with the bridge: proactive refresh', () => {
  useVirtualTime(test);

  test('stays signed in through a day of random steps, tab switches and sleeps, refreshing no more than its schedule says', async ({
    page,
    context,
    request,
  }) => {
    test.setTimeout(10 * MINUTE);
    const seed = seedOfThisRun();
    // The seed replays a failing day: E2E_SEED=<seed> npx playwright test …
    console.log(`bridge-refresh: a day with E2E_SEED=${seed}`);
    test.info().annotations.push({ type: 'seed', description: `E2E_SEED=${seed}` });
    const random = seededRandom(seed);
    const between = (min: number, max: number) => min + Math.floor(random() * (max - min));

    await signInWithMessenger(page);
    const loginPages = countLoginPages(page);
    const loads = countPageLoads(page);
    const authorizations = recordMessengerAuthorizations(context);
    const start = await browserNow(page);
    const day = new PortalDay(page, context, request, start);
    // Genesys' refresh token lives 24 h from the sign-in: stop short of it.
    const end = start + 24 * HOUR - 10 * MINUTE;
    const left = async () => end - (await browserNow(page));

    try {
      while ((await left()) > MAX_STEP_MS) {
        // Awake for 8–40 min, the portal's tab in front or behind others.
        const visibility = random() < 0.5 ? 'hidden' : 'visible';
        const awake = Math.min(between(8 * MINUTE, 40 * MINUTE), await left());
        day.log.push(`awake ${span(awake)}, ${visibility}`);
        await day.show(visibility);
        for (let spent = 0; spent < awake;) {
          const step = between(MIN_STEP_MS, MAX_STEP_MS);
          await day.step(step);
          spent += step;
        }
        // Then, mostly, the laptop sleeps: briefly (less than a cycle) or for long.
        // A brief sleep ends before the refresh is due: the wake-up re-aims the timer (see the
        // last test of bridge-wakeups.spec.ts).
        if (random() < 0.2) continue;
        const asleep = Math.min(
          random() < 0.3 ? between(20_000, CYCLE_MS - 10_000) : between(4.5 * MINUTE, 3 * HOUR),
          (await left()) - MAX_STEP_MS,
        );
        if (asleep <= 0) break;
        const kinds: PageWakeupKind[] = ['visible', 'online', 'resume'];
        const kind = kinds[Math.floor(random() * kinds.length)];
        day.log.push(`asleep ${span(asleep)}, woken by ${kind}`);
        await day.sleep(asleep, kind);
      }
    } catch (error) {
      console.log(
        [`bridge-refresh: E2E_SEED=${seed}, the day until it failed:`, ...day.log].join('\n  '),
      );
      throw error;
    } finally {
      const body = [`E2E_SEED=${seed}, ${day.steps} awake steps`, ...day.log].join('\n');
      await test.info().attach('the day', { body });
    }

    const stats = await sim.stats(request);
    const summary = `E2E_SEED=${seed}: ${stats.refreshes} refreshes, the schedule's ${day.expected}`;
    console.log(
      `bridge-refresh: ${summary}, ${day.steps} awake steps, ${day.sleeps.length} sleeps`,
    );
    expect(stats.sessions, summary).toHaveLength(1);
    expect(stats.subjects, summary).toHaveLength(1);
    expect(stats.codesExchanged, summary).toBe(1);
    expect(stats.rejections, summary).toEqual({});
    expect(await recordedStatuses(page)).not.toContain('reauthenticate');
    expect(loginPages()).toBe(0);
    expect(authorizations).toEqual([]);
    expect(loads()).toBe(0);
    // Without a valid JWT only while asleep, and until at most a round trip after waking.
    for (const gap of stats.subjects[0].gaps) {
      const [from, to] = [Date.parse(gap.from), Date.parse(gap.to)];
      const inSleep = day.sleeps.some((s) => from >= s.from && to <= s.to + ROUND_TRIP_MS);
      expect(inSleep, `${summary}; a gap outside the sleeps: ${JSON.stringify(gap)}`).toBe(true);
    }
    // Bounded from above and below by the schedule.
    expect(stats.refreshes, summary).toBeLessThanOrEqual(day.expected + 1);
    expect(stats.refreshes, summary).toBeGreaterThanOrEqual(day.expected - 1);
    // Every refresh made awake came well before its JWT expired.
    const awakeMargins = stats.sessions[0].refreshMargins.filter(
      (_, i) => !day.wakeRefreshes.has(i),
    );
    expect(awakeMargins.length, summary).toBeGreaterThan(0);
    expect(Math.min(...awakeMargins), summary).toBeGreaterThanOrEqual(MIN_AWAKE_MARGIN_MS);
    await expect(page.getByTestId('messenger-bridge-state')).toHaveAttribute(
      'data-state',
      'authenticated',
    );
  });

  test('loses no time without a valid JWT while the refresh endpoint fails for 60 s', async ({
    page,
    context,
    request,
  }) => {
    await signInWithMessenger(page);
    await advancePastNextRefresh(page, request);

    // Just before the next refresh is due, Genesys' refresh endpoint starts failing for 60 s.
    const due = await nextRefreshAt(page);
    await advance(context, request, due - (await browserNow(page)) - 2_000);
    await sim.addFault(request, { endpoint: 'refresh', status: 503, forSeconds: 60 });
    await advance(context, request, 3_000);
    await expect.poll(() => nextRefreshAt(page), { timeout: 20_000 }).toBeGreaterThan(due);
    for (let i = 0; i < 3; i++) await advancePastNextRefresh(page, request);

    const stats = await sim.stats(request);
    expect(stats.rejections['fault-injected']).toBeGreaterThanOrEqual(1);
    expect(stats.subjects).toHaveLength(1);
    expect(stats.subjects[0].gaps).toEqual([]);
    await expect(page.getByTestId('messenger-bridge-state')).toHaveAttribute(
      'data-state',
      'authenticated',
    );
  });
});
