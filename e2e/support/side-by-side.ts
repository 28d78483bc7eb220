/**
 * Two users at the same time on the real stack: one on the bridged portal, one on the portal's
 * hand-made live-chat page (the baseline), each in a browser context of their own, measured with
 * the Genesys simulator's per-user stats. Used by the browser benchmark (bench/browser/).
 */
import {
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
} from '@playwright/test';
import { PROMPT_MIN_MS } from '../../bench/coverage/prompt-tracker';
import { observeMessengerStatus, resetWorld, setIdpLifetimes, signInWithMessenger } from './bridge';
import { sim, type SimStats } from './genesys-sim';
import { account, signInAtIdp } from './idp-login';
import { MessengerWidget } from './messenger-widget';
import { IDP_ISSUER } from './stack';

/** Who uses which page. */
export const SIDE_BY_SIDE_USERS = {
  bridged: { username: 'alice', path: '/account', label: 'bridged portal (/account)' },
  baseline: {
    username: 'bob',
    path: '/support/baseline',
    label: 'baseline page (/support/baseline)',
  },
} as const;

/** Which of the two. */
export type Side = keyof typeof SIDE_BY_SIDE_USERS;

/** What one user's browser showed: Messenger's statuses and the IdP login pages, timed. */
interface Observed {
  readonly events: { readonly at: number; readonly kind: 'status' | 'login'; status?: string }[];
  pageLoads: number;
}

/** One user of the run: their browser context and what it observed. */
export interface SideUser {
  readonly side: Side;
  readonly context: BrowserContext;
  readonly observed: Observed;
}

/** What the run measured for one user, over the same window for both. */
export interface SideResult {
  readonly side: Side;
  readonly user: string;
  readonly page: string;
  /** Share of the window during which the user held a valid Genesys JWT, 0–1. */
  readonly coverage: number;
  /** The gaps inside the window, `[from, to)` in ms of the simulator's clock. */
  readonly gaps: readonly (readonly [number, number])[];
  /** Their lengths, seconds. */
  readonly gapSeconds: readonly number[];
  /** Refreshes Genesys served for the user (all sessions). */
  readonly refreshes: number;
  /** Refreshes per access-token lifetime of the window. */
  readonly refreshesPerLifetime: number;
  /** Genesys sessions (code exchanges that started one). */
  readonly sessions: number;
  /** Times the user was asked to act (same rule as the deterministic run's PromptTracker). */
  readonly prompts: number;
  /** Documents the user's tab loaded after sign-in (reloads, logins). */
  readonly pageLoads: number;
}

/** Opens a context for `side` that records Messenger's statuses and the IdP login pages. */
export async function openSide(browser: Browser, side: Side): Promise<SideUser> {
  const context = await browser.newContext();
  const observed: Observed = { events: [], pageLoads: 0 };
  await context.exposeBinding('__benchStatus', (_source, status: string) => {
    observed.events.push({ at: Date.now(), kind: 'status', status });
  });
  await context.addInitScript(observeMessengerStatus, '__benchStatus');
  context.on('response', (response) => {
    const request = response.request();
    const page = request.frame().page();
    if (!request.isNavigationRequest() || request.frame() !== page?.mainFrame()) return;
    observed.pageLoads++;
    const url = new URL(response.url());
    if (url.origin === IDP_ISSUER && url.pathname.startsWith('/interaction/')) {
      observed.events.push({ at: Date.now(), kind: 'login' });
    }
  });
  return { side, context, observed };
}

/** Signs the side's user in on their page and waits until Messenger is authenticated there. */
export async function signInSide(user: SideUser): Promise<void> {
  const { username, path } = SIDE_BY_SIDE_USERS[user.side];
  const page = await user.context.newPage();
  if (user.side === 'bridged') {
    await signInWithMessenger(page);
  } else {
    // The hand-made page sends the browser to the IdP itself when it has no code.
    await page.goto(path);
    await signInAtIdp(page, account(username));
    await expect(page).toHaveURL(/\/support\/baseline\?code=/);
    await new MessengerWidget(page).expectStatus('authenticated');
  }
  // From here on only what happens during the measured window counts.
  user.observed.events.length = 0;
  user.observed.pageLoads = 0;
}

/** The prompts of one user: the same episode rule as bench/coverage/prompt-tracker.ts. */
export function countPrompts(observed: Observed, endAt: number): number {
  let count = 0;
  let since: number | null = null;
  let counted = false;
  const settle = (at: number) => {
    if (since !== null && !counted && at - since >= PROMPT_MIN_MS) {
      counted = true;
      count++;
    }
  };
  for (const event of [...observed.events].sort((a, b) => a.at - b.at)) {
    if (event.kind === 'login') {
      since ??= event.at;
      if (!counted) count++;
      counted = true;
    } else if (event.status === 'reauthenticate') {
      since ??= event.at;
    } else if (event.status === 'authenticated') {
      settle(event.at);
      since = null;
      counted = false;
    }
  }
  settle(endAt);
  return count;
}

/** One user's results over `[from, to)` of the simulator's clock. */
export function sideResult(
  stats: SimStats,
  user: SideUser,
  window: { readonly from: number; readonly to: number; readonly tokenLifetimeS: number },
): SideResult {
  const { username, label } = SIDE_BY_SIDE_USERS[user.side];
  const { sub } = account(username);
  const subject = stats.subjects.find((s) => s.subject === sub);
  const sessions = stats.sessions.filter((s) => s.subject === sub);
  const gaps = (subject?.gaps ?? [])
    .map((gap): [number, number] => [
      Math.max(Date.parse(gap.from), window.from),
      Math.min(Date.parse(gap.to), window.to),
    ])
    .filter(([from, to]) => to > from);
  const windowMs = window.to - window.from;
  const gapMs = gaps.reduce((sum, [from, to]) => sum + (to - from), 0);
  const refreshes = sessions.reduce((sum, s) => sum + s.refreshMargins.length, 0);
  return {
    side: user.side,
    user: username,
    page: label,
    coverage: subject ? 1 - gapMs / windowMs : 0,
    gaps,
    gapSeconds: gaps.map(([from, to]) => (to - from) / 1000),
    refreshes,
    refreshesPerLifetime: refreshes / (windowMs / 1000 / window.tokenLifetimeS),
    sessions: sessions.length,
    prompts: countPrompts(user.observed, window.to),
    pageLoads: user.observed.pageLoads,
  };
}

/** What {@link runSideBySide} measured. */
export interface SideBySideRun {
  /** The window, ms of the simulator's clock. */
  readonly from: number;
  readonly to: number;
  readonly tokenLifetimeS: number;
  readonly results: readonly SideResult[];
}

/**
 * Signs both users in with `tokenLifetimeS` access tokens, keeps both pages open for `seconds` of
 * real time (the same window for both), and reads the simulator's per-user stats.
 */
export async function runSideBySide(
  browser: Browser,
  request: APIRequestContext,
  { tokenLifetimeS, seconds }: { readonly tokenLifetimeS: number; readonly seconds: number },
): Promise<SideBySideRun> {
  await resetWorld(request);
  await setIdpLifetimes(request, { accessToken: tokenLifetimeS });
  const users = [await openSide(browser, 'bridged'), await openSide(browser, 'baseline')];
  try {
    await Promise.all(users.map(signInSide));
    // The simulator's time: the window is measured on the clock the gaps are dated with.
    const from = await sim.now(request);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const stats = await sim.stats(request);
    const to = Date.parse(stats.clock.now);
    const window = { from, to, tokenLifetimeS };
    return { from, to, tokenLifetimeS, results: users.map((u) => sideResult(stats, u, window)) };
  } finally {
    for (const user of users) await user.context.close();
    await resetWorld(request);
  }
}
