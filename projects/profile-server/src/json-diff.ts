/**
 * A small structural diff of two JSON values, for comparing profile versions and for the audit
 * trail: objects are compared key by key, arrays index by index, everything else by value.
 */

/** One difference. A side is absent when the field does not exist there. */
export interface JsonChange {
  /** The dotted path of the field, as profile issues name it: `idp.scopes[2]`; `''` for the root. */
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

type JsonObject = Record<string, unknown>;

/**
 * Lists the fields that differ between two JSON values.
 * @param before the older value
 * @param after the newer value
 * @returns the changed leaves (or whole subtrees whose type changed), in document order
 * @usageNotes
 * ```ts
 * jsonDiff({ a: 1, b: [1] }, { a: 2, b: [1, 2] });
 * // [{ path: 'a', before: 1, after: 2 }, { path: 'b[1]', after: 2 }]
 * ```
 */
export function jsonDiff(before: unknown, after: unknown): JsonChange[] {
  const changes: JsonChange[] = [];
  collect(before, after, '', changes);
  return changes;
}

function collect(before: unknown, after: unknown, path: string, out: JsonChange[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      compareField(before, after, i, `${path}[${i}]`, out);
    }
  } else if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) compareField(before, after, key, path ? `${path}.${key}` : key, out);
  } else if (!sameJson(before, after)) {
    out.push({ path, before, after });
  }
}

function compareField(
  before: JsonObject | unknown[],
  after: JsonObject | unknown[],
  key: string | number,
  path: string,
  out: JsonChange[],
): void {
  const inBefore = Object.hasOwn(before, key);
  const inAfter = Object.hasOwn(after, key);
  const b = (before as JsonObject)[key];
  const a = (after as JsonObject)[key];
  if (inBefore && inAfter) collect(b, a, path, out);
  else if (inBefore) out.push({ path, before: b });
  else if (inAfter) out.push({ path, after: a });
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
