/* Test-only: browsing contexts and waits shared by the tabs' browser specs (karma, Chromium). */

/** A name no other spec uses (locks and channels are shared by every frame of the origin). */
export function uniqueName(prefix: string): string {
  return `${prefix}:${Math.random().toString(36).slice(2)}`;
}

/** A second same-origin browsing context: it shares localStorage and `navigator.locks`. */
export function sameOriginFrame(): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  document.body.appendChild(frame);
  return frame;
}

/** A promise and the function that resolves it. */
export function deferred<T>(): { readonly promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
