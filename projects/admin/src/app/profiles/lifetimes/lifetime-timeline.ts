import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
} from '@angular/core';
import {
  formatDuration,
  type TimelineMarkKind,
  type TimelineModel,
} from 'ngx-genesys-messenger-auth/profile';

import { clockLabel, timelineGeometry } from './timeline-geometry';

/** How each kind of mark is named in the legend. */
export const MARK_NAMES: Record<TimelineMarkKind, string> = {
  'jwt-refresh': 'JWT refresh',
  'jwt-expiry': 'First JWT would expire',
  'refresh-token-expiry': 'Refresh token expires',
  'idp-idle-limit': 'IdP idle limit',
  'idp-session-limit': 'IdP session limit',
  'session-end': 'Session ends',
};

let nextId = 0;

/**
 * A picture of a session under a profile: every Genesys JWT and refresh, the refresh-token
 * expiries and the IdP's limits over the first hours after sign-in. The SVG has a title and a
 * description; a legend and a list of the events carry the same information as text.
 */
@Component({
  selector: 'admin-lifetime-timeline',
  templateUrl: './lifetime-timeline.html',
  styleUrl: './lifetime-timeline.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LifetimeTimeline {
  /** The schema's `profileTimeline(profile, hours)`. */
  readonly model = input.required<TimelineModel>();

  protected readonly ids = {
    title: `admin-timeline-title-${nextId}`,
    desc: `admin-timeline-desc-${nextId++}`,
  };
  /** The drawing's width: the host's, so text is drawn at its real size on every screen. */
  private readonly width = signal(720);
  protected readonly geometry = computed(() => timelineGeometry(this.model(), this.width()));

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      // jsdom has no ResizeObserver; the default width serves there.
      if (typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(([entry]) => {
        const width = Math.round(entry.contentRect.width);
        if (width > 0) this.width.set(Math.max(width, 280));
      });
      observer.observe(host);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }
  protected readonly hours = computed(() => this.model().horizonSeconds / 3600);
  protected readonly lifetimes = computed(() => this.model().lifetimes);

  /** The kinds present, for the legend (refreshes always, as they make the picture). */
  protected readonly legend = computed(() => {
    const kinds = new Set<TimelineMarkKind>(['jwt-refresh']);
    for (const mark of this.model().marks) kinds.add(mark.kind);
    return [...kinds].map((kind) => ({ kind, name: MARK_NAMES[kind] }));
  });

  /** The events other than refreshes, for the text list. */
  protected readonly events = computed(() =>
    this.model()
      .marks.filter((mark) => mark.kind !== 'jwt-refresh')
      .map((mark) => ({ ...mark, at: clockLabel(mark.atSeconds) })),
  );

  protected readonly summary = computed(() => {
    const { refreshCount, lifetimes } = this.model();
    const every = formatDuration(lifetimes.refreshEverySeconds);
    const jwt = formatDuration(lifetimes.jwtLifetimeSeconds);
    const end = formatDuration(lifetimes.sessionEndsAfterSeconds);
    return (
      `Each Genesys JWT lives ${jwt} and is refreshed every ${every}: ` +
      `${refreshCount} refreshes in the first ${this.hours()} h. The session ends after ${end} at the latest.`
    );
  });

  /** Whether the session outlives the picture. */
  protected readonly endsLater = computed(
    () => this.lifetimes().sessionEndsAfterSeconds > this.model().horizonSeconds,
  );

  protected readonly formatDuration = formatDuration;
}
