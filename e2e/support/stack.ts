/** Where the local stack answers (tools/stack.mjs starts it; the URLs use the `localhost` spelling). */
export const IDP_ISSUER = 'http://localhost:4400';
export const PORTAL_ORIGIN = 'http://localhost:4200';
