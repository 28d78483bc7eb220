import { ɵdescribeValue as describeValue } from 'ngx-genesys-messenger-auth/core';

import { type Section, readSection, readSecureUrl } from './field-readers';
import { formatDuration } from './format-duration';
import { IDP_KINDS, IDP_KIND_NAMES, type IdpDurationField, isIdpKind } from './idp-kinds';
import type { IssueLog } from './profile-issue';
import type { IdpKind, IdpSettings } from './profile-schema';
import { CLIENT_ID_PATTERN } from './validate-genesys';

/** The IdP lifetimes, in the order they are checked and reported. */
export const IDP_DURATION_FIELDS: readonly IdpDurationField[] = [
  'accessTokenLifetimeSeconds',
  'refreshTokenLifetimeSeconds',
  'refreshTokenIdleSeconds',
  'ssoSessionIdleSeconds',
  'ssoSessionMaxSeconds',
];
const IDP_FIELDS: readonly string[] = [
  'kind',
  'issuer',
  'portalClientId',
  'scopes',
  ...IDP_DURATION_FIELDS,
];
/** RFC 6749 §3.3 scope-token characters. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

function readKind(log: IssueLog, section: Section): IdpKind | undefined {
  if (!section.has('kind')) return undefined;
  const value = section.fields['kind'];
  if (isIdpKind(value)) return value;
  const path = section.at('kind');
  const message = `${path} must be one of ${IDP_KIND_NAMES.join(', ')} (got ${describeValue(value)})`;
  log.error(path, 'invalid-value', message);
  return undefined;
}

function readIssuer(log: IssueLog, section: Section): string | undefined {
  const value = section.string('issuer', { maxLength: 2048 });
  const path = section.at('issuer');
  const url = value === undefined ? undefined : readSecureUrl(log, value, path);
  if (!url || !value) return undefined;
  if (url.search || value.includes('?')) {
    log.error(path, 'invalid-format', `${path} must be a URL without query`);
    return undefined;
  }
  return value;
}

function readScopes(log: IssueLog, section: Section): string[] | undefined {
  const scopes = section.stringList('scopes', (item, at) => {
    if (SCOPE_TOKEN.test(item)) return true;
    const message = `${at} must be one scope without spaces or quotes (got ${describeValue(item)})`;
    log.error(at, 'invalid-format', message);
    return false;
  });
  if (scopes && !scopes.includes('openid')) {
    const path = section.at('scopes');
    log.error(path, 'missing-openid', `${path} must include "openid"`);
    return undefined;
  }
  return scopes;
}

/**
 * Reads one lifetime: a whole, positive number of seconds, within the kind's documented range.
 * Without a valid kind, only the generic rules apply (the access token is then required).
 */
function readDuration(
  log: IssueLog,
  section: Section,
  field: IdpDurationField,
  kind: IdpKind | undefined,
): { ok: boolean; value?: number } {
  const spec = kind && IDP_KINDS[kind].fields[field];
  const path = section.at(field);
  if (kind && !spec) {
    if (section.fields[field] === undefined) return { ok: true };
    const message = `${path} does not apply to ${IDP_KINDS[kind].label}`;
    log.error(path, 'field-not-for-kind', message);
    return { ok: false };
  }
  const required = spec ? spec.required : field === 'accessTokenLifetimeSeconds';
  const present = section.fields[field] !== undefined;
  const value = section.seconds(field, { min: 1, optional: !required });
  if (value === undefined) return { ok: !present && !required };
  const range = spec?.range;
  if (kind && range && (value < range.min || value > range.max)) {
    const span = `${formatDuration(range.min)} – ${formatDuration(range.max)}`;
    const message = `${IDP_KINDS[kind].label} accepts ${span} for ${spec.label}: ${path} must be ${range.min}–${range.max} seconds (got ${value})`;
    log.error(path, 'out-of-range', message);
    return { ok: false };
  }
  return { ok: true, value };
}

/**
 * Reads the `idp` section of a profile, reporting every problem to the log.
 * @returns the settings, or undefined when any of them is invalid
 */
export function readIdp(log: IssueLog, value: unknown): IdpSettings | undefined {
  const section = readSection(log, value, 'idp', IDP_FIELDS);
  if (!section) return undefined;
  const kind = readKind(log, section);
  const issuer = readIssuer(log, section);
  const portalClientId = section.string('portalClientId', {
    pattern: CLIENT_ID_PATTERN,
    expected: 'visible characters without spaces',
  });
  const scopes = readScopes(log, section);
  const durations: Partial<Record<IdpDurationField, number>> = {};
  let durationsOk = true;
  for (const field of IDP_DURATION_FIELDS) {
    const { ok, value: seconds } = readDuration(log, section, field, kind);
    durationsOk &&= ok;
    if (seconds !== undefined) durations[field] = seconds;
  }
  const accessTokenLifetimeSeconds = durations.accessTokenLifetimeSeconds;
  if (
    !kind ||
    issuer === undefined ||
    portalClientId === undefined ||
    !scopes ||
    !durationsOk ||
    accessTokenLifetimeSeconds === undefined
  ) {
    return undefined;
  }
  return { kind, issuer, portalClientId, scopes, accessTokenLifetimeSeconds, ...durations };
}
