/** The options of `ng add ngx-genesys-messenger-auth` (see `schema.json`). */
export interface NgAddOptions {
  /** The application to set up; default: the workspace's project at the current directory. */
  project?: string;
  /** The Genesys Cloud environment, region code or custom origin. */
  environment?: string;
  /** The Genesys web deployment's id. */
  deploymentId?: string;
  /** Messenger's client id at the IdP; empty or left out for the portal's own. */
  clientId?: string;
  /** The angular-auth-oidc-client `configId` to follow; empty or left out for its first. */
  oidcConfigId?: string;
  /** Whether the set-up includes `withMessengerSnippet()`; default true. */
  snippet?: boolean;
}
