import {
  ɵcustomOrigin as customOrigin,
  ɵDEV_MODE as DEV_MODE,
  ɵinvalidConfigError as invalidConfigError,
} from 'ngx-genesys-messenger-auth/core/startup';

/**
 * Checks the origins a portal allows a remote profile to name as its Genesys environment (when
 * `withRemoteProfile` is called, so that a typo fails at once rather than when the profile loads).
 * An entry must be what `environment` itself accepts as an origin.
 * @param origins e.g. `['https://genesys.example.com']`
 * @returns the same origins, without trailing slash
 * @throws MessengerAuthError `INVALID_CONFIG` for an entry that is not such an origin
 */
export function environmentAllowList(origins: readonly string[]): readonly string[] {
  return origins.map((entry, index) => {
    const origin = customOrigin(entry);
    if (origin !== undefined) return origin;
    throw invalidConfigError(
      `allowedEnvironmentOrigins[${index}]`,
      DEV_MODE &&
        'an origin such as "https://genesys.example.com", without path (http only on localhost)',
      entry,
    );
  });
}
