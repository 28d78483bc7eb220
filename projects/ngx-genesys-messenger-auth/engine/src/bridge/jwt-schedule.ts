import {
  BehaviorSubject,
  Subject,
  type Observable,
  type SchedulerLike,
  type Subscription,
} from 'rxjs';
import {
  fingerprint,
  ɵdescribeError as describeError,
  type JwtObservation,
  type RefreshPolicy,
} from 'ngx-genesys-messenger-auth/core';
import { refreshEngine, type RefreshEngineEvent } from '../refresh/refresh-engine';
import type { TabEvent } from '../tabs/tab-channel';
import type { BridgeTimeline } from './bridge-timeline';
import type { JwtTracker } from './jwt-tracker';
import type { LockedRefresh } from './locked-refresh';
import { readAfterStorageLag } from './storage-lag';

/** What a {@link JwtSchedule} runs on. */
export interface JwtScheduleDeps {
  readonly policy: RefreshPolicy;
  /** Moments to check at once whether the JWT is due (visible, focus, online, resume, pageshow). */
  readonly wakeups: Observable<string>;
  readonly now: () => number;
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  readonly tracker: JwtTracker;
  /** Whether the browser is online: no refresh is spent while it is not. */
  readonly page: { online(): boolean };
}

/**
 * Which JWT the refresh engine aims at, and what it reports: every JWT that becomes known
 * (Messenger's announcement, another tab's refresh, a page load) re-aims it; its events go to the
 * timeline; a final failure goes to `onFailed`.
 */
export class JwtSchedule {
  private readonly observations = new BehaviorSubject<JwtObservation | null>(null);
  private readonly manual = new Subject<void>();

  constructor(
    private readonly deps: JwtScheduleDeps,
    private readonly refresh: LockedRefresh,
    private readonly timeline: BridgeTimeline,
    private readonly onFailed: (error: unknown) => void,
  ) {}

  /** Starts the refresh engine; unsubscribing stops it. */
  start(): Subscription {
    return refreshEngine({
      ...this.deps,
      observations: this.observations,
      manual: this.manual,
      online: () => this.deps.page.online(),
      attempt: (trigger) => this.refresh.run(trigger),
    }).subscribe((event) => this.report(event));
  }

  /** The fingerprint of the JWT followed, if any. */
  get followed(): string | undefined {
    return this.observations.value?.fingerprint;
  }

  /**
   * Aims at a JWT newly known, reporting where it came from.
   * @returns false when it is the one already followed
   */
  observe(observation: JwtObservation, source: string): boolean {
    if (observation.fingerprint === this.followed) return false;
    const { fingerprint: jwt, expiresAt } = observation;
    this.timeline.emit({ type: 'jwt-observed', jwt, expiresAt, source });
    this.observations.next(observation);
    return true;
  }

  /**
   * Another tab's Messenger got a JWT: aims at it once this tab's copy of storage shows it (a
   * JWT storage never shows is not believed).
   * @returns whether this tab now follows it
   */
  async followOtherTab(message: Extract<TabEvent, { type: 'jwt-observed' }>): Promise<boolean> {
    const { tracker, scheduler } = this.deps;
    const shows = (jwt: string | null) => jwt !== null && fingerprint(jwt) === message.fingerprint;
    const jwt = await readAfterStorageLag(() => tracker.storedJwt(), shows, scheduler);
    const observation = jwt && shows(jwt) ? tracker.withArrival(jwt, message) : undefined;
    return !!observation && this.observe(observation, 'other-tab');
  }

  /** Aims at a JWT without announcing it (a page load found it in storage). */
  follow(observation: JwtObservation): void {
    this.observations.next(observation);
  }

  /** Refreshes now, whatever the deadline (joins a refresh in flight). */
  refreshNow(): void {
    this.manual.next();
  }

  /** No JWT to follow: no refresh is scheduled. */
  clear(): void {
    this.observations.next(null);
    this.timeline.scheduled(null);
  }

  private report(event: RefreshEngineEvent): void {
    const { timeline } = this;
    switch (event.type) {
      case 'scheduled':
        return timeline.scheduled(event.at);
      case 'due':
        return timeline.emit({ type: 'refresh-started', trigger: event.trigger });
      case 'retrying':
        return timeline.emit({
          type: 'refresh-retrying',
          attempt: event.attempt,
          delayMs: event.delayMs,
          reason: describeError(event.error),
        });
      case 'done': {
        const { observation } = event.result;
        if (event.result.kind === 'skipped')
          timeline.emit({ type: 'refresh-skipped', reason: 'another-tab' });
        else
          timeline.emit({
            type: 'refreshed',
            jwt: observation.fingerprint,
            expiresAt: observation.expiresAt,
          });
        timeline.setState('authenticated');
        return this.observations.next(observation);
      }
      case 'failed':
        this.clear();
        timeline.emit({ type: 'session-ended', reason: describeError(event.error) });
        this.onFailed(event.error);
    }
  }
}
