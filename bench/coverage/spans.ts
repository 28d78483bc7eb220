/** Intervals of time in ms, for the benchmarks' gap arithmetic. */

/** A half-open interval `[from, to)`, ms. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** The parts of `span` outside every one of `holes`. */
export function minus(span: Span, holes: readonly Span[]): Span[] {
  let parts = [span];
  for (const hole of holes) {
    parts = parts.flatMap((p) =>
      [
        { from: p.from, to: Math.min(p.to, hole.from) },
        { from: Math.max(p.from, hole.to), to: p.to },
      ].filter((part) => part.to > part.from),
    );
  }
  return parts;
}
