/**
 * The registered clients of the dev IdP. To add a client or a redirect URI, edit `DEV_CLIENTS`;
 * CORS origins and PKCE rules follow from it.
 */
import type { ClientMetadata } from 'oidc-provider';

import type { DevIdpConfig } from './config';

/** Origin of the demo portal. */
export const PORTAL_ORIGIN = 'http://localhost:4200';
/**
 * The same demo portal served as another *site* than the IdP (`127.0.0.1` vs `localhost`): the
 * e2e project `cross-site` opens it there, so the IdP's session cookie is a third-party cookie in
 * the portal's iframes.
 */
export const CROSS_SITE_PORTAL_ORIGIN = 'http://127.0.0.1:4200';
/** Every origin the demo portal is served from. */
const PORTAL_ORIGINS = [PORTAL_ORIGIN, CROSS_SITE_PORTAL_ORIGIN] as const;
/** Origin of the admin app. */
export const ADMIN_ORIGIN = 'http://localhost:4300';
/** The profile server: the resource (audience) of the admin app's access tokens. */
export const PROFILE_SERVER_AUDIENCE = 'http://localhost:4600';

/** Client ids of the dev IdP. */
export const CLIENT_IDS = {
  demoPortal: 'demo-portal',
  genesysMessenger: 'genesys-messenger',
  admin: 'admin',
} as const;

/** One client as we describe it; turned into oidc-provider metadata by {@link createClientMetadata}. */
export interface DevClient {
  readonly clientId: string;
  readonly clientName: string;
  /** The client's secret, for confidential (server-side) clients; absent for public clients. */
  readonly secret?: (config: DevIdpConfig) => string;
  /** Whether the authorization request must carry a PKCE S256 challenge. */
  readonly pkceRequired: boolean;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  /**
   * The API its access tokens are for (RFC 8707 resource indicator, used when the client asks for
   * none): such tokens are JWTs with this `aud`, which that API verifies with the IdP's JWKS, and
   * they cannot be used at userinfo. Absent: opaque access tokens for userinfo.
   */
  readonly accessTokenAudience?: string;
}

/** The given paths on every origin of the demo portal. */
function onPortal(...paths: readonly string[]): string[] {
  return PORTAL_ORIGINS.flatMap((origin) => paths.map((path) => `${origin}${path}`));
}

/** The dev IdP's clients. */
export const DEV_CLIENTS: readonly DevClient[] = [
  {
    clientId: CLIENT_IDS.demoPortal,
    clientName: 'Demo Portal',
    pkceRequired: true,
    redirectUris: onPortal('/callback', '/silent-renew.html'),
    postLogoutRedirectUris: onPortal('/', '/signed-out'),
  },
  {
    clientId: CLIENT_IDS.genesysMessenger,
    clientName: 'Genesys Messenger',
    secret: (config) => config.genesysClientSecret,
    pkceRequired: false,
    redirectUris: onPortal(
      '/messenger/callback',
      '/messenger-silent-callback.html',
      '/support/baseline',
      '/support/blueprint',
      '/',
    ),
    postLogoutRedirectUris: onPortal('/'),
  },
  {
    clientId: CLIENT_IDS.admin,
    clientName: 'Profile Admin',
    pkceRequired: true,
    redirectUris: [`${ADMIN_ORIGIN}/callback`, `${ADMIN_ORIGIN}/silent-renew.html`],
    postLogoutRedirectUris: [`${ADMIN_ORIGIN}/`],
    accessTokenAudience: PROFILE_SERVER_AUDIENCE,
  },
];

/**
 * Finds one of our clients by id.
 * @param clientId the `client_id`
 * @returns the client, or undefined
 */
export function findDevClient(clientId: unknown): DevClient | undefined {
  return DEV_CLIENTS.find((client) => client.clientId === clientId);
}

/**
 * oidc-provider metadata of every client. Confidential clients register `client_secret_basic`;
 * oidc-provider 9 also accepts `client_secret_post` for them (it treats both as one family).
 * @param config the configuration (for client secrets)
 * @returns one metadata object per client
 */
export function createClientMetadata(config: DevIdpConfig): ClientMetadata[] {
  return DEV_CLIENTS.map((client) => ({
    client_id: client.clientId,
    client_name: client.clientName,
    application_type: 'web',
    redirect_uris: [...client.redirectUris],
    post_logout_redirect_uris: [...client.postLogoutRedirectUris],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    ...(client.secret
      ? { token_endpoint_auth_method: 'client_secret_basic', client_secret: client.secret(config) }
      : { token_endpoint_auth_method: 'none' }),
  }));
}

/**
 * The web origins of a list of redirect URIs.
 * @param redirectUris absolute URIs
 * @returns their distinct origins
 */
export function originsOf(redirectUris: readonly string[]): Set<string> {
  const origins = new Set<string>();
  for (const uri of redirectUris) {
    const origin = URL.canParse(uri) ? new URL(uri).origin : 'null';
    if (origin !== 'null') {
      origins.add(origin);
    }
  }
  return origins;
}

/**
 * Every browser origin allowed to call the IdP's client endpoints from JavaScript.
 * @returns the origins of all clients' redirect URIs
 */
export function allowedBrowserOrigins(): Set<string> {
  return originsOf(DEV_CLIENTS.flatMap((client) => client.redirectUris));
}
