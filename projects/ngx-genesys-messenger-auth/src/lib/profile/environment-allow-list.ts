import {
  ɵDEV_MODE as DEV_MODE,
  ɵinvalidConfigError as invalidConfigError,
} from 'ngx-genesys-messenger-auth/core/startup';

/**
 * Checks the origins a portal allows a remote profile to name as its Genesys environment (when
 * `withRemoteProfile` is called, so that a typo fails at once rather than when the profile loads).
 * @param origins e.g. `['https://genesys.example.com']`
 * @returns the same origins, without trailing slash
 * @throws MessengerAuthError `INVALID_CONFIG` for an entry that is not a bare origin
 */
export function environmentAllowList(origins: readonly string[]): readonly string[] {
  return origins.map((entry, index) => {
    const origin = originOf(entry);
    if (origin !== undefined && origin === entry.replace(/\/$/, '')) return origin;
    throw invalidConfigError(
      `allowedEnvironmentOrigins[${index}]`,
      DEV_MODE && 'an origin such as "https://genesys.example.com", without path',
      entry,
    );
  });
}

function originOf(value: string): string | undefined {
  try {
    return new URL(value).origin;
  } catch {
    // Not a URL: the caller reports the entry.
    return undefined;
  }
}
