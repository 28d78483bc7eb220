/**
 * Time jumps in e2e tests: a laptop that sleeps and wakes up (the events a browser fires then),
 * and what must settle in a page before virtual time may jump again.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { setVisibility, sleepFor } from './bridge';

/**
 * What tells a page that it may have missed its timers — the events a browser fires when a laptop
 * wakes up or a tab comes back:
 * - `visible`: the tab was hidden (lid closed, screen locked) and becomes visible;
 * - `online`: the network went away with the sleep and comes back (the tab stays as it was);
 * - `resume`: the browser froze the page and resumes it (`freeze`, then `resume` on the document;
 *   dispatched by the test, as headless Chromium cannot freeze a visible page);
 * - `pageshow`: the page comes back from the back/forward cache (`pagehide`, then `pageshow`, both
 *   `persisted`);
 * - `focus`: the window loses the focus (`blur`) and gets it back (`focus`).
 */
export type PageWakeupKind = 'visible' | 'online' | 'resume' | 'pageshow' | 'focus';

/** Every {@link PageWakeupKind}. */
export const PAGE_WAKEUP_KINDS: readonly PageWakeupKind[] = [
  'visible',
  'online',
  'resume',
  'pageshow',
  'focus',
];

/** Puts the page in the state it falls asleep in before a {@link wakeUp} of this kind. */
export async function fallAsleep(page: Page, kind: PageWakeupKind): Promise<void> {
  switch (kind) {
    case 'visible':
      return setVisibility(page, 'hidden');
    case 'online':
      return page.context().setOffline(true);
    case 'focus':
      await page.evaluate(() => window.dispatchEvent(new FocusEvent('blur')));
      return;
    case 'resume':
      await page.evaluate(() => document.dispatchEvent(new Event('freeze')));
      return;
    case 'pageshow':
      await page.evaluate(() =>
        window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })),
      );
      return;
  }
}

/** Fires the wake-up the browser would (see {@link PageWakeupKind}), after {@link fallAsleep}. */
export async function wakeUp(page: Page, kind: PageWakeupKind): Promise<void> {
  switch (kind) {
    case 'visible':
      return setVisibility(page, 'visible');
    case 'online':
      return page.context().setOffline(false);
    case 'focus':
      await page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
      return;
    case 'resume':
      await page.evaluate(() => document.dispatchEvent(new Event('resume')));
      return;
    case 'pageshow':
      await page.evaluate(() =>
        window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })),
      );
      return;
  }
}

/**
 * A laptop that sleeps for `ms` ({@link sleepFor}: no timer of the page fires) and wakes up with
 * the page told so by `kind`.
 */
export async function sleepAndWake(
  page: Page,
  request: APIRequestContext,
  ms: number,
  kind: PageWakeupKind,
): Promise<void> {
  await fallAsleep(page, kind);
  await sleepFor(page, request, ms);
  await wakeUp(page, kind);
}

/** How long {@link settleAfterJump} waits: a few of the portal's 4 s checks and round trips. */
const SETTLE_TIMEOUT_MS = 10_000;

/** The page's time and what may be in flight in it, read at once. */
export interface PageMoment {
  /** The page's (fake) time. */
  readonly now: number;
  /** The bridge's next refresh (local ms; NaN without one). */
  readonly nextRefresh: number;
  /** The bridge's state, as the portal's footer shows it. */
  readonly bridgeState: string | null;
  /** Whether the portal's OIDC library has a token renewal running. */
  readonly portalRenewing: boolean;
  /** When the portal's access token expires (local ms; NaN when the portal holds none). */
  readonly portalTokenExpiresAt: number;
}

/** Reads a {@link PageMoment}. */
export function readMoment(page: Page): Promise<PageMoment> {
  return page.evaluate(() => {
    const footer = document.querySelector('[data-testid="messenger-bridge-state"]');
    // angular-auth-oidc-client keeps its state as JSON in sessionStorage, one entry per config.
    const entries = Object.keys(sessionStorage).flatMap((key) => {
      try {
        const entry = JSON.parse(sessionStorage.getItem(key) ?? '') as unknown;
        return entry && typeof entry === 'object' ? [entry as Record<string, unknown>] : [];
      } catch {
        return []; // not one of its entries
      }
    });
    const oidc = entries.find((entry) => 'access_token_expires_at' in entry);
    const renewing = oidc?.['storageSilentRenewRunning'];
    return {
      now: Date.now(),
      nextRefresh: Number(footer?.getAttribute('data-next-refresh') ?? NaN),
      bridgeState: footer?.getAttribute('data-state') ?? null,
      portalRenewing: typeof renewing === 'string' && renewing.includes('"running"'),
      portalTokenExpiresAt: Number(oidc?.['access_token_expires_at'] ?? NaN),
    };
  });
}

/**
 * Waits until time may jump again: the bridge holds a JWT that is not due (no refresh in flight),
 * and the portal's OIDC library holds an unexpired access token and renews nothing. Both time their
 * calls out in page time (the bridge's Messenger commands after 30 s; angular-auth-oidc-client's
 * renewal after 20 s, when it starts another with the refresh token the first one already rotated,
 * which ends the IdP grant): a jump while one is in flight breaks what a real browser, whose fetch
 * takes milliseconds, does not. After a sleep the portal renews at its next check (every 4 s).
 * @param when what just happened, for the failure message
 * @returns the moment first read (the page's time right after the jump)
 */
export async function settleAfterJump(page: Page, when: string): Promise<PageMoment> {
  const first = await readMoment(page);
  const quiet = (m: PageMoment) =>
    m.nextRefresh > m.now &&
    m.bridgeState === 'authenticated' &&
    !m.portalRenewing &&
    !(m.portalTokenExpiresAt <= m.now);
  const giveUpAt = Date.now() + SETTLE_TIMEOUT_MS;
  let last = first;
  while (!quiet(last) && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    last = await readMoment(page);
  }
  expect(
    quiet(last),
    `${when}: a JWT that is not due and no renewal in flight within ${SETTLE_TIMEOUT_MS} ms (first seen: ${describeMoment(first)}; last: ${describeMoment(last)})`,
  ).toBe(true);
  return first;
}

function describeMoment(m: PageMoment): string {
  const at = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms));
  return (
    `page time ${at(m.now)}, next refresh ${at(m.nextRefresh)}, bridge ${m.bridgeState}, ` +
    `portal token until ${at(m.portalTokenExpiresAt)}, portal renewing ${m.portalRenewing}`
  );
}
