/*
 * Public API surface of ngx-genesys-messenger-auth.
 * The bridge's exports arrive with its implementation; the build set-up is in place already.
 */
export {};
