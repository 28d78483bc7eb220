/**
 * The IdP session cookie's attributes. Hosted IdPs (Okta, Entra ID, Auth0, Keycloak) send their
 * session cookie `SameSite=None; Secure`, so a portal on another site can authorize silently in a
 * hidden iframe — as long as the browser allows third-party cookies. oidc-provider sends `Lax`
 * (never sent in a cross-site iframe, whatever the browser allows) and refuses `Secure` over plain
 * http, so the dev IdP's front rewrites the attributes of the outgoing cookie. Chromium accepts
 * `Secure` cookies from `http://localhost` (a secure context).
 */
import type { ServerResponse } from 'node:http';

/** oidc-provider's session cookie (`cookies.names.session`, default) and its signature. */
const SESSION_COOKIES: ReadonlySet<string> = new Set(['_session', '_session.sig']);

const SAME_SITE_OR_SECURE = /^\s*(samesite|secure)\b/i;

/**
 * One `Set-Cookie` header, with `SameSite=None; Secure` if it sets the IdP session cookie.
 * @param header the header as oidc-provider wrote it
 * @returns the header to send
 */
export function crossSiteSessionCookie(header: string): string {
  const name = header.slice(0, header.indexOf('=')).trim();
  if (!SESSION_COOKIES.has(name)) {
    return header;
  }
  const kept = header.split(';').filter((part) => !SAME_SITE_OR_SECURE.test(part));
  return [...kept, ' samesite=none', ' secure'].join(';');
}

/**
 * Makes a response send the IdP session cookie with {@link crossSiteSessionCookie}'s attributes,
 * whoever sets it (oidc-provider sets headers one by one, then writes the head once).
 * @param res the response, before anything is written
 */
export function sendSessionCookieCrossSite(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    const cookies = this.getHeader('set-cookie');
    if (cookies !== undefined) {
      this.setHeader('set-cookie', [cookies].flat().map(String).map(crossSiteSessionCookie));
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
}
