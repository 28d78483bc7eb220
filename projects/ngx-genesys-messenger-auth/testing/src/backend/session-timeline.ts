/** A half-open interval of time in ms since the epoch: `[from, to)`. */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

/**
 * The intervals within `[from, to)` that no interval of `covered` covers — for a Genesys session,
 * the times it held no valid JWT.
 */
export function uncoveredIntervals(
  covered: readonly Interval[],
  from: number,
  to: number,
): Interval[] {
  const gaps: Interval[] = [];
  let cursor = from;
  for (const span of [...covered].sort((a, b) => a.from - b.from)) {
    if (span.to <= cursor) continue;
    if (span.from >= to) break;
    if (span.from > cursor) gaps.push({ from: cursor, to: Math.min(span.from, to) });
    cursor = Math.max(cursor, span.to);
    if (cursor >= to) break;
  }
  if (cursor < to) gaps.push({ from: cursor, to });
  return gaps;
}
