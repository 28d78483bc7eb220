/**
 * `POST /__sim/faults` bodies: what a test asks the simulator to do to the next calls. Validation
 * of the control API is the simulator's own; the fault plan that applies the rules is the
 * `/testing` one, which unit tests drive directly (`backend.genesys.faults`).
 */
import { GenesysApiError, SIM_ENDPOINTS, type FaultRule } from 'ngx-genesys-messenger-auth/testing';

const MAX_DELAY_MS = 120_000;

/** Reads an optional whole number within [min, max]; `problem` says what was expected. */
function wholeNumberIn(
  rule: Readonly<Record<string, unknown>>,
  key: string,
  [min, max]: readonly [number, number],
  problem: string,
): number | undefined {
  const value = rule[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw GenesysApiError.malformed(`${key} must be a non-negative whole number`);
  }
  if (value < min || value > max) throw GenesysApiError.malformed(problem);
  return value;
}

/** Validates one fault rule; throws a 400 naming the bad field. */
export function parseFaultRule(body: unknown): FaultRule {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw GenesysApiError.malformed('body must be a JSON object');
  }
  const rule = body as Readonly<Record<string, unknown>>;
  const endpoint = SIM_ENDPOINTS.find((name) => name === rule['endpoint']);
  if (endpoint === undefined) {
    throw GenesysApiError.malformed(`endpoint must be one of ${SIM_ENDPOINTS.join(', ')}`);
  }
  const status = wholeNumberIn(
    rule,
    'status',
    [400, 599],
    'status must be an HTTP error status, 400–599',
  );
  const delayMs = wholeNumberIn(
    rule,
    'delayMs',
    [0, MAX_DELAY_MS],
    `delayMs must be at most ${MAX_DELAY_MS}`,
  );
  if (status === undefined && delayMs === undefined) {
    throw GenesysApiError.malformed('a fault needs a status, a delayMs, or both');
  }
  const rate = rule['rate'];
  if (rate !== undefined && (typeof rate !== 'number' || !(rate > 0 && rate <= 1))) {
    throw GenesysApiError.malformed('rate must be a number greater than 0 and at most 1');
  }
  const atLeastOne = 'count and forSeconds must be at least 1 when given';
  const count = wholeNumberIn(rule, 'count', [1, Number.MAX_SAFE_INTEGER], atLeastOne);
  const forSeconds = wholeNumberIn(rule, 'forSeconds', [1, Number.MAX_SAFE_INTEGER], atLeastOne);
  return { endpoint, status, delayMs, count, rate: rate as number | undefined, forSeconds };
}
