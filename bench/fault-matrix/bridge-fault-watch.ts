/*
 * Measures a fault-matrix row in a jest spec of the bridge (the spec world: the real bridge beside
 * the Messenger emulator, the in-memory Genesys and IdP): the user's gaps without a valid JWT as
 * Genesys' own session timeline has them, the prompts Messenger's widget showed, login pages and
 * repeated sign-ins. Then it records the row (see record-fault-row.ts).
 */
import type {
  BridgeWorld,
  Page,
} from '../../projects/ngx-genesys-messenger-auth/engine/src/bridge/bridge.spec-helpers';
import { PromptTracker } from '../coverage/prompt-tracker';
import { minus, type Span } from '../coverage/spans';
import { loopsOf, messagesLostIn, recordFaultRow, type FaultObservation } from './record-fault-row';

/** Follows one {@link BridgeWorld} from now on, for {@link FaultWatch.record}. */
export class FaultWatch {
  private readonly trackers: PromptTracker[] = [];
  /** Times the user could not have been using the page (sleep, bfcache), client clock. */
  private readonly away: Span[] = [];
  private silentRedirects = 0;

  constructor(private readonly world: BridgeWorld) {
    for (const page of world.pages) this.follow(page);
    const open = world.open.bind(world);
    world.open = async (...args) => {
      const page = await open(...args);
      this.follow(page);
      return page;
    };
  }

  /** Leaves `[from, to)` out of the gaps: the page was frozen or the laptop asleep. */
  exclude(from: number, to: number): void {
    this.away.push({ from, to });
  }

  /** What happened since the world's first sign-in, as of now. */
  observed(): FaultObservation {
    const stats = this.world.backend.genesys.stats();
    const signedInAt = Math.min(...stats.sessions.map((s) => Date.parse(s.createdAt)));
    const gaps = userGaps(stats.sessions, signedInAt, Date.now()).flatMap((gap) =>
      minus(gap, this.away),
    );
    const loginPages = this.trackers.reduce((sum, t) => sum + t.loginPages(), 0);
    return {
      longestGapS: Math.max(0, ...gaps.map((g) => g.to - g.from)) / 1000,
      prompts: this.trackers.reduce((sum, t) => sum + t.settle(), 0),
      loops: loopsOf(stats.rejections['code-reused'] ?? 0, loginPages),
      lostMessages: messagesLostIn(gaps, signedInAt),
      pageUnloads: loginPages + this.silentRedirects,
    };
  }

  /**
   * Records the row `id` for the running jest test. Call it after the test's assertions.
   * @param observed what to record (default: what is observed now)
   */
  record(id: string, observed = this.observed()): void {
    const { testPath, currentTestName } = expect.getState();
    recordFaultRow({ id, test: testPath ?? 'unknown', title: currentTestName ?? '', observed });
  }

  /** Counts the page's prompts: Messenger's widget, and the tab leaving for the IdP. */
  private follow(page: Page): void {
    const tracker = new PromptTracker();
    tracker.view(page.messenger.state.auth);
    page.messenger.onChange((view) => tracker.view(view.auth));
    page.bridge.events$.subscribe((event) => {
      if (event.type !== 'authorization-started') return;
      if (event.mode === 'interactive') tracker.loginPage();
      if (event.mode === 'silent-redirect') this.silentRedirects++;
    });
    this.trackers.push(tracker);
  }
}

/**
 * The times without a valid JWT in any session from `from` to `to`. Unlike Genesys' per-user
 * gaps, the time after a revocation counts: no test here signs the user out.
 */
function userGaps(
  sessions: ReturnType<BridgeWorld['backend']['genesys']['stats']>['sessions'],
  from: number,
  to: number,
): Span[] {
  const covered = sessions.flatMap((s) => {
    const life = { from: Date.parse(s.createdAt), to: s.endedAt ? Date.parse(s.endedAt) : to };
    return minus(
      life,
      s.gaps.map((g) => ({ from: Date.parse(g.from), to: Date.parse(g.to) })),
    );
  });
  return minus({ from, to }, covered);
}
