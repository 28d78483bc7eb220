import { deriveLifetimes } from './derive-lifetimes';
import { readSection, reportSecrets } from './field-readers';
import { formatDuration } from './format-duration';
import { IssueLog, type ProfileIssue } from './profile-issue';
import {
  DISCOVERY_SUFFIX,
  PROFILE_NAME_PATTERN,
  type DeploymentProfile,
  type GenesysDeploymentSettings,
  type IdpSettings,
  type ProfileRefreshPolicy,
} from './profile-schema';
import { jwtLifetimeOf } from './session-limits';
import { readGenesys, type ProfileValidationOptions } from './validate-genesys';
import { readIdp } from './validate-idp';
import { readRefresh } from './validate-refresh';

export type { ProfileValidationOptions } from './validate-genesys';

/** The outcome of {@link validateProfile}. */
export type ProfileValidation =
  | {
      /** The profile is acceptable. */
      readonly valid: true;
      /** A frozen copy of the profile. */
      readonly profile: DeploymentProfile;
      /** Warnings and information (severity `warning` or `info`). */
      readonly warnings: readonly ProfileIssue[];
    }
  | {
      /** The profile is refused. */
      readonly valid: false;
      /** Every error found, each naming its field's path. */
      readonly errors: readonly ProfileIssue[];
      /** The warnings of the parts that could be checked. */
      readonly warnings: readonly ProfileIssue[];
    };

const PROFILE_FIELDS: readonly (keyof DeploymentProfile)[] = ['name', 'genesys', 'idp', 'refresh'];

/** Refuses a lead that would refresh at once, for ever (the contract's "lead ≥ lifetime"). */
function checkLead(log: IssueLog, idp: IdpSettings, refresh: ProfileRefreshPolicy): boolean {
  const jwt = jwtLifetimeOf(idp);
  if (refresh.leadSeconds < jwt) return true;
  log.error(
    'refresh.leadSeconds',
    'lead-not-below-lifetime',
    `refresh.leadSeconds must be below the Genesys JWT lifetime (min(15 min, access token) = ` +
      `${formatDuration(jwt)}) (got ${refresh.leadSeconds})`,
  );
  return false;
}

/** Warnings about the Genesys integration and the IdP not matching. */
function checkConsistency(log: IssueLog, genesys: GenesysDeploymentSettings, idp: IdpSettings) {
  const expected = idp.issuer.replace(/\/+$/, '') + DISCOVERY_SUFFIX;
  if (genesys.integration.discoveryUri !== expected) {
    log.warn(
      'genesys.integration.discoveryUri',
      'discovery-issuer-mismatch',
      `The integration's discovery URI is not the IdP issuer's (${expected}): Genesys would ` +
        'exchange the codes at another IdP than the one the portal signs in with.',
    );
  }
  if (genesys.integration.clientId === idp.portalClientId) {
    log.warn(
      'genesys.integration.clientId',
      'shared-client-id',
      "Genesys recommends a client id for Genesys separate from the portal's own " +
        `(both are "${idp.portalClientId}").`,
    );
  }
  if (!genesys.authentication.enabled) {
    log.warn(
      'genesys.authentication.enabled',
      'authentication-disabled',
      'Authentication is off: Messenger stays anonymous and the bridge has nothing to refresh.',
    );
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * Checks a deployment profile against the schema and the rules of GENESYS-CONTRACT.md §4–5,
 * collecting every issue (it does not stop at the first).
 *
 * Errors: wrong types, missing or unknown fields (typos), any `secret`/`clientSecret` field (the
 * secret is never stored), formats (name, UUID, environment, domains, URLs, scopes), ranges (the
 * Genesys Max Refresh Token Lifetime and each IdP kind's documented ranges) and a lead not below
 * the JWT lifetime. Warnings: the lifetime rules of `deriveLifetimes` (on a valid profile) and
 * mismatches between the Genesys integration and the IdP.
 * @param input a profile as parsed from JSON, or anything else
 * @param options the caller's extra rules: `environmentOrigins`, the only custom Genesys
 *   environment origins accepted (regions always are)
 * @returns the frozen profile and its warnings, or every error (with a path and a code)
 * @usageNotes
 * ```ts
 * const result = validateProfile(JSON.parse(body));
 * if (!result.valid) reply.code(422).send({ errors: result.errors });
 * ```
 */
export function validateProfile(
  input: unknown,
  options: ProfileValidationOptions = {},
): ProfileValidation {
  const log = new IssueLog();
  reportSecrets(log, input);
  const root = readSection(log, input, '', PROFILE_FIELDS);
  if (!root) return { valid: false, errors: log.errors, warnings: log.warnings };
  const name = root.string('name', {
    maxLength: 64,
    pattern: PROFILE_NAME_PATTERN,
    expected: 'lowercase letters, digits and "-", starting with a letter',
  });
  const genesys = readGenesys(log, root.fields['genesys'], options);
  const idp = readIdp(log, root.fields['idp']);
  const refresh = readRefresh(log, root.fields['refresh']);
  const leadOk = idp && refresh ? checkLead(log, idp, refresh) : false;
  if (genesys && idp) checkConsistency(log, genesys, idp);
  if (log.errors.length > 0 || !name || !genesys || !idp || !refresh || !leadOk) {
    return { valid: false, errors: log.errors, warnings: log.warnings };
  }
  const profile = deepFreeze({ name, genesys, idp, refresh });
  return {
    valid: true,
    profile,
    warnings: [...log.warnings, ...deriveLifetimes(profile).warnings],
  };
}
