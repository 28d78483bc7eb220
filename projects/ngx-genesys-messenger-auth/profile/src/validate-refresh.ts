import {
  DEFAULT_REFRESH_POLICY,
  MAX_TIMER_DELAY_MS,
  ɵdescribeValue as describeValue,
} from 'ngx-genesys-messenger-auth/core';

import { readSection } from './field-readers';
import type { IssueLog } from './profile-issue';
import type { ProfileRefreshPolicy, ReauthMode } from './profile-schema';

/** Every re-authentication mode. */
export const REAUTH_MODES: readonly ReauthMode[] = Object.freeze([
  'silent-then-interactive',
  'silent-only',
]);

const REFRESH_FIELDS: readonly (keyof ProfileRefreshPolicy)[] = [
  'leadSeconds',
  'floorSeconds',
  'backoffCapSeconds',
  'reauthMode',
];

/** The longest delay the bridge's timers honour, in whole seconds. */
const MAX_DELAY_SECONDS = Math.floor(MAX_TIMER_DELAY_MS / 1000);
/** The backoff cap may not be below the core's first retry delay. */
const MIN_BACKOFF_CAP_SECONDS = Math.ceil(DEFAULT_REFRESH_POLICY.backoffBaseMs / 1000);

function isReauthMode(value: unknown): value is ReauthMode {
  return typeof value === 'string' && (REAUTH_MODES as readonly string[]).includes(value);
}

/**
 * Reads the `refresh` section of a profile, reporting every problem to the log. The lead's
 * relation to the JWT lifetime is checked by the caller, which knows the IdP.
 * @returns the policy, or undefined when any of it is invalid
 */
export function readRefresh(log: IssueLog, value: unknown): ProfileRefreshPolicy | undefined {
  const section = readSection(log, value, 'refresh', REFRESH_FIELDS);
  if (!section) return undefined;
  const leadSeconds = section.seconds('leadSeconds', { min: 0, max: MAX_DELAY_SECONDS });
  const floorSeconds = section.seconds('floorSeconds', { min: 0, max: MAX_DELAY_SECONDS });
  const backoffCapSeconds = section.seconds('backoffCapSeconds', {
    min: MIN_BACKOFF_CAP_SECONDS,
    max: MAX_DELAY_SECONDS,
  });
  let reauthMode: ReauthMode | undefined;
  if (section.has('reauthMode')) {
    const mode = section.fields['reauthMode'];
    const path = section.at('reauthMode');
    if (isReauthMode(mode)) reauthMode = mode;
    else {
      const message = `${path} must be one of ${REAUTH_MODES.join(', ')} (got ${describeValue(mode)})`;
      log.error(path, 'invalid-value', message);
    }
  }
  if (leadSeconds !== undefined && floorSeconds !== undefined && floorSeconds > leadSeconds) {
    const path = section.at('floorSeconds');
    const message = `${path} must be at most refresh.leadSeconds (${leadSeconds}) (got ${floorSeconds})`;
    log.error(path, 'floor-above-lead', message);
    return undefined;
  }
  if (
    leadSeconds === undefined ||
    floorSeconds === undefined ||
    backoffCapSeconds === undefined ||
    reauthMode === undefined
  ) {
    return undefined;
  }
  return { leadSeconds, floorSeconds, backoffCapSeconds, reauthMode };
}
