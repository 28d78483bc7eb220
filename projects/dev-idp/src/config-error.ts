/** The coded error of a bad configuration, and how listen failures are reported. */

/** Codes of {@link ConfigError}, one per rule. */
export type ConfigErrorCode =
  | 'unknown-flag'
  | 'unexpected-argument'
  | 'missing-value'
  | 'unexpected-value'
  | 'bad-lifetime'
  | 'bad-port'
  | 'bad-issuer'
  | 'port-in-use'
  | 'cannot-listen';

/** A configuration problem the user must fix; its message is one line saying what to fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly code: ConfigErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Quotes a user-supplied value for a one-line message (escapes control characters, shortens). */
export function quote(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return JSON.stringify(short);
}

/** Shows a flag name as is when printable, else quoted. */
export function printable(value: string): string {
  return /^[\x21-\x7e]{1,60}$/.test(value) ? value : quote(value);
}

/**
 * Builds the error for a failed `listen`, as one line that says what to do.
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
  const address = `${formatHost(host)}:${port}`;
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
        `cannot bind ${address}: --host ${printable(host)} is not an address of this machine; use 127.0.0.1`,
      );
    default:
      return new ConfigError(
        'cannot-listen',
        `cannot listen on ${address} (${errorCode ?? 'unknown error'}); check --host and --port`,
      );
  }
}

/** Brackets an IPv6 address for `host:port`. */
export function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
