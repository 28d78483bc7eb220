/** Where the local stack answers (tools/stack.mjs starts it; the URLs use the `localhost` spelling). */
export const IDP_ISSUER = 'http://localhost:4400';
export const PORTAL_ORIGIN = 'http://localhost:4200';
/**
 * The same demo portal opened as another *site* than the IdP (`127.0.0.1` vs `localhost`): the
 * origin of the Playwright project `cross-site` (playwright.config.ts), whose Chromium blocks
 * third-party cookies (e2e/support/cross-site.ts).
 */
export const CROSS_SITE_PORTAL = 'http://127.0.0.1:4200';
/** The Playwright project of specs named `cross-site.<topic>.spec.ts`. */
export const CROSS_SITE_PROJECT = 'cross-site';
