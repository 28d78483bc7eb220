const DAY = 86_400;
const UNITS: readonly (readonly [seconds: number, unit: string])[] = [
  [3600, 'h'],
  [60, 'min'],
  [1, 's'],
];

/**
 * Formats a duration for messages and labels, in the largest unit that divides it evenly. Days
 * are used from two days on: "24 h" reads better than "1 day" and is what the IdP consoles say.
 * @param seconds a duration in seconds
 * @returns e.g. `90 s`, `5 min`, `24 h`, `36 h`, `30 days`, `4.5 s`
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds >= 2 * DAY && seconds % DAY === 0) return `${seconds / DAY} days`;
  for (const [size, unit] of UNITS) {
    if (seconds !== 0 && seconds % size === 0) return `${seconds / size} ${unit}`;
  }
  return `${Number(seconds.toFixed(3))} s`;
}
