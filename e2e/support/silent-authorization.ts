import type { Page } from '@playwright/test';
import { captureAuthorization, type AuthorizationOutcome } from './authorization-request';

/**
 * Runs an authorization request in a hidden iframe of the page, as the bridge's silent
 * authorization does: the frame's URL is read once it is back on the page's origin at
 * `redirectUri` (the portal's script-free `messenger-silent-callback.html`).
 * @returns the redirect URI with its query, or undefined when the frame did not come back within
 *   `timeoutMs` (e.g. it stayed on a page of the IdP)
 */
export async function authorizeInHiddenIframe(
  page: Page,
  url: string,
  redirectUri: string,
  timeoutMs = 10_000,
): Promise<URL | undefined> {
  const href = await page.evaluate(
    ({ url, redirectUri, timeoutMs }) =>
      new Promise<string | null>((resolve) => {
        const frame = document.createElement('iframe');
        frame.hidden = true;
        const timer = setTimeout(() => {
          frame.remove();
          resolve(null);
        }, timeoutMs);
        frame.addEventListener('load', () => {
          let location: string;
          try {
            location = frame.contentWindow?.location.href ?? '';
          } catch {
            // Still on the IdP's origin: keep waiting.
            return;
          }
          if (!location.startsWith(redirectUri)) return;
          clearTimeout(timer);
          frame.remove();
          resolve(location);
        });
        frame.src = url;
        document.body.append(frame);
      }),
    { url, redirectUri, timeoutMs },
  );
  return href === null ? undefined : new URL(href);
}

/**
 * Sends the whole page to an authorization URL from the page's own script (`location.assign`,
 * as the bridge does) and captures the request the IdP redirects it to.
 */
export function authorizeAtTopLevel(
  page: Page,
  url: string,
  redirectUri: string,
): Promise<AuthorizationOutcome> {
  return captureAuthorization(page, redirectUri, () =>
    page.evaluate((target) => window.location.assign(target), url),
  );
}
