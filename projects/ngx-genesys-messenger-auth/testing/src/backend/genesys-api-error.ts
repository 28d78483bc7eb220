/** Why the simulated Genesys refused a call; counted in the simulator's stats. */
export type RejectionReason =
  | 'malformed-request'
  | 'unknown-deployment'
  | 'authentication-disabled'
  | 'code-reused'
  | 'code-rejected'
  | 'unknown-refresh-token'
  | 'refresh-token-expired'
  | 'session-ended'
  | 'idp-session-ended'
  | 'jwt-missing'
  | 'jwt-invalid'
  | 'jwt-expired'
  | 'rate-limited'
  | 'fault-injected';

/** The Platform API's error body (contract §4). */
export interface GenesysErrorBody {
  readonly message: string;
  readonly code: string;
  readonly status: number;
  readonly contextId: string;
}

/** A refused Genesys API call: an HTTP status, a Platform-style code and a readable message. */
export class GenesysApiError extends Error {
  constructor(
    /** The HTTP status. */
    readonly status: number,
    /** The Platform API error code, e.g. `bad.request`. */
    readonly code: string,
    message: string,
    /** Why, for the simulator's stats; absent for errors that came from elsewhere (HTTP). */
    readonly reason?: RejectionReason,
    /** For a 429: the seconds until a call may succeed again (the `Retry-After` header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'GenesysApiError';
  }

  /** A 400 `bad.request` for a body that does not have the documented shape. */
  static malformed(message: string): GenesysApiError {
    return new GenesysApiError(400, 'bad.request', message, 'malformed-request');
  }

  /** The error as the Platform API's JSON body. */
  toBody(contextId: string): GenesysErrorBody {
    return { message: this.message, code: this.code, status: this.status, contextId };
  }
}
