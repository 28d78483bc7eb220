import type { TimelineMarkKind, TimelineModel } from 'ngx-genesys-messenger-auth/profile';

/** A rectangle of the drawing. */
export interface TimelineBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly label: string;
}

/** A vertical line of the drawing: a refresh or a limit. */
export interface TimelineLine {
  readonly x: number;
  readonly y1: number;
  readonly y2: number;
  readonly kind: TimelineMarkKind;
  readonly label: string;
}

/** A tick of the time axis. */
export interface TimelineTick {
  readonly x: number;
  readonly label: string;
}

/** Where everything of a timeline goes, in the SVG's user units. */
export interface TimelineGeometry {
  readonly width: number;
  readonly height: number;
  readonly jwtLaneY: number;
  readonly sessionLaneY: number;
  readonly jwts: readonly TimelineBar[];
  readonly session: TimelineBar | null;
  readonly refreshes: readonly TimelineLine[];
  readonly limits: readonly TimelineLine[];
  readonly ticks: readonly TimelineTick[];
  readonly axisY: number;
}

const PADDING_X = 12;
const JWT_LANE_Y = 28;
const JWT_ROW_HEIGHT = 12;
const SESSION_LANE_Y = 84;
const SESSION_HEIGHT = 16;
const AXIS_Y = 128;
const HEIGHT = 152;

/** `h:mm` after sign-in, for axis labels and the text alternative. */
export function clockLabel(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Lays out a timeline: JWT validity bars on two alternating rows (so consecutive, overlapping
 * JWTs stay apart), refresh ticks under them, the session bar, limit lines across both lanes and
 * an hour axis. Pure, so it is tested without a browser.
 *
 * @param model The schema's `profileTimeline(...)`.
 * @param width The drawing's width in user units.
 */
export function timelineGeometry(model: TimelineModel, width = 720): TimelineGeometry {
  const span = width - 2 * PADDING_X;
  const x = (seconds: number) =>
    PADDING_X +
    (Math.min(Math.max(seconds, 0), model.horizonSeconds) / model.horizonSeconds) * span;
  const bar = (from: number, to: number, y: number, height: number, label: string) => ({
    x: x(from),
    y,
    width: Math.max(x(to) - x(from), 1),
    height,
    label,
  });

  const jwtSpans = model.spans.filter((s) => s.kind === 'jwt-valid');
  const sessionSpan = model.spans.find((s) => s.kind === 'session');
  const line = (
    atSeconds: number,
    kind: TimelineMarkKind,
    label: string,
    y1: number,
    y2: number,
  ) => ({
    x: x(atSeconds),
    y1,
    y2,
    kind,
    label,
  });
  const hours = model.horizonSeconds / 3600;
  const step = hours <= 12 ? 1 : hours <= 48 ? 3 : 24;
  const ticks: TimelineTick[] = [];
  for (let hour = 0; hour <= hours; hour += step) {
    ticks.push({ x: x(hour * 3600), label: `${hour} h` });
  }

  return {
    width,
    height: HEIGHT,
    jwtLaneY: JWT_LANE_Y,
    sessionLaneY: SESSION_LANE_Y,
    jwts: jwtSpans.map((s, index) =>
      bar(
        s.fromSeconds,
        s.toSeconds,
        JWT_LANE_Y + (index % 2) * JWT_ROW_HEIGHT,
        JWT_ROW_HEIGHT - 2,
        s.label,
      ),
    ),
    session: sessionSpan
      ? bar(
          sessionSpan.fromSeconds,
          sessionSpan.toSeconds,
          SESSION_LANE_Y,
          SESSION_HEIGHT,
          sessionSpan.label,
        )
      : null,
    refreshes: model.marks
      .filter((m) => m.kind === 'jwt-refresh')
      .map((m) =>
        line(
          m.atSeconds,
          m.kind,
          m.label,
          JWT_LANE_Y + 2 * JWT_ROW_HEIGHT,
          JWT_LANE_Y + 2 * JWT_ROW_HEIGHT + 8,
        ),
      ),
    limits: model.marks
      .filter((m) => m.kind !== 'jwt-refresh')
      .map((m) =>
        line(m.atSeconds, m.kind, m.label, JWT_LANE_Y - 12, SESSION_LANE_Y + SESSION_HEIGHT + 8),
      ),
    ticks,
    axisY: AXIS_Y,
  };
}
