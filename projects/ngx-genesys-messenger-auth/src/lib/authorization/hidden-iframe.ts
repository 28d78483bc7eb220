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
    const started = Date.now();
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
      if (href?.startsWith(redirectUri)) finish(new URL(href));
      else if (Date.now() - started > timeoutMs) finish(undefined);
    }, pollMs);
    frame.src = url;
    doc.body.appendChild(frame);
  });
}
