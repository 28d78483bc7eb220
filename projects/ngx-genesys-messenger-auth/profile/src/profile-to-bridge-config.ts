import type { MessengerAuthConfig } from 'ngx-genesys-messenger-auth/core';

import { allowedOriginsOf } from './allowed-origins';
import type { DeploymentProfile, IdpKind, ReauthMode } from './profile-schema';

/** What the profile server publishes for portals: no secret, no admin-only field. */
export interface PublishedProfileDocument {
  /** The profile's name. */
  readonly name: string;
  /** The published version; `null` until the profile server assigns one when it publishes. */
  readonly version: number | null;
  /** The configuration to give `provideMessengerAuth`. */
  readonly bridge: MessengerAuthConfig;
  /**
   * What the bridge does when the session cannot be refreshed any more. The bridge reads
   * `bridge.reauthMode`; this copy stays for readers of the document's first shape.
   */
  readonly reauthMode: ReauthMode;
  /** The IdP as the portal signs in with it. */
  readonly idp: {
    /** The kind of IdP. */
    readonly kind: IdpKind;
    /** The issuer URL. */
    readonly issuer: string;
    /** The portal's own client id. */
    readonly clientId: string;
  };
  /** The origin patterns allowed to fetch the document (CORS); see `isOriginAllowed`. */
  readonly allowedOrigins: readonly string[];
}

/**
 * The library's configuration for a valid profile: its deployment and environment, the Genesys
 * integration's client id, the IdP scopes, the refresh policy in milliseconds and whether the
 * bridge may show the login page again (`reauthMode`).
 * @param profile a profile `validateProfile` accepted
 * @returns a configuration `validateMessengerAuthConfig` accepts
 * @usageNotes
 * ```ts
 * provideMessengerAuth(bridgeConfigFromProfile(profile));
 * ```
 */
export function bridgeConfigFromProfile(profile: DeploymentProfile): MessengerAuthConfig {
  const { genesys, idp, refresh } = profile;
  return {
    deploymentId: genesys.deploymentId,
    environment: genesys.environment,
    clientId: genesys.integration.clientId,
    scope: idp.scopes.join(' '),
    refresh: {
      leadMs: refresh.leadSeconds * 1000,
      minLeadMs: refresh.floorSeconds * 1000,
      backoffCapMs: refresh.backoffCapSeconds * 1000,
    },
    reauthMode: refresh.reauthMode,
  };
}

/**
 * The portal-facing document of a valid profile. It leaves out everything a portal does not need
 * (integration id, discovery URI, deployment name, lifetimes) and never holds a secret.
 * @param profile a profile `validateProfile` accepted
 * @param version the version the server publishes it as; `null` for a preview
 * @returns the document
 */
export function publishedDocument(
  profile: DeploymentProfile,
  version: number | null = null,
): PublishedProfileDocument {
  return {
    name: profile.name,
    version,
    bridge: bridgeConfigFromProfile(profile),
    reauthMode: profile.refresh.reauthMode,
    idp: {
      kind: profile.idp.kind,
      issuer: profile.idp.issuer,
      clientId: profile.idp.portalClientId,
    },
    allowedOrigins: allowedOriginsOf(profile.genesys),
  };
}
