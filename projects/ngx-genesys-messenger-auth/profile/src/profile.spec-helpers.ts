/* Builders for the profile specs: edits of the default profile, as plain JSON. */
import { IDP_KINDS } from './idp-kinds';
import { createDefaultProfile, type DeploymentProfile, type IdpKind } from './profile-schema';
import { validateProfile } from './validate-profile';
import type { ProfileIssue } from './profile-issue';

/** A profile as parsed from JSON: any field may hold anything. */
export type ProfileJson = Record<string, unknown>;

/** A fresh, mutable copy of the local stack's default profile. */
export function defaultJson(): ProfileJson {
  return JSON.parse(JSON.stringify(createDefaultProfile('local'))) as ProfileJson;
}

/**
 * The default profile with one field set (or removed, for `undefined`).
 * @param path a dotted path, e.g. `genesys.integration.clientId`
 */
export function profileWith(path: string, value: unknown, base = defaultJson()): ProfileJson {
  const keys = path.split('.');
  let target = base;
  for (const key of keys.slice(0, -1)) target = target[key] as ProfileJson;
  const last = keys[keys.length - 1];
  if (value === undefined) delete target[last];
  else target[last] = value;
  return base;
}

/** The default profile with several fields set, in order. */
export function profileWithAll(changes: Record<string, unknown>): ProfileJson {
  let json = defaultJson();
  for (const [path, value] of Object.entries(changes)) json = profileWith(path, value, json);
  return json;
}

/**
 * A valid profile for an IdP kind: the kind's defaults for every required lifetime (1 h for one
 * without a default), `offline_access` in the scopes, and the given IdP fields on top.
 */
export function profileFor(kind: IdpKind, idp: Record<string, unknown> = {}): ProfileJson {
  const durations: Record<string, number> = {};
  for (const [field, spec] of Object.entries(IDP_KINDS[kind].fields)) {
    if (spec.required) durations[field] = spec.defaultSeconds ?? 3600;
  }
  return profileWith('idp', {
    kind,
    issuer: 'http://localhost:4400',
    portalClientId: 'demo-portal',
    scopes: ['openid', 'profile', 'offline_access'],
    ...durations,
    ...idp,
  });
}

/** The `[path, code]` pairs of a profile's errors (none for a valid one). */
export function errorsOf(input: unknown): [string, string][] {
  const result = validateProfile(input);
  return result.valid ? [] : result.errors.map((issue) => [issue.path, issue.code]);
}

/** The `[path, code]` pairs of a profile's warnings. */
export function warningsOf(input: unknown): [string, string][] {
  return validateProfile(input).warnings.map((issue) => [issue.path, issue.code]);
}

/** The `[path, code]` pairs of issues. */
export function pairs(issues: readonly ProfileIssue[]): [string, string][] {
  return issues.map((issue) => [issue.path, issue.code]);
}

/** A valid profile, typed; throws when the JSON is not one. */
export function validProfile(input: unknown): DeploymentProfile {
  const result = validateProfile(input);
  if (!result.valid) throw new Error(`invalid profile: ${JSON.stringify(result.errors)}`);
  return result.profile;
}
