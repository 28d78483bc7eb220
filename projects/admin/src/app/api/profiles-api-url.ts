import { InjectionToken } from '@angular/core';

/** The profile server of the local stack. */
export const DEFAULT_PROFILES_API_URL = 'http://localhost:4600';

/**
 * The base URL of the profile server's admin API, without a trailing slash. The access token is
 * attached to requests under it (`secureRoutes` of the auth configuration).
 */
export const PROFILES_API_URL = new InjectionToken<string>('PROFILES_API_URL', {
  providedIn: 'root',
  factory: () => DEFAULT_PROFILES_API_URL,
});
