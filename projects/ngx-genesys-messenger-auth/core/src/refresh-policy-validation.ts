import {
  DEFAULT_REFRESH_POLICY,
  MAX_TIMER_DELAY_MS,
  ɵDEV_MODE as DEV_MODE,
  ɵinvalidConfigError as invalidConfigError,
  type RefreshPolicy,
} from 'ngx-genesys-messenger-auth/core/startup';
import { unknownFieldError } from './unknown-field';

const POLICY_FIELDS = Object.keys(DEFAULT_REFRESH_POLICY) as (keyof RefreshPolicy)[];

function checkDuration(field: keyof RefreshPolicy, value: number, min: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw invalidConfigError(`refresh.${field}`, DEV_MODE && `a finite number ≥ ${min}`, value);
  }
  if (value > MAX_TIMER_DELAY_MS) {
    throw invalidConfigError(
      `refresh.${field}`,
      DEV_MODE && `at most ${MAX_TIMER_DELAY_MS} (2^31 − 1)`,
      value,
    );
  }
}

/**
 * Completes a partial refresh policy with {@link DEFAULT_REFRESH_POLICY} and checks it.
 * Fields present with the value `undefined` count as left out.
 * @param policy the configured fields (`config.refresh`)
 * @returns the complete policy
 * @throws MessengerAuthError `INVALID_CONFIG` naming the field (`refresh.leadMs`, ...) when a field
 *   is unknown, `policy` is not an object, a duration is not a finite number ≥ 0 (backoff base and lock timeout: ≥ 1) or over
 *   2^31 − 1, `maxLeadFraction` is outside (0, 1), `minLeadMs > leadMs` or `backoffCapMs <
 *   backoffBaseMs`
 */
export function validateRefreshPolicy(policy: Partial<RefreshPolicy> = {}): RefreshPolicy {
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
    throw invalidConfigError('refresh', DEV_MODE && 'an object', policy);
  }
  for (const key of Object.keys(policy)) {
    if (!(POLICY_FIELDS as string[]).includes(key)) {
      throw unknownFieldError('refresh', key, POLICY_FIELDS);
    }
  }
  const defined = Object.fromEntries(
    Object.entries(policy).filter(([, value]) => value !== undefined),
  ) as Partial<RefreshPolicy>;
  const resolved: RefreshPolicy = { ...DEFAULT_REFRESH_POLICY, ...defined };

  checkDuration('leadMs', resolved.leadMs, 0);
  checkDuration('minLeadMs', resolved.minLeadMs, 0);
  // A zero base would retry in a tight loop; a zero lock timeout could never be met.
  checkDuration('backoffBaseMs', resolved.backoffBaseMs, 1);
  checkDuration('backoffCapMs', resolved.backoffCapMs, 1);
  checkDuration('lockTimeoutMs', resolved.lockTimeoutMs, 1);
  const fraction = resolved.maxLeadFraction;
  if (typeof fraction !== 'number' || !(fraction > 0 && fraction < 1)) {
    throw invalidConfigError(
      'refresh.maxLeadFraction',
      DEV_MODE && 'a number between 0 and 1, exclusive',
      fraction,
    );
  }
  if (resolved.minLeadMs > resolved.leadMs) {
    throw invalidConfigError(
      'refresh.minLeadMs',
      DEV_MODE && `at most refresh.leadMs (${resolved.leadMs})`,
      resolved.minLeadMs,
    );
  }
  if (resolved.backoffCapMs < resolved.backoffBaseMs) {
    throw invalidConfigError(
      'refresh.backoffCapMs',
      DEV_MODE && `at least refresh.backoffBaseMs (${resolved.backoffBaseMs})`,
      resolved.backoffCapMs,
    );
  }
  return Object.freeze(resolved);
}
