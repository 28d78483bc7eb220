import { lifetimeWarnings } from './lifetime-warnings';
import type { ProfileIssue } from './profile-issue';
import type { DeploymentProfile } from './profile-schema';
import {
  idpIdleLimit,
  idpSessionLimit,
  jwtLifetimeOf,
  leadSecondsOf,
  smallest,
  type SessionBound,
  type SessionLimit,
} from './session-limits';

const DAY = 86_400;

/** The lifetimes a profile implies. Derived, never typed by the admin. */
export interface DerivedLifetimes {
  /** The Genesys JWT's lifetime, in seconds: min(900, the IdP access token's lifetime). */
  readonly jwtLifetimeSeconds: number;
  /** How long before expiry the bridge refreshes, in seconds (the core's `leadTimeMs`). */
  readonly leadSeconds: number;
  /** The time between two refreshes, in seconds: JWT lifetime − lead. */
  readonly refreshEverySeconds: number;
  /** How many refreshes a day of open session takes (whole refreshes in 86 400 s). */
  readonly refreshesPerDay: number;
  /** When the session must end at the latest, in seconds after sign-in, with a tab open. */
  readonly sessionEndsAfterSeconds: number;
  /** Which setting gives {@link sessionEndsAfterSeconds}; on a tie, the first in {@link SessionBound}. */
  readonly sessionBoundBy: SessionBound;
  /**
   * The IdP's idle window in seconds (Keycloak: the smaller of client and SSO idle), if any: a
   * session that nobody refreshes for this long ends, while the bridge's refreshes renew it [I].
   */
  readonly idleLimitSeconds: number | undefined;
  /** The warnings of the lifetime rules (GENESYS-CONTRACT.md §4–5). */
  readonly warnings: readonly ProfileIssue[];
}

/**
 * Derives the lifetimes a valid profile implies and the warnings of the contract's rules.
 *
 * The session ends at the earliest of: the Genesys Max Refresh Token Lifetime, the IdP refresh
 * token's lifetime, Keycloak's SSO Session Max, and the IdP idle window when it is not longer than
 * the refresh cadence (a longer one is renewed by every refresh [I]; see `idleLimitSeconds`).
 * @param profile a profile `validateProfile` accepted
 * @returns the derived lifetimes, in seconds
 * @usageNotes
 * ```ts
 * const derived = deriveLifetimes(createDefaultProfile('local'));
 * derived.jwtLifetimeSeconds; // 300
 * derived.refreshEverySeconds; // 240
 * ```
 */
export function deriveLifetimes(profile: DeploymentProfile): DerivedLifetimes {
  const { genesys, idp } = profile;
  const jwtLifetimeSeconds = jwtLifetimeOf(idp);
  const leadSeconds = leadSecondsOf(profile);
  const refreshEverySeconds = jwtLifetimeSeconds - leadSeconds;
  const idle = idpIdleLimit(idp);
  const genesysLimit: SessionLimit = {
    seconds: genesys.integration.maxRefreshTokenLifetimeSeconds,
    bound: 'genesys-max-refresh-token-lifetime',
    path: 'genesys.integration.maxRefreshTokenLifetimeSeconds',
  };
  const idleEndsSession = idle && idle.seconds <= refreshEverySeconds ? idle : undefined;
  const end = smallest([genesysLimit, idpSessionLimit(idp), idleEndsSession]) ?? genesysLimit;
  const derived = {
    jwtLifetimeSeconds,
    leadSeconds,
    refreshEverySeconds,
    refreshesPerDay: Math.floor(DAY / refreshEverySeconds),
    sessionEndsAfterSeconds: end.seconds,
    sessionBoundBy: end.bound,
    idleLimitSeconds: idle?.seconds,
  };
  return { ...derived, warnings: lifetimeWarnings(profile, derived) };
}
