/** The most one poll of the frame counts towards its timeout. */
const MAX_TICK_MS = 1_000;

/**
 * Runs an authorization request in a hidden iframe and reads where the IdP sends it back. The
 * redirect URI must be a same-origin page that runs no script (a static file), so nothing of the
 * portal starts inside the frame; the parent reads the frame's URL once it is same-origin again.
 * @returns the redirect URL with the response, or undefined when the IdP did not come back in
 *   time (it refuses to be framed, or it shows a page)
 */
export function authorizeInHiddenIframe(
  doc: Document,
  url: string,
  redirectUri: string,
  timeoutMs: number,
  pollMs = 50,
): Promise<URL | undefined> {
  return new Promise((resolve) => {
    const frame = doc.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = 'Messenger sign-in check';
    frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
    // Time the frame had, tick by tick: a tick counts at most a second, so a tab that slept or a
    // clock that jumped does not count as the IdP's silence (throttled ticks still add up).
    let waited = 0;
    let lastTick = Date.now();
    const finish = (result: URL | undefined) => {
      clearInterval(poll);
      frame.remove();
      resolve(result);
    };
    const poll = setInterval(() => {
      let href: string | undefined;
      try {
        href = frame.contentWindow?.location.href;
      } catch {
        // Still at the IdP (another origin): keep waiting.
        href = undefined;
      }
      const now = Date.now();
      waited += Math.min(Math.max(now - lastTick, 0), MAX_TICK_MS);
      lastTick = now;
      if (href?.startsWith(redirectUri)) finish(new URL(href));
      else if (waited > timeoutMs) finish(undefined);
    }, pollMs);
    frame.src = url;
    doc.body.appendChild(frame);
  });
}
