/** How serious a {@link ProfileIssue} is. */
export type ProfileIssueSeverity =
  /** The profile is refused: it cannot be saved or published. */
  | 'error'
  /** The profile works but is likely not what the admin wants. */
  | 'warning'
  /** An explanation of a consequence the admin should know about (nothing to fix). */
  | 'info';

/**
 * The stable, kebab-case codes of profile issues. A code never changes meaning once released; the
 * admin app and the server match on codes, never on messages.
 */
export type ProfileIssueCode =
  // Errors: shape and format.
  | 'invalid-type'
  | 'required'
  | 'unknown-field'
  | 'secret-not-stored'
  | 'invalid-format'
  | 'invalid-length'
  | 'invalid-value'
  | 'invalid-environment'
  | 'environment-not-allowed'
  | 'insecure-url'
  | 'invalid-discovery-uri'
  | 'not-an-integer'
  | 'out-of-range'
  | 'duplicate'
  | 'missing-openid'
  | 'field-not-for-kind'
  | 'domains-conflict'
  | 'domains-required'
  | 'lead-not-below-lifetime'
  | 'floor-above-lead'
  // Warnings and information: the lifetime rules.
  | 'jwt-lifetime-from-access-token'
  | 'missing-offline-access'
  | 'okta-window-order'
  | 'entra-spa-refresh-fixed'
  | 'keycloak-client-exceeds-sso'
  | 'lead-close-to-jwt-lifetime'
  | 'idp-session-shorter-than-genesys'
  | 'idle-window-shorter-than-refresh'
  | 'outside-recommended-range'
  // Warnings: consistency between the Genesys and IdP settings.
  | 'discovery-issuer-mismatch'
  | 'shared-client-id'
  | 'authentication-disabled';

/** One finding about a deployment profile. */
export interface ProfileIssue {
  /** The dotted path of the field concerned, e.g. `idp.accessTokenLifetimeSeconds`, `genesys.allowedDomains[1]`. */
  readonly path: string;
  /** What is wrong, as a stable kebab-case code. */
  readonly code: ProfileIssueCode;
  /** A human explanation in English, naming the expected value. */
  readonly message: string;
  /** How serious it is. */
  readonly severity: ProfileIssueSeverity;
}

/** Collects issues in the order they are found. */
export class IssueLog {
  readonly errors: ProfileIssue[] = [];
  readonly warnings: ProfileIssue[] = [];

  error(path: string, code: ProfileIssueCode, message: string): void {
    this.errors.push({ path, code, message, severity: 'error' });
  }

  warn(path: string, code: ProfileIssueCode, message: string): void {
    this.warnings.push({ path, code, message, severity: 'warning' });
  }

  inform(path: string, code: ProfileIssueCode, message: string): void {
    this.warnings.push({ path, code, message, severity: 'info' });
  }
}

/** The path of a field inside the object at `path` (`''` for the root). */
export function pathOf(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}
