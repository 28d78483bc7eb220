/*
 * Measures a fault-matrix row in a Playwright spec (issue 12 §4; see
 * bench/fault-matrix/record-fault-row.ts): gaps from the Genesys simulator's own timeline,
 * prompts and page unloads from what the context's tabs did after the watch started.
 */
import type { APIRequestContext, BrowserContext, Page, TestInfo } from '@playwright/test';
import {
  loopsOf,
  messagesLostIn,
  recordFaultRow,
  type FaultObservation,
} from '../../bench/fault-matrix/record-fault-row';
import { PROMPT_MIN_MS } from '../../bench/coverage/prompt-tracker';
import { sim } from './genesys-sim';
import { IDP_ISSUER } from './stack';

interface TimedStatuses {
  __faultStatuses?: { status: string; at: number }[];
}

/** In the page (an init script): keeps each status of Messenger's widget with its time. */
function timeWidgetStatuses(): void {
  const seen: { status: string; at: number }[] = [];
  (window as TimedStatuses).__faultStatuses = seen;
  const follow = (element: Element) => {
    const note = () => {
      const status = element.getAttribute('data-status') ?? '';
      if (seen.at(-1)?.status !== status) seen.push({ status, at: performance.now() });
    };
    note();
    new MutationObserver(note).observe(element, { attributeFilter: ['data-status'] });
  };
  // No timers here: they would run on Playwright's clock, which the tests move.
  const finder = new MutationObserver(() => {
    const element = document
      .querySelector('#genesys-messenger')
      ?.shadowRoot?.querySelector('[data-testid="messenger-auth-status"]');
    if (!element) return;
    finder.disconnect();
    follow(element);
  });
  finder.observe(document, { childList: true, subtree: true });
}

/** In the page: Re-authenticate episodes of at least `minMs`, an open one measured to now. */
function countPrompts(minMs: number): number {
  const seen = (window as TimedStatuses).__faultStatuses ?? [];
  let prompts = 0;
  seen.forEach(({ status, at }, i) => {
    const until = seen[i + 1]?.at ?? performance.now();
    if (status === 'reauthenticate' && until - at >= minMs) prompts++;
  });
  return prompts;
}

/** What the tabs of a context do from now on, for {@link FaultContextWatch.observed}. */
export class FaultContextWatch {
  private loginPages = 0;
  private unloads = 0;

  private constructor(context: BrowserContext) {
    context.on('request', (request) => {
      const url = new URL(request.url());
      const frame = request.frame();
      const bridgeLeaves =
        request.isNavigationRequest() &&
        frame === frame.page()?.mainFrame() &&
        url.origin === IDP_ISSUER &&
        url.searchParams.get('client_id') === 'genesys-messenger';
      if (bridgeLeaves) this.unloads++;
    });
    context.on('response', (response) => {
      const request = response.request();
      const frame = request.frame();
      const loginPage =
        request.isNavigationRequest() &&
        frame === frame.page()?.mainFrame() &&
        response.status() === 200 &&
        response.url().startsWith(`${IDP_ISSUER}/interaction/`);
      if (loginPage) this.loginPages++;
    });
  }

  /** Starts watching the context's tabs, and the Messenger widget of every page they load. */
  static async start(context: BrowserContext): Promise<FaultContextWatch> {
    await context.addInitScript(timeWidgetStatuses);
    return new FaultContextWatch(context);
  }

  /** Forgets the login pages and unloads so far (the portal's own sign-in is not the fault's). */
  restart(): void {
    this.loginPages = 0;
    this.unloads = 0;
  }

  /**
   * What happened since the watch started, with the Re-authenticate episodes of `page`'s
   * Messenger since it loaded (those of {@link PROMPT_MIN_MS} or longer, as in jest).
   */
  async observed(request: APIRequestContext, page: Page): Promise<FaultObservation> {
    const stats = await sim.stats(request);
    const signedInAt = Math.min(...stats.sessions.map((s) => Date.parse(s.createdAt)));
    const gaps = stats.subjects
      .flatMap((subject) => subject.gaps)
      .map((g) => ({ from: Date.parse(g.from), to: Date.parse(g.to) }));
    const reauthentications = await page.evaluate(countPrompts, PROMPT_MIN_MS);
    return {
      longestGapS: Math.max(0, ...gaps.map((g) => g.to - g.from)) / 1000,
      prompts: this.loginPages + reauthentications,
      loops: loopsOf(stats.rejections['code-reused'] ?? 0, this.loginPages),
      lostMessages: messagesLostIn(gaps, signedInAt),
      pageUnloads: this.unloads,
    };
  }

  /** Records the row `id` for the running test. Call it after the test's assertions. */
  async record(
    id: string,
    request: APIRequestContext,
    page: Page,
    info: TestInfo,
  ): Promise<FaultObservation> {
    const observed = await this.observed(request, page);
    recordFaultRow({ id, test: info.file, title: info.titlePath.slice(1).join(' › '), observed });
    return observed;
  }
}
