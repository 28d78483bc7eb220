/**
 * The one error of the local stack's Node servers' configuration: coded, one line, saying what to
 * fix; and how a failed `listen` is reported as one.
 */

/** Codes of {@link ConfigError}, one per rule. */
export type ConfigErrorCode =
  | 'unknown-flag'
  | 'unexpected-argument'
  | 'missing-value'
  | 'unexpected-value'
  | 'bad-port'
  | 'bad-duration'
  | 'bad-number'
  | 'bad-origin'
  | 'bad-url'
  | 'bad-choice'
  | 'bad-file'
  | 'bad-host'
  | 'dev-defaults-on-network'
  | 'port-in-use'
  | 'cannot-listen';

/** A configuration problem the user must fix; its message is one line saying what to fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  /**
   * @param code the rule that was broken
   * @param message one line naming the flag (or variable) and the bad value
   */
  constructor(
    readonly code: ConfigErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Quotes a user-supplied value for a one-line message (escapes control characters, shortens). */
export function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/** Shows a flag or host as is when plainly printable, else quoted. */
export function printable(value: string): string {
  return /^[\x21-\x7e]{1,60}$/.test(value) ? value : quote(value);
}

/**
 * A bind address and port as `host:port`, with an IPv6 address in brackets.
 * @param host the bind address
 * @param port the port
 * @returns e.g. `127.0.0.1:4400` or `[::1]:4400`
 */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * The error for a failed `listen`, as one line that says what to do.
 * @param errorCode the `code` of the listen error (`EADDRINUSE`, `EACCES`, ...)
 * @param host the bind address
 * @param port the port
 * @returns the configuration error to report
 */
export function listenError(
  errorCode: string | undefined,
  host: string,
  port: number,
): ConfigError {
  const address = hostPort(host, port);
  switch (errorCode) {
    case 'EADDRINUSE':
      return new ConfigError(
        'port-in-use',
        `${address} is already in use; stop the process that holds it or pass --port <free port>`,
      );
    case 'EACCES':
      return new ConfigError(
        'cannot-listen',
        `no permission to listen on ${address}; pass --port with a number above 1023`,
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new ConfigError(
        'cannot-listen',
        `cannot bind ${address}: --host ${printable(host)} is not an address of this machine; ` +
          'use 127.0.0.1',
      );
    default:
      return new ConfigError(
        'cannot-listen',
        `cannot listen on ${address} (${errorCode ?? 'unknown error'}); check --host and --port`,
      );
  }
}
