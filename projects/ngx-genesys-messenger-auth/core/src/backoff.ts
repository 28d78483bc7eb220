import {
  MessengerAuthErrorCode,
  isMessengerAuthError,
} from 'ngx-genesys-messenger-auth/core/startup';
import type { RefreshPolicy } from 'ngx-genesys-messenger-auth/core/startup';

/**
 * The delay before retry number `attempt` after a transient failure: capped exponential backoff
 * with "equal jitter".
 *
 *     ceiling = min(backoffCapMs, backoffBaseMs × 2^(attempt − 1))
 *     delay   = ceiling / 2 + random() × ceiling / 2
 *
 * Half the ceiling is always waited (so retries really back off), the other half is spread at
 * random so that tabs and clients failing together do not retry together.
 * @param attempt the retry's number, starting at 1
 * @param policy the base and cap of the backoff
 * @param random a source of numbers in [0, 1); injected by tests
 * @returns the delay in ms, in [ceiling / 2, ceiling]
 * @throws RangeError when `attempt` is not an integer ≥ 1
 */
export function backoffDelay(
  attempt: number,
  policy: Pick<RefreshPolicy, 'backoffBaseMs' | 'backoffCapMs'>,
  random: () => number = Math.random,
): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be an integer ≥ 1 (got ${attempt})`);
  }
  // 2 ** attempt overflows to Infinity for huge attempts; min() then yields the cap, as it should.
  const ceiling = Math.min(policy.backoffCapMs, policy.backoffBaseMs * 2 ** (attempt - 1));
  const share = Math.min(Math.max(random(), 0), 1);
  return ceiling / 2 + (share * ceiling) / 2;
}

/** Statuses worth retrying: timeout, too early, too many requests (and every 5xx). */
const TRANSIENT_STATUSES: readonly number[] = [408, 425, 429];

/** Wording of a refresh token or session that will never work again. */
const FINAL_WORDING =
  /invalid[_ .-]?grant|no refresh[_ .-]?token|refresh[_ .-]?token (is )?missing|(refresh[_ .-]?token|session).{0,40}(invalid|expired|revoked|ended|not found|unknown)|(invalid|expired|revoked|unknown)[_ .-]?(refresh[_ .-]?token|session)/i;

/** Wording of failures of the network or of time, not of the credentials. */
const TRANSIENT_WORDING =
  /network|timed?[_ .-]?out|timeout|offline|failed to fetch|load failed|econn|etimedout|eai_again|enotfound|enetunreach|socket hang up|temporar/i;

const TRANSIENT_NAMES: readonly string[] = ['TimeoutError', 'NetworkError'];

interface FailureShape {
  readonly status?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly name?: unknown;
  readonly cause?: unknown;
}

function classifyStatus(status: unknown): boolean | undefined {
  if (typeof status !== 'number' || !Number.isInteger(status)) return undefined;
  // status 0 is how fetch wrappers and XHR report that no response came back at all.
  if (status === 0 || status >= 500 || TRANSIENT_STATUSES.includes(status)) return true;
  if (status >= 400) return false;
  return undefined;
}

/**
 * Whether a failed refresh (or token call) is worth retrying, or whether the session has ended.
 *
 * - A `status`: 0 (no response), 408, 425, 429 and 5xx are transient; every other 4xx (400 for an
 *   unknown refresh token, 401, 403, 404, ...) is final.
 * - Otherwise the `code`, `message` and `name`: a refresh token or session said to be invalid,
 *   expired, revoked or unknown (or `invalid_grant`) is final; network failures, timeouts and
 *   `TimeoutError`s are transient. A `MessengerAuthError` of code `SESSION_ENDED` is final.
 * - Otherwise the `cause`, if any, is classified the same way.
 * - Anything still unrecognised is transient: a wrong "transient" costs a few bounded retries,
 *   a wrong "final" ends a session that was still good.
 * @param error a rejection: an Error, an `HttpErrorResponse`, a `{ status, code, message }` body,
 *   a string
 */
export function isTransientFailure(error: unknown): boolean {
  return classify(error, 0) ?? true;
}

const MAX_CAUSE_DEPTH = 4;

function classify(error: unknown, depth: number): boolean | undefined {
  if (isMessengerAuthError(error, MessengerAuthErrorCode.SESSION_ENDED)) return false;
  if (typeof error === 'string') return classifyWording(error);
  if (typeof error !== 'object' || error === null) return undefined;
  const failure = error as FailureShape;
  const byStatus = classifyStatus(failure.status);
  if (byStatus !== undefined) return byStatus;
  if (typeof failure.name === 'string' && TRANSIENT_NAMES.includes(failure.name)) return true;
  const wording = [failure.code, failure.message].filter((part) => typeof part === 'string');
  const byWording = classifyWording(wording.join(' '));
  if (byWording !== undefined) return byWording;
  return depth < MAX_CAUSE_DEPTH && failure.cause !== undefined
    ? classify(failure.cause, depth + 1)
    : undefined;
}

function classifyWording(text: string): boolean | undefined {
  if (FINAL_WORDING.test(text)) return false;
  if (TRANSIENT_WORDING.test(text)) return true;
  return undefined;
}

/** How long Genesys' per-minute limits last when a 429 does not say (contract §4). */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

const RATE_LIMIT_WORDING = /\b429\b|too many requests|rate[_ .-]?limit/i;

/**
 * How long to wait before calling Genesys again when a failure says its rate limit was met
 * (HTTP 429): the `retryAfterSeconds` it carries, else a minute.
 * @param failure a rejection, or an `Auth.error` / `Auth.tokenError` event's data
 * @returns the wait in ms, or undefined when the failure is not a rate limit
 */
export function rateLimitWaitMs(failure: unknown): number | undefined {
  return rateLimitOf(failure, 0);
}

function rateLimitOf(failure: unknown, depth: number): number | undefined {
  if (typeof failure !== 'object' || failure === null) return undefined;
  const { status, message, retryAfterSeconds, cause } = failure as FailureShape & {
    readonly retryAfterSeconds?: unknown;
  };
  if (status === 429 || (typeof message === 'string' && RATE_LIMIT_WORDING.test(message))) {
    return typeof retryAfterSeconds === 'number' && retryAfterSeconds >= 0
      ? retryAfterSeconds * 1000
      : DEFAULT_RATE_LIMIT_WAIT_MS;
  }
  return depth < MAX_CAUSE_DEPTH ? rateLimitOf(cause, depth + 1) : undefined;
}
