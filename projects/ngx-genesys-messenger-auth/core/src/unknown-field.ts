import {
  MessengerAuthError,
  MessengerAuthErrorCode,
  ɵdescribeValue as describeValue,
} from 'ngx-genesys-messenger-auth/core/startup';

/** See `/core/startup`'s dev-mode.ts. */
declare const ngDevMode: unknown;

/**
 * The known name an unknown one is probably a typo of: the same but for case, or at most two
 * edits away.
 * @param key the unknown name
 * @param known the names that exist
 * @returns the first close name, or undefined
 */
export function closestName(key: string, known: readonly string[]): string | undefined {
  return known.find(
    (name) => name.toLowerCase() === key.toLowerCase() || editDistance(name, key) <= 2,
  );
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Creates the `INVALID_CONFIG` error for a field that does not exist (most often a typo), with a
 * suggestion when a known field is close to it.
 * @param objectPath the path of the object holding the field, e.g. `config` or `refresh`
 * @param key the unknown field
 * @param known the fields the object may have
 * @returns e.g. `NGMA4101: config has an unknown field "deploymnetId" (did you mean
 *   "deploymentId"?); expected one of deploymentId, environment, ...`, whose `field` is the
 *   unknown field's path; production builds have no text and no suggestion
 */
export function unknownFieldError(
  objectPath: string,
  key: string,
  known: readonly string[],
): MessengerAuthError {
  return new MessengerAuthError(
    MessengerAuthErrorCode.INVALID_CONFIG,
    (typeof ngDevMode === 'undefined' || !!ngDevMode) && unknownFieldText(objectPath, key, known),
    { field: objectPath === 'config' ? key : `${objectPath}.${key}` },
  );
}

function unknownFieldText(objectPath: string, key: string, known: readonly string[]): string {
  const close = closestName(key, known);
  const hint = close ? ` (did you mean ${JSON.stringify(close)}?)` : '';
  return `${objectPath} has an unknown field ${describeValue(key)}${hint}; expected one of ${known.join(', ')}`;
}
