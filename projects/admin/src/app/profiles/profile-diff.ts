import type { ProfileChange } from '../api/profiles-api.models';

type Json = Record<string, unknown>;

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flattens nested objects to dotted paths; lists stay whole values (they read better so). */
function flatten(value: unknown, path: string, into: Map<string, unknown>): void {
  if (isJson(value)) {
    for (const [key, item] of Object.entries(value)) {
      flatten(item, path ? `${path}.${key}` : key, into);
    }
  } else if (value !== undefined && path) {
    into.set(path, value);
  }
}

/**
 * The fields that differ between two profiles (or any JSON objects), in the order of `after`'s
 * fields then the removed ones. Used where the server's diff does not apply: the first publish,
 * and "your edits versus their version" after a save conflict.
 *
 * @param before The old state; `null` for "nothing yet".
 * @param after The new state.
 * @returns One change per dotted path whose value differs.
 */
export function diffProfiles(before: unknown, after: unknown): ProfileChange[] {
  const old = new Map<string, unknown>();
  const next = new Map<string, unknown>();
  flatten(before, '', old);
  flatten(after, '', next);
  const changes: ProfileChange[] = [];
  for (const [path, value] of next) {
    const previous = old.get(path);
    if (JSON.stringify(previous) !== JSON.stringify(value)) {
      changes.push({ path, before: previous, after: value });
    }
  }
  for (const [path, value] of old) {
    if (!next.has(path)) changes.push({ path, before: value, after: undefined });
  }
  return changes;
}
