import {
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Page,
  type TestType,
} from '@playwright/test';
import { sim } from './genesys-sim';
import { account, signInAtIdp } from './idp-login';
import { MessengerWidget } from './messenger-widget';
import { settleRequests, watchRequests } from './in-flight';
import { IDP_ISSUER } from './stack';

/** The footer line of the portal that shows the bridge's state and next refresh. */
export function bridgeState(page: Page) {
  return page.getByTestId('messenger-bridge-state');
}

/** The bridge's next refresh time on a page (local ms), or NaN. */
export async function nextRefreshAt(page: Page): Promise<number> {
  return Number(await bridgeState(page).getAttribute('data-next-refresh'));
}

/** Signs alice in to the portal (the IdP's page if needed) and waits for Messenger to be signed in. */
export async function signInWithMessenger(page: Page): Promise<void> {
  await page.goto('/account');
  const loginPage = page.getByTestId('idp-username');
  await expect(loginPage.or(page.getByTestId('account-overview'))).toBeVisible();
  if (await loginPage.isVisible()) await signInAtIdp(page, account('alice'));
  await expect(page.getByTestId('account-overview')).toBeVisible();
  await new MessengerWidget(page).expectStatus('authenticated');
  await expect(bridgeState(page)).toHaveAttribute('data-state', 'authenticated');
  await expect.poll(() => nextRefreshAt(page)).toBeGreaterThan(0);
}

/**
 * Moves time forward by `ms` for Genesys (first, so tokens it issues from now on are dated right)
 * and for the browser context's pages, once the pages' requests are answered: a jump while one is
 * on the wire would make it last `ms` for the page (see e2e/support/in-flight.ts).
 */
export async function advance(
  context: BrowserContext,
  request: APIRequestContext,
  ms: number,
): Promise<void> {
  await settleRequests(context);
  await shiftServerClocks(request, ms);
  await context.clock.fastForward(ms);
}

/**
 * Lets `ms` pass as for a page left open and awake: every timer of the page fires on the way, in
 * order (`clock.runFor`), where {@link advance} fires the due ones once at the end. Genesys and the
 * IdP move first, so nothing they issue meanwhile is dated before the page's time. It starts, as
 * {@link advance} does, once the pages' requests are answered.
 */
export async function runTimeFor(
  page: Page,
  request: APIRequestContext,
  ms: number,
): Promise<void> {
  await settleRequests(page.context());
  await shiftServerClocks(request, ms);
  await page.clock.runFor(ms);
}

/**
 * A laptop that sleeps for `ms`: the clocks of Genesys, the IdP and the browser jump, and no
 * timer of the page fires on the way (it wakes up later, when the page next runs a task). The lid
 * closes once the pages' requests are answered (see {@link advance}).
 */
export async function sleepFor(page: Page, request: APIRequestContext, ms: number): Promise<void> {
  await settleRequests(page.context());
  await shiftServerClocks(request, ms);
  await page.context().clock.setSystemTime((await browserNow(page)) + ms);
}

/** Moves Genesys' and the IdP's clocks forward by `ms` (before the browser's: see {@link advance}). */
async function shiftServerClocks(request: APIRequestContext, ms: number): Promise<void> {
  await sim.shiftClock(request, ms);
  await shiftIdpClock(request, { shiftMs: ms });
}

/** Moves the dev IdP's clock (it serves `/__idp/clock` with `--test-controls on`). */
async function shiftIdpClock(
  request: APIRequestContext,
  body: { shiftMs: number } | { reset: true },
) {
  const response = await request.post(`${IDP_ISSUER}/__idp/clock`, { data: body });
  expect(response.ok(), `the dev IdP's /__idp/clock answered ${response.status()}`).toBe(true);
}

/**
 * Changes the lifetimes of the tokens the dev IdP issues from now on — what an IdP administrator
 * does when applying a profile's lifetimes (the IdP serves `/__idp/lifetimes` with `--test-controls on`).
 */
export async function setIdpLifetimes(
  request: APIRequestContext,
  body: { accessToken: number } | { reset: true },
): Promise<void> {
  const response = await request.post(`${IDP_ISSUER}/__idp/lifetimes`, { data: body });
  expect(response.ok(), `the dev IdP's /__idp/lifetimes answered ${response.status()}`).toBe(true);
}

/** Puts Genesys and the IdP back to the real time and configured lifetimes, Genesys to a fresh state. */
export async function resetWorld(request: APIRequestContext): Promise<void> {
  await sim.reset(request);
  await shiftIdpClock(request, { reset: true });
  await setIdpLifetimes(request, { reset: true });
}

/** The browser's (fake) time on a page. */
export function browserNow(page: Page): Promise<number> {
  return page.evaluate(() => Date.now());
}

/**
 * Advances to just past the page's next refresh and waits until the bridge has scheduled the
 * following one.
 * @returns how far time moved (ms)
 */
export async function advancePastNextRefresh(
  page: Page,
  request: APIRequestContext,
  pages: readonly Page[] = [page],
): Promise<number> {
  const next = await nextRefreshAt(page);
  const step = Math.max(next - (await browserNow(page)) + 1_000, 1_000);
  await advance(page.context(), request, step);
  for (const each of pages) {
    await expect
      .poll(() => nextRefreshAt(each), { intervals: [50, 100, 250], timeout: 15_000 })
      .toBeGreaterThan(next);
    // Let refreshes in flight finish before time jumps again: a jump past a command's timeout
    // would make the bridge retry a refresh that is about to succeed.
    await expect(bridgeState(each)).toHaveAttribute('data-state', 'authenticated');
  }
  return step;
}

/**
 * In the page (an init script): calls `window[sink](status)` with every authentication status the
 * Messenger widget shows, from the moment the widget appears.
 */
export function observeMessengerStatus(sink: string): void {
  const report = (window as unknown as Record<string, (status: string) => void>)[sink];
  const attach = () => {
    const status = document
      .querySelector('#genesys-messenger')
      ?.shadowRoot?.querySelector('[data-testid="messenger-auth-status"]');
    if (!status) return false;
    const note = () => report(status.getAttribute('data-status') ?? '');
    note();
    new MutationObserver(note).observe(status, {
      attributes: true,
      attributeFilter: ['data-status'],
    });
    return true;
  };
  new MutationObserver((_, observer) => attach() && observer.disconnect()).observe(document, {
    childList: true,
    subtree: true,
  });
}

/**
 * Records every authentication status the Messenger widget shows, on every page of the context
 * (read them with {@link recordedStatuses}).
 */
export async function recordMessengerStatuses(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    const page = window as unknown as {
      __messengerStatuses: string[];
      __noteMessengerStatus: (status: string) => void;
    };
    page.__messengerStatuses = seen;
    page.__noteMessengerStatus = (status) => seen.push(status);
  });
  await context.addInitScript(observeMessengerStatus, '__noteMessengerStatus');
}

/** The statuses the widget has shown on a page since it loaded. */
export function recordedStatuses(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...(window as unknown as { __messengerStatuses: string[] }).__messengerStatuses,
  ]);
}

/** Makes the page look hidden or visible, as switching tabs does. */
export async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
    Object.defineProperty(document, 'hidden', {
      configurable: true,
      get: () => value === 'hidden',
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/**
 * Gives each test of a describe block a fresh Genesys, real clocks to start from, a fake browser
 * clock it can move, and a record of the widget's statuses; puts the clocks back afterwards (later
 * specs sign in with real clocks).
 */
export function useVirtualTime(
  test: TestType<{ context: BrowserContext; request: APIRequestContext }, object>,
): void {
  test.beforeEach(async ({ context, request }) => {
    await resetWorld(request);
    watchRequests(context);
    await context.clock.install();
    await recordMessengerStatuses(context);
  });
  test.afterEach(async ({ request }) => {
    await resetWorld(request);
  });
}

/** Counts the IdP login pages a page shows (its own, not frames'). */
export function countLoginPages(page: Page): () => number {
  let count = 0;
  page.on('response', (response) => {
    const url = new URL(response.url());
    const request = response.request();
    const shown =
      request.isNavigationRequest() &&
      request.frame() === page.mainFrame() &&
      request.method() === 'GET' &&
      response.status() === 200;
    if (shown && url.origin === IDP_ISSUER && url.pathname.startsWith('/interaction/')) count++;
  });
  return () => count;
}

/**
 * Records Messenger's authorization requests at the IdP (the `genesys-messenger` client), from
 * the page or its hidden iframe, with their `prompt`.
 */
export function recordMessengerAuthorizations(context: BrowserContext): string[] {
  const prompts: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== IDP_ISSUER || url.searchParams.get('client_id') !== 'genesys-messenger')
      return;
    if (url.searchParams.get('response_type') === 'code')
      prompts.push(url.searchParams.get('prompt') ?? 'login');
  });
  return prompts;
}

/** Counts the documents the page itself loads (reloads and navigations; not frames, not SPA routes). */
export function countPageLoads(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) count++;
  });
  return () => count;
}

/**
 * Closes the portal's tab, lets `ms` pass with no tab of the portal open (no timer runs, the JWT
 * expires) and opens the account page in a new tab, waiting for Messenger to be signed in there.
 * @returns the new tab and a count of the login pages it showed
 */
export async function reopenAfter(
  closing: Page,
  request: APIRequestContext,
  ms: number,
): Promise<{ readonly page: Page; readonly loginPages: () => number }> {
  const context = closing.context();
  // Opened first and left blank: a persistent context closes with its last tab.
  const page = await context.newPage();
  await closing.close();
  await advance(context, request, ms);
  const loginPages = countLoginPages(page);
  await page.goto('/account');
  await expect(page.getByTestId('account-overview')).toBeVisible();
  await new MessengerWidget(page).expectStatus('authenticated');
  await expect(bridgeState(page)).toHaveAttribute('data-state', 'authenticated');
  return { page, loginPages };
}

/** The IdP forgets the browser (its session cookie is gone), and Genesys refuses the refresh token. */
export async function killIdpSession(
  context: BrowserContext,
  request: APIRequestContext,
): Promise<void> {
  await context.clearCookies();
  await sim.addFault(request, { endpoint: 'refresh', status: 400 });
}
