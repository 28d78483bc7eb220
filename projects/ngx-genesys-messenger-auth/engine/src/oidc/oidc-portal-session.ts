import { OidcSecurityService } from 'angular-auth-oidc-client';
import { distinctUntilChanged, firstValueFrom, map, type Observable } from 'rxjs';
import type { IdpMetadata } from '../authorization/authorization-request';
import type { AuthorizerSettings } from '../authorization/messenger-authorizer';
import type { PortalSessionPort } from '../bridge/bridge-ports';
import {
  MessengerAuthError,
  MessengerAuthErrorCode,
  ɵDEV_MODE as DEV_MODE,
  type MessengerAuthConfig,
  type ResolvedMessengerAuthConfig,
} from 'ngx-genesys-messenger-auth/core';

interface DiscoveryDocument {
  readonly issuer?: unknown;
  readonly authorization_endpoint?: unknown;
  readonly end_session_endpoint?: unknown;
  readonly authorization_response_iss_parameter_supported?: unknown;
}

/**
 * The portal's sign-in as angular-auth-oidc-client holds it: whether the user is signed in (for
 * the configured `configId`), and the IdP metadata and client settings for Messenger's own
 * authorization requests, taken from the same discovery document the portal's library uses.
 */
export class OidcPortalSession implements PortalSessionPort {
  /** @inheritdoc */
  readonly signedIn$: Observable<boolean>;
  private settingsPromise?: Promise<AuthorizerSettings>;

  /**
   * @param oidc the portal's `OidcSecurityService` (the Messenger-aware one)
   * @param setup the portal-side settings (which OIDC configuration to follow)
   * @param config the configuration the bridge runs with
   */
  constructor(
    private readonly oidc: OidcSecurityService,
    private readonly setup: Partial<MessengerAuthConfig>,
    private readonly config: ResolvedMessengerAuthConfig,
  ) {
    this.signedIn$ = oidc.isAuthenticated$.pipe(
      map((result) => {
        const id = setup.oidcConfigId;
        if (id === undefined) return result.isAuthenticated;
        return (
          result.allConfigsAuthenticated.find((c) => c.configId === id)?.isAuthenticated ?? false
        );
      }),
      distinctUntilChanged(),
    );
  }

  /** @inheritdoc */
  signOutLocally(): void {
    // The library's own logoffLocal: the Messenger-aware override would announce a sign-out again.
    OidcSecurityService.prototype.logoffLocal.call(this.oidc, this.setup.oidcConfigId);
  }

  /** Client id, scope and IdP metadata for Messenger's authorization requests (fetched once). */
  settings(): Promise<AuthorizerSettings> {
    this.settingsPromise ??= this.loadSettings();
    this.settingsPromise.catch(() => (this.settingsPromise = undefined));
    return this.settingsPromise;
  }

  private async loadSettings(): Promise<AuthorizerSettings> {
    const { config } = this;
    const oidcConfig = await firstValueFrom(this.oidc.getConfiguration(config.oidcConfigId));
    if (!oidcConfig?.authority || !oidcConfig.clientId) {
      throw new MessengerAuthError(
        MessengerAuthErrorCode.MISSING_OIDC_CONFIG,
        DEV_MODE &&
          `angular-auth-oidc-client has no configuration${config.oidcConfigId ? ` "${config.oidcConfigId}"` : ''} with an authority and a clientId`,
      );
    }
    // As angular-auth-oidc-client does: the well-known URL (default: the authority) gets the
    // discovery path unless it already names a document.
    const base = (oidcConfig.authWellknownEndpointUrl || oidcConfig.authority).replace(/\/$/, '');
    const url = base.includes('/.well-known/') ? base : `${base}/.well-known/openid-configuration`;
    return {
      clientId: config.clientId ?? oidcConfig.clientId,
      scope: config.scope,
      idp: await fetchIdpMetadata(url),
    };
  }
}

async function fetchIdpMetadata(url: string): Promise<IdpMetadata> {
  let doc: DiscoveryDocument;
  try {
    const response = await fetch(url, { credentials: 'omit' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    doc = (await response.json()) as DiscoveryDocument;
  } catch (error) {
    throw new MessengerAuthError(
      MessengerAuthErrorCode.DISCOVERY_FAILED,
      DEV_MODE && `the IdP's discovery document ${url} is unavailable`,
      { cause: error },
    );
  }
  if (typeof doc.issuer !== 'string' || typeof doc.authorization_endpoint !== 'string') {
    throw new MessengerAuthError(
      MessengerAuthErrorCode.DISCOVERY_FAILED,
      DEV_MODE && `${url} has no issuer or authorization_endpoint`,
    );
  }
  return {
    issuer: doc.issuer,
    authorizationEndpoint: doc.authorization_endpoint,
    issParameterSupported: doc.authorization_response_iss_parameter_supported === true,
    endSessionEndpoint:
      typeof doc.end_session_endpoint === 'string' ? doc.end_session_endpoint : undefined,
  };
}
