/**
 * The oidc-provider instance of the dev IdP: clients, users, lifetimes, first-party grants without
 * a consent screen, refresh tokens without `prompt=consent`, our own pages.
 */
import Provider, { errors } from 'oidc-provider';
import type {
  BaseToken,
  Client,
  Configuration,
  ErrorOut,
  Grant,
  KoaContextWithOIDC,
  ResourceServerInfo,
} from 'oidc-provider';

import { claimsOf, findUserBySub } from './accounts';
import { createClientMetadata, findDevClient, originsOf } from './clients';
import type { DevIdpConfig } from './config';
import { renderLogoutPage, renderMessagePage } from './html';
import { createCookieKeys, createSigningJwks } from './keys';
import { createMemoryAdapter } from './memory-adapter';
import { AdjustableLifetimes } from './test-lifetimes';

/** Scopes and the claims each releases. `roles` is ours; the rest are OIDC standard scopes. */
const CLAIMS: Record<string, string[]> = {
  openid: ['sub'],
  profile: ['name', 'given_name', 'family_name', 'preferred_username'],
  email: ['email', 'email_verified'],
  roles: ['roles'],
};

/**
 * The scopes an API audience accepts. Access tokens for it carry the granted ones; `roles` puts
 * the user's roles into the token (see {@link rolesForAccessToken}).
 */
const API_SCOPES = 'roles';

/** Seconds the login page may stay open before the sign-in request expires. */
const INTERACTION_TTL = 600;

/**
 * Creates the configured provider.
 * @param config the validated configuration
 * @param lifetimes the lifetimes tokens get (the configured ones unless test controls change them)
 * @returns the provider (a Koa application; mount it with `provider.callback()`)
 */
export function createProvider(
  config: DevIdpConfig,
  lifetimes: AdjustableLifetimes = new AdjustableLifetimes(config.lifetimes),
): Provider {
  const provider = new Provider(config.issuer, createConfiguration(config, lifetimes));
  provider.on('server_error', (_ctx, error) => logError(error));
  provider.on('error', (error) => logError(error));
  return provider;
}

function createConfiguration(config: DevIdpConfig, adjustable: AdjustableLifetimes): Configuration {
  // Read at every issue, so a test control's change applies to the next token.
  const lifetimes = () => adjustable.current;
  return {
    adapter: createMemoryAdapter(),
    clients: createClientMetadata(config),
    jwks: createSigningJwks(),
    cookies: { keys: createCookieKeys() },
    findAccount: async (_ctx, sub) => {
      const user = findUserBySub(sub);
      return user && { accountId: user.sub, claims: () => ({ ...claimsOf(user) }) };
    },
    claims: CLAIMS,
    scopes: ['openid', 'offline_access', ...Object.keys(CLAIMS)],
    // Put the profile, email and roles claims into ID tokens too, not only into userinfo.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: (_ctx, client) => findDevClient(client.clientId)?.pkceRequired ?? true },
    clientBasedCORS: (_ctx, origin, client) => originsOf(client.redirectUris).has(origin),
    // oidc-provider drops `offline_access` unless prompt=consent (TOOLCHAIN trap 9), so clients
    // allowed the refresh_token grant always get a refresh token.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    loadExistingGrant: grantWithoutConsent,
    extraTokenClaims: async (_ctx, token) => rolesForAccessToken(token),
    renderError,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      // Only clients with an `accessTokenAudience` get JWT access tokens for that API; the others
      // ask for no resource and keep opaque access tokens that work at userinfo.
      resourceIndicators: {
        enabled: true,
        defaultResource: async (_ctx, client, oneOf) =>
          oneOf ?? findDevClient(client.clientId)?.accessTokenAudience,
        // At the token endpoint, keep the audience the code (or refresh token) was issued for,
        // even though the request also asks for `openid` (which would otherwise mean userinfo).
        useGrantedResource: async (ctx) =>
          findDevClient(ctx.oidc.client?.clientId)?.accessTokenAudience !== undefined,
        getResourceServerInfo: async (_ctx, resource, client) => apiFor(resource, client),
      },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = renderLogoutPage(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = renderMessagePage('Signed out', 'You are signed out.', 'idp-signed-out');
        },
      },
    },
    ttl: {
      AccessToken: () => lifetimes().accessToken,
      AuthorizationCode: () => 60,
      IdToken: () => lifetimes().idToken,
      RefreshToken: (ctx, token, client) =>
        refreshTokenTtl(ctx, token, client, lifetimes().refreshToken),
      Interaction: () => INTERACTION_TTL,
      Session: () => lifetimes().session,
      // A grant must outlive every token issued under it.
      Grant: () => Math.max(lifetimes().refreshToken, lifetimes().session),
    },
  };
}

/**
 * First-party clients never see a consent screen: the grant of the session (or a new one) gets the
 * requested scopes and claims. This lets `prompt=none` return a code even for a client the user
 * has not used yet in this session.
 */
async function grantWithoutConsent(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
  const { oidc } = ctx;
  const { client, session } = oidc;
  if (!client || !session.accountId) {
    return undefined;
  }
  const grantId = oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
  const grant =
    existing?.accountId === session.accountId
      ? existing
      : new oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  const scope = [...oidc.requestParamOIDCScopes].join(' ');
  if (scope) {
    grant.addOIDCScope(scope);
  }
  if (oidc.requestParamClaims.size) {
    grant.addOIDCClaims([...oidc.requestParamClaims]);
  }
  for (const [resource, server] of Object.entries(oidc.resourceServers)) {
    const apiScope = [...oidc.requestParamScopes].filter((s) => server.scopes.has(s)).join(' ');
    if (apiScope) {
      grant.addResourceScope(resource, apiScope);
    }
  }
  await grant.save();
  return grant;
}

/**
 * The API behind a resource indicator, for the one client whose audience it is: JWT access tokens
 * signed with the IdP's key (RS256), `aud` = the resource, lifetime as configured for all tokens.
 * @throws InvalidTarget for any other resource or client
 */
function apiFor(resource: string, client: Client): ResourceServerInfo {
  if (findDevClient(client.clientId)?.accessTokenAudience !== resource) {
    throw new errors.InvalidTarget();
  }
  return { scope: API_SCOPES, audience: resource, accessTokenFormat: 'jwt' };
}

/**
 * Access tokens granted the `roles` scope carry the user's roles and whose they are
 * (`preferred_username`, so an API can name the user in its audit trail).
 */
function rolesForAccessToken(
  token: BaseToken,
): { roles: string[]; preferred_username: string } | undefined {
  const scopes = new Set(token.scope?.split(' '));
  const user = token.accountId ? findUserBySub(token.accountId) : undefined;
  if (token.kind !== 'AccessToken' || !scopes.has('roles') || !user) {
    return undefined;
  }
  return { roles: [...user.roles], preferred_username: user.username };
}

/** As oidc-provider's default: a rotated public-client refresh token keeps its first deadline. */
function refreshTokenTtl(
  ctx: KoaContextWithOIDC | undefined,
  token: BaseToken,
  client: Client,
  configured: number,
): number {
  const rotated = ctx?.oidc.entities.RotatedRefreshToken;
  if (rotated && client.clientAuthMethod === 'none' && !token.isSenderConstrained()) {
    return rotated.remainingTTL;
  }
  return configured;
}

async function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): Promise<void> {
  const detail = out.error_description ? `${out.error}: ${out.error_description}` : out.error;
  ctx.type = 'html';
  ctx.body = renderMessagePage('Sign-in problem', detail, 'idp-error-page');
}

function logError(error: Error): void {
  process.stderr.write(`dev-idp: internal error: ${error.name}: ${error.message}\n`);
}
