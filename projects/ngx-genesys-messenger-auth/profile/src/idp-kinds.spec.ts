import { IDP_KINDS, IDP_KIND_NAMES, type IdpDurationField, isIdpKind } from './idp-kinds';
import { errorsOf, profileFor } from './profile.spec-helpers';
import type { IdpKind } from './profile-schema';
import { validateProfile } from './validate-profile';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/** The hard ranges of GENESYS-CONTRACT.md §5, written out rather than read from IDP_KINDS. */
const CONTRACT_RANGES: readonly [IdpKind, IdpDurationField, number, number][] = [
  ['okta', 'accessTokenLifetimeSeconds', 5 * MINUTE, DAY],
  ['auth0', 'accessTokenLifetimeSeconds', 1, 30 * DAY],
  ['entra', 'accessTokenLifetimeSeconds', 10 * MINUTE, DAY],
  ['pingone', 'accessTokenLifetimeSeconds', 5 * MINUTE, 30 * DAY],
  ['cognito', 'accessTokenLifetimeSeconds', 5 * MINUTE, DAY],
  ['cognito', 'refreshTokenLifetimeSeconds', 60 * MINUTE, 3650 * DAY],
];

/** Boundary values: [kind, field, seconds, accepted]. */
const BOUNDARIES = CONTRACT_RANGES.flatMap(([kind, field, min, max]) => [
  [kind, field, min - 1, false] as const,
  [kind, field, min, true] as const,
  [kind, field, max, true] as const,
  [kind, field, max + 1, false] as const,
]).filter(([, , seconds]) => seconds > 0);

/** Kinds without a documented range take any positive whole number of seconds. */
const OPEN_RANGES: readonly [IdpKind, IdpDurationField][] = [
  ['keycloak', 'accessTokenLifetimeSeconds'],
  ['keycloak', 'ssoSessionMaxSeconds'],
  ['generic', 'accessTokenLifetimeSeconds'],
  ['generic', 'refreshTokenLifetimeSeconds'],
  ['generic', 'refreshTokenIdleSeconds'],
  ['okta', 'refreshTokenIdleSeconds'],
  ['auth0', 'refreshTokenLifetimeSeconds'],
  ['entra', 'refreshTokenLifetimeSeconds'],
  ['pingone', 'refreshTokenLifetimeSeconds'],
];

describe('IDP_KINDS', () => {
  it.each(BOUNDARIES)('%s %s = %p s: accepted %p', (kind, field, seconds, accepted) => {
    const errors = errorsOf(profileFor(kind, { [field]: seconds }));
    const rangeErrors = errors.filter(([path]) => path === `idp.${field}`);
    expect(rangeErrors).toEqual(accepted ? [] : [[`idp.${field}`, 'out-of-range']]);
  });

  it.each(OPEN_RANGES)('%s %s takes any positive number of seconds', (kind, field) => {
    const path = `idp.${field}`;
    const at = (seconds: number) =>
      errorsOf(profileFor(kind, { [field]: seconds })).filter(([where]) => where === path);
    expect([at(1), at(10 * 365 * DAY), at(0)]).toEqual([[], [], [[path, 'out-of-range']]]);
  });

  it('names the kind and its range in an out-of-range message', () => {
    const result = validateProfile(profileFor('okta', { accessTokenLifetimeSeconds: 60 }));
    const messages = result.valid ? [] : result.errors.map((issue) => issue.message);
    expect(messages).toEqual([expect.stringMatching(/^Okta .*5 min – 24 h.*\(got 60\)$/)]);
  });

  it.each(IDP_KIND_NAMES)('gives %s defaults inside its own ranges', (kind) => {
    for (const spec of Object.values(IDP_KINDS[kind].fields)) {
      if (spec.defaultSeconds === undefined || !spec.range) continue;
      expect(spec.defaultSeconds).toBeGreaterThanOrEqual(spec.range.min);
      expect(spec.defaultSeconds).toBeLessThanOrEqual(spec.range.max);
    }
  });

  it.each(IDP_KIND_NAMES)('accepts a %s profile built from its defaults', (kind) => {
    expect(errorsOf(profileFor(kind))).toEqual([]);
  });

  it('documents the contract defaults', () => {
    const { okta, auth0, entra, pingone } = IDP_KINDS;
    expect([
      okta.fields.accessTokenLifetimeSeconds?.defaultSeconds,
      okta.fields.refreshTokenIdleSeconds?.defaultSeconds,
      auth0.fields.accessTokenLifetimeSeconds?.defaultSeconds,
      auth0.fields.refreshTokenLifetimeSeconds?.defaultSeconds,
      entra.fields.refreshTokenLifetimeSeconds?.defaultSeconds,
      entra.fields.accessTokenLifetimeSeconds?.recommended,
      pingone.fields.accessTokenLifetimeSeconds?.defaultSeconds,
    ]).toEqual([
      HOUR,
      7 * DAY,
      DAY,
      30 * DAY,
      DAY,
      expect.objectContaining({ min: 60 * MINUTE, max: 90 * MINUTE }),
      HOUR,
    ]);
  });

  it('lists idle windows for Okta, Keycloak and generic IdPs only, SSO values for Keycloak only', () => {
    const having = (field: IdpDurationField) =>
      IDP_KIND_NAMES.filter((kind) => IDP_KINDS[kind].fields[field] !== undefined);
    expect([
      having('refreshTokenIdleSeconds'),
      having('ssoSessionIdleSeconds'),
      having('ssoSessionMaxSeconds'),
    ]).toEqual([['okta', 'keycloak', 'generic'], ['keycloak'], ['keycloak']]);
  });
});

describe(isIdpKind.name, () => {
  it('recognises the seven kinds and nothing else', () => {
    expect(IDP_KIND_NAMES.every(isIdpKind)).toBe(true);
    expect([isIdpKind('Okta'), isIdpKind('azure'), isIdpKind(undefined)]).toEqual([
      false,
      false,
      false,
    ]);
  });
});
