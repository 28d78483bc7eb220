/**
 * The deployment-profile rules as the server applies them, on top of the shared schema
 * (`ngx-genesys-messenger-auth/profile`): what may be stored as a draft, what may be published,
 * what portals get.
 */
import {
  createDefaultProfile,
  PROFILE_NAME_PATTERN,
  publishedDocument,
  validateProfile,
  type DeploymentProfile,
  type ProfileIssue,
  type ProfileValidationOptions,
  type PublishedProfileDocument,
} from 'ngx-genesys-messenger-auth/profile';

import { ApiError, badRequest, type RequestIssue } from './api-error';

/** A draft the schema accepts, and what it warns about. */
export interface CheckedDraft {
  readonly profile: DeploymentProfile;
  readonly warnings: readonly ProfileIssue[];
}

/**
 * Checks a profile name taken from a request.
 * @param value the raw value
 * @param path where it came from, e.g. `params.name`
 * @returns the name
 * @throws ApiError 400 naming `path`
 */
export function profileName(value: unknown, path: string): string {
  if (typeof value !== 'string' || !PROFILE_NAME_PATTERN.test(value)) {
    throw badRequest(
      path,
      'invalid-format',
      `${path} must be 1–64 lowercase letters, digits or "-", starting with a letter`,
    );
  }
  return value;
}

/** The server's rules for drafts, with its allow-lists (e.g. `--allowed-environment-origins`). */
export interface ProfileRules {
  /**
   * Checks a draft before it is stored: the schema's rules (which refuse any secret field), the
   * server's allow-lists, and a `name` equal to the profile it is stored under.
   * @param input the draft as sent
   * @param name the profile's name (from the URL or the create request)
   * @param prefix prepended to issue paths when the draft sits inside a larger body (`profile`)
   * @returns the normalized profile and its warnings
   * @throws ApiError 422 `invalid-profile` listing every issue with its field path
   */
  checkDraft(input: unknown, name: string, prefix?: string): CheckedDraft;
  /**
   * Whether a stored document can be published today (the rules may have changed since it was
   * saved or last published).
   * @returns undefined when it can, else its errors
   */
  publishBlockers(document: unknown): readonly ProfileIssue[] | undefined;
  /** The errors (if any) and warnings of a stored draft under today's rules. */
  draftIssues(draft: unknown): {
    readonly errors: readonly ProfileIssue[];
    readonly warnings: readonly ProfileIssue[];
  };
  /**
   * The draft a profile created without one starts from: the schema's default, on the first
   * allowed environment origin, else on the region `prod`.
   */
  defaultProfile(name: string): DeploymentProfile;
}

/**
 * The rules of this server.
 * @param options passed to `validateProfile` (`environmentOrigins`: the custom Genesys
 *   environment origins allowed; none means regions only)
 * @returns the rules
 */
export function profileRules(options: ProfileValidationOptions): ProfileRules {
  const validate = (input: unknown) => validateProfile(input, options);
  return {
    checkDraft(input, name, prefix = '') {
      const result = validate(input);
      if (!result.valid) throw invalidProfile(result.errors, prefix);
      if (result.profile.name !== name) {
        const message = `name must be "${name}", the name of the profile it is saved as`;
        throw invalidProfile([{ path: 'name', code: 'name-mismatch', message }], prefix);
      }
      return { profile: result.profile, warnings: result.warnings };
    },
    publishBlockers(document) {
      const result = validate(document);
      return result.valid ? undefined : result.errors;
    },
    draftIssues(draft) {
      const result = validate(draft);
      return { errors: result.valid ? [] : result.errors, warnings: result.warnings };
    },
    defaultProfile(name) {
      const profile = createDefaultProfile(name);
      const environment = options.environmentOrigins?.[0] ?? 'prod';
      return { ...profile, genesys: { ...profile.genesys, environment } };
    },
  };
}

/**
 * The portal's document of a published version: no secret, no admin-only field.
 * @param document the stored version (a profile the schema accepted when it was published)
 * @param version its number
 * @returns the document, or undefined when it cannot be made (or would hold a secret-like field)
 */
export function portalDocument(
  document: unknown,
  version: number,
): PublishedProfileDocument | undefined {
  const result = validateProfile(document);
  // A version is immutable: one published under older rules is still served as it was accepted.
  const profile = result.valid ? result.profile : (document as DeploymentProfile);
  try {
    const published = publishedDocument(profile, version);
    return hasSecretField(published) ? undefined : published;
  } catch {
    // A document the mapping cannot read: reported by the caller as "not servable".
    return undefined;
  }
}

/** Whether any key of a JSON value, at any depth, looks like a secret (defence in depth). */
export function hasSecretField(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(
    ([key, inner]) => /secret|password/i.test(key) || hasSecretField(inner),
  );
}

/**
 * Issues as the API reports them (`{path, code, message}`).
 * @param issues the schema's issues
 * @param prefix prepended to each path
 */
export function requestIssues(issues: readonly RequestIssue[], prefix = ''): RequestIssue[] {
  return issues.map(({ path, code, message }) => ({
    path: prefix && path ? `${prefix}.${path}` : prefix || path,
    code,
    message,
  }));
}

function invalidProfile(issues: readonly RequestIssue[], prefix: string): ApiError {
  const first = requestIssues(issues, prefix)[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new ApiError(
    422,
    'invalid-profile',
    `the profile is not valid: ${first?.path || 'body'}: ${first?.message}${more}`,
    { issues: requestIssues(issues, prefix) },
  );
}
