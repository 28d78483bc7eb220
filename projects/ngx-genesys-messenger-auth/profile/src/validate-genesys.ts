import {
  GENESYS_REGIONS,
  regionOf,
  ɵdescribeValue as describeValue,
} from 'ngx-genesys-messenger-auth/core';

import { type Section, readSection, readSecureUrl } from './field-readers';
import type { IssueLog } from './profile-issue';
import {
  DISCOVERY_SUFFIX,
  MAX_REFRESH_TOKEN_LIFETIME_RANGE_SECONDS,
  type GenesysAuthenticationSettings,
  type GenesysDeploymentSettings,
  type GenesysOidcIntegration,
} from './profile-schema';

const GENESYS_FIELDS: readonly (keyof GenesysDeploymentSettings)[] = [
  'environment',
  'deploymentId',
  'deploymentName',
  'deploymentDescription',
  'allowAllDomains',
  'allowedDomains',
  'authentication',
  'integration',
];
const AUTHENTICATION_FIELDS: readonly (keyof GenesysAuthenticationSettings)[] = [
  'enabled',
  'integrationId',
  'allowSessionUpgrade',
];
const INTEGRATION_FIELDS: readonly (keyof GenesysOidcIntegration)[] = [
  'discoveryUri',
  'clientId',
  'maxRefreshTokenLifetimeSeconds',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOURCE_ID = /^[A-Za-z0-9_-]+$/;
/** An OAuth client id: visible ASCII without spaces (RFC 6749 VSCHAR, narrowed). */
export const CLIENT_ID_PATTERN = /^[\x21-\x7e]+$/;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOSTNAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`, 'i');
const MAX_URL_LENGTH = 2048;

/** Whether a string is a hostname, or a `*.host` wildcard over a domain of two labels or more. */
function isDomain(value: string): boolean {
  if (!value.startsWith('*.')) return HOSTNAME.test(value);
  const base = value.slice(2);
  return HOSTNAME.test(base) && base.includes('.');
}

/** Rules of the caller on top of the schema's (e.g. the profile server's allow-lists). */
export interface ProfileValidationOptions {
  /**
   * The custom (non-region) environment origins the caller allows, e.g. a Genesys simulator.
   * When given, any other custom origin is refused; when absent, any https (or loopback http)
   * origin is accepted.
   */
  readonly environmentOrigins?: readonly string[];
}

function readEnvironment(
  log: IssueLog,
  section: Section,
  options: ProfileValidationOptions,
): string | undefined {
  const value = section.string('environment', { maxLength: MAX_URL_LENGTH });
  if (value === undefined || regionOf(value)) return value;
  const path = section.at('environment');
  const regions = `a Genesys region (${Object.keys(GENESYS_REGIONS).join(', ')}; as "prod", "prod-<region>" or the bare code)`;
  if (!/^https?:\/\//i.test(value)) {
    const message = `${path} must be ${regions} or an https origin (got ${describeValue(value)})`;
    log.error(path, 'invalid-environment', message);
    return undefined;
  }
  const url = readSecureUrl(log, value, path);
  if (url && (url.pathname !== '/' || value.includes('?'))) {
    const message = `${path} must be an origin without path or query (got ${describeValue(value)})`;
    log.error(path, 'invalid-environment', message);
    return undefined;
  }
  const allowed = options.environmentOrigins;
  if (url && allowed && !allowed.some((origin) => sameOrigin(origin, url))) {
    const list = allowed.length ? `one of ${allowed.join(', ')}` : 'none on this server';
    const message = `${path} must be ${regions}; custom origins allowed: ${list} (got ${describeValue(value)})`;
    log.error(path, 'environment-not-allowed', message);
    return undefined;
  }
  return url ? value : undefined;
}

function sameOrigin(allowed: string, url: URL): boolean {
  return URL.canParse(allowed) && new URL(allowed).origin === url.origin;
}

function readDomains(
  log: IssueLog,
  section: Section,
): Pick<GenesysDeploymentSettings, 'allowAllDomains' | 'allowedDomains'> | undefined {
  const allowAllDomains = section.boolean('allowAllDomains');
  const allowedDomains = section.stringList('allowedDomains', (item, at) => {
    if (isDomain(item)) return true;
    const expected = 'a hostname (portal.example.com) or a wildcard (*.example.com)';
    log.error(at, 'invalid-format', `${at} must be ${expected} (got ${describeValue(item)})`);
    return false;
  });
  if (allowAllDomains === undefined || allowedDomains === undefined) return undefined;
  const path = section.at('allowedDomains');
  if (allowAllDomains && allowedDomains.length > 0) {
    const message = `${path} must be empty when allowAllDomains is true (one or the other)`;
    log.error(path, 'domains-conflict', message);
    return undefined;
  }
  if (!allowAllDomains && allowedDomains.length === 0) {
    const message = `${path} must list at least one domain unless allowAllDomains is true`;
    log.error(path, 'domains-required', message);
    return undefined;
  }
  return { allowAllDomains, allowedDomains };
}

function readAuthentication(
  log: IssueLog,
  value: unknown,
  path: string,
): GenesysAuthenticationSettings | undefined {
  const section = readSection(log, value, path, AUTHENTICATION_FIELDS);
  if (!section) return undefined;
  const enabled = section.boolean('enabled');
  const integrationId = section.string('integrationId', {
    maxLength: 128,
    pattern: RESOURCE_ID,
    expected: 'letters, digits, "-" or "_"',
  });
  const allowSessionUpgrade = section.boolean('allowSessionUpgrade');
  if (enabled === undefined || integrationId === undefined || allowSessionUpgrade === undefined) {
    return undefined;
  }
  return { enabled, integrationId, allowSessionUpgrade };
}

function readDiscoveryUri(log: IssueLog, section: Section): string | undefined {
  const value = section.string('discoveryUri', { maxLength: MAX_URL_LENGTH });
  const path = section.at('discoveryUri');
  const url = value === undefined ? undefined : readSecureUrl(log, value, path);
  if (!url || !value) return undefined;
  if (!url.pathname.endsWith(DISCOVERY_SUFFIX) || url.search || value.includes('?')) {
    const message = `${path} must end in "${DISCOVERY_SUFFIX}", without query (got ${describeValue(value)})`;
    log.error(path, 'invalid-discovery-uri', message);
    return undefined;
  }
  return value;
}

function readIntegration(
  log: IssueLog,
  value: unknown,
  path: string,
): GenesysOidcIntegration | undefined {
  const section = readSection(log, value, path, INTEGRATION_FIELDS);
  if (!section) return undefined;
  const discoveryUri = readDiscoveryUri(log, section);
  const clientId = section.string('clientId', {
    pattern: CLIENT_ID_PATTERN,
    expected: 'visible characters without spaces',
  });
  const maxRefreshTokenLifetimeSeconds = section.seconds('maxRefreshTokenLifetimeSeconds', {
    ...MAX_REFRESH_TOKEN_LIFETIME_RANGE_SECONDS,
  });
  if (
    discoveryUri === undefined ||
    clientId === undefined ||
    maxRefreshTokenLifetimeSeconds === undefined
  ) {
    return undefined;
  }
  return { discoveryUri, clientId, maxRefreshTokenLifetimeSeconds };
}

/**
 * Reads the `genesys` section of a profile, reporting every problem to the log.
 * @returns the settings, or undefined when any of them is invalid
 */
export function readGenesys(
  log: IssueLog,
  value: unknown,
  options: ProfileValidationOptions = {},
): GenesysDeploymentSettings | undefined {
  const section = readSection(log, value, 'genesys', GENESYS_FIELDS);
  if (!section) return undefined;
  const environment = readEnvironment(log, section, options);
  const deploymentId = section.string('deploymentId', {
    pattern: UUID,
    expected: 'a UUID (8-4-4-4-12 hexadecimal digits)',
  });
  const deploymentName = section.string('deploymentName', { maxLength: 100 });
  const deploymentDescription = section.string('deploymentDescription', {
    minLength: 0,
    maxLength: 1000,
    optional: true,
  });
  const domains = readDomains(log, section);
  const authentication = readAuthentication(
    log,
    section.fields['authentication'],
    section.at('authentication'),
  );
  const integration = readIntegration(
    log,
    section.fields['integration'],
    section.at('integration'),
  );
  if (
    environment === undefined ||
    deploymentId === undefined ||
    deploymentName === undefined ||
    !domains ||
    !authentication ||
    !integration ||
    (deploymentDescription === undefined && section.fields['deploymentDescription'] !== undefined)
  ) {
    return undefined;
  }
  return {
    environment,
    deploymentId,
    deploymentName,
    ...(deploymentDescription === undefined ? {} : { deploymentDescription }),
    ...domains,
    authentication,
    integration,
  };
}
