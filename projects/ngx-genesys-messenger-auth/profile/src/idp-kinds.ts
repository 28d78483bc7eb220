import type { IdpKind } from './profile-schema';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/** The IdP lifetimes a profile may hold, all in seconds. */
export type IdpDurationField =
  | 'accessTokenLifetimeSeconds'
  | 'refreshTokenLifetimeSeconds'
  | 'refreshTokenIdleSeconds'
  | 'ssoSessionIdleSeconds'
  | 'ssoSessionMaxSeconds';

/** An inclusive range of seconds. */
export interface SecondsRange {
  /** The smallest value, in seconds. */
  readonly min: number;
  /** The largest value, in seconds. */
  readonly max: number;
}

/** One lifetime as a kind's console shows it. */
export interface IdpFieldSpec {
  /** What the IdP's console calls the setting. */
  readonly label: string;
  /** Whether the profile must give it for this kind. */
  readonly required: boolean;
  /** The values the IdP accepts; outside them is an error. Absent: any positive number. */
  readonly range?: SecondsRange;
  /** The values the IdP uses without extra configuration; outside them is a warning. */
  readonly recommended?: SecondsRange & { readonly reason: string };
  /** The IdP's default, in seconds, for the admin app to prefill. */
  readonly defaultSeconds?: number;
  /** A short explanation for the admin. */
  readonly hint: string;
}

/** What the profile knows about one kind of IdP (GENESYS-CONTRACT.md §5). */
export interface IdpKindSpec {
  /** The kind. */
  readonly kind: IdpKind;
  /** Its display name. */
  readonly label: string;
  /** The lifetimes this kind has; a field not listed is refused for the kind. */
  readonly fields: Readonly<Partial<Record<IdpDurationField, IdpFieldSpec>>>;
  /** Whether the IdP issues a refresh token only when `offline_access` is asked for. */
  readonly refreshTokenNeedsOfflineAccess: boolean;
  /** Advice for the admin. */
  readonly hints: readonly string[];
}

/** Every IdP kind, in the order the admin app lists them. */
export const IDP_KIND_NAMES: readonly IdpKind[] = Object.freeze([
  'okta',
  'auth0',
  'keycloak',
  'entra',
  'pingone',
  'cognito',
  'generic',
]);

/** The documented ranges, defaults, optional fields and hints of each IdP kind. */
export const IDP_KINDS: Readonly<Record<IdpKind, IdpKindSpec>> = Object.freeze({
  okta: {
    kind: 'okta',
    label: 'Okta (custom authorization server)',
    refreshTokenNeedsOfflineAccess: true,
    fields: {
      accessTokenLifetimeSeconds: {
        label: 'Access token lifetime',
        required: true,
        range: { min: 5 * MINUTE, max: DAY },
        defaultSeconds: HOUR,
        hint: 'Set in the access policy rule: 5 min – 24 h, default 60 min.',
      },
      refreshTokenIdleSeconds: {
        label: 'Refresh token: but will expire if not used every',
        required: false,
        defaultSeconds: 7 * DAY,
        hint: 'The refresh window, default 7 days; keep access ≤ window ≤ refresh token lifetime.',
      },
      refreshTokenLifetimeSeconds: {
        label: 'Refresh token lifetime',
        required: false,
        hint: 'Unlimited by default: leave empty unless the rule sets a lifetime.',
      },
    },
    hints: [
      'Okta issues refresh tokens only for the offline_access scope and the refresh_token grant.',
    ],
  },
  auth0: {
    kind: 'auth0',
    label: 'Auth0',
    refreshTokenNeedsOfflineAccess: true,
    fields: {
      accessTokenLifetimeSeconds: {
        label: 'Maximum Access Token Lifetime (API settings)',
        required: true,
        range: { min: 1, max: 30 * DAY },
        defaultSeconds: DAY,
        hint: 'Default 24 h, at most 30 days.',
      },
      refreshTokenLifetimeSeconds: {
        label: 'Refresh Token Expiration: Absolute Lifetime',
        required: false,
        defaultSeconds: 30 * DAY,
        hint: 'Default 30 days; leave empty when absolute expiration is off.',
      },
    },
    hints: ['Auth0 issues refresh tokens only for the offline_access scope.'],
  },
  keycloak: {
    kind: 'keycloak',
    label: 'Keycloak',
    refreshTokenNeedsOfflineAccess: false,
    fields: {
      accessTokenLifetimeSeconds: {
        label: 'Access Token Lifespan',
        required: true,
        defaultSeconds: 5 * MINUTE,
        hint: 'Realm or client setting; Keycloak defaults to 5 min.',
      },
      refreshTokenIdleSeconds: {
        label: 'Client Session Idle',
        required: false,
        hint: 'Client override of SSO Session Idle; must not exceed it. Empty: the realm value.',
      },
      refreshTokenLifetimeSeconds: {
        label: 'Client Session Max',
        required: false,
        hint: 'Client override of SSO Session Max; must not exceed it. Empty: the realm value.',
      },
      ssoSessionIdleSeconds: {
        label: 'SSO Session Idle',
        required: true,
        defaultSeconds: 30 * MINUTE,
        hint: 'Realm setting; Keycloak defaults to 30 min.',
      },
      ssoSessionMaxSeconds: {
        label: 'SSO Session Max',
        required: true,
        defaultSeconds: 10 * HOUR,
        hint: 'Realm setting; Keycloak defaults to 10 h.',
      },
    },
    hints: ['Client values take effect only up to the realm SSO values.'],
  },
  entra: {
    kind: 'entra',
    label: 'Microsoft Entra ID',
    refreshTokenNeedsOfflineAccess: true,
    fields: {
      accessTokenLifetimeSeconds: {
        label: 'Access token lifetime (AccessTokenLifetime policy)',
        required: true,
        range: { min: 10 * MINUTE, max: DAY },
        recommended: {
          min: 60 * MINUTE,
          max: 90 * MINUTE,
          reason:
            'Entra ID issues 60–90 min by default; another value needs a token lifetime policy',
        },
        defaultSeconds: HOUR,
        hint: 'Default 60–90 min; a token lifetime policy allows 10 min – 1 day.',
      },
      refreshTokenLifetimeSeconds: {
        label: 'Refresh token lifetime (not configurable)',
        required: true,
        defaultSeconds: DAY,
        hint: 'Fixed: 24 h for single-page-app redirect URIs.',
      },
    },
    hints: ['Entra ID issues refresh tokens only for the offline_access scope.'],
  },
  pingone: {
    kind: 'pingone',
    label: 'PingOne',
    refreshTokenNeedsOfflineAccess: false,
    fields: {
      accessTokenLifetimeSeconds: {
        label: 'Access token time to live',
        required: true,
        range: { min: 5 * MINUTE, max: 30 * DAY },
        defaultSeconds: HOUR,
        hint: '5 min – 30 days, default 1 h.',
      },
      refreshTokenLifetimeSeconds: {
        label: 'Refresh token duration',
        required: true,
        hint: 'Enable the refresh_token grant on the Genesys application.',
      },
    },
    hints: ['PingOne issues refresh tokens when the application allows the refresh_token grant.'],
  },
  cognito: {
    kind: 'cognito',
    label: 'Amazon Cognito',
    refreshTokenNeedsOfflineAccess: false,
    fields: {
      accessTokenLifetimeSeconds: {
        label: 'Access token expiration',
        required: true,
        range: { min: 5 * MINUTE, max: DAY },
        defaultSeconds: HOUR,
        hint: '5 min – 1 day.',
      },
      refreshTokenLifetimeSeconds: {
        label: 'Refresh token expiration',
        required: true,
        range: { min: 60 * MINUTE, max: 3650 * DAY },
        defaultSeconds: 30 * DAY,
        hint: '60 min – 10 years, default 30 days.',
      },
    },
    hints: ['Cognito always issues a refresh token with the authorization code grant.'],
  },
  generic: {
    kind: 'generic',
    label: 'Other OpenID Connect provider',
    refreshTokenNeedsOfflineAccess: true,
    fields: {
      accessTokenLifetimeSeconds: {
        label: 'Access token lifetime',
        required: true,
        hint: 'Any positive number of seconds.',
      },
      refreshTokenLifetimeSeconds: {
        label: 'Refresh token lifetime',
        required: false,
        hint: 'Leave empty when refresh tokens do not expire.',
      },
      refreshTokenIdleSeconds: {
        label: 'Refresh token idle window',
        required: false,
        hint: 'Leave empty when unused refresh tokens do not expire early.',
      },
    },
    hints: ['OpenID Connect providers issue refresh tokens for the offline_access scope (§11).'],
  },
} satisfies Record<IdpKind, IdpKindSpec>);

/**
 * Whether a string names an IdP kind.
 * @param value any value
 */
export function isIdpKind(value: unknown): value is IdpKind {
  return typeof value === 'string' && (IDP_KIND_NAMES as readonly string[]).includes(value);
}
