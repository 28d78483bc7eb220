/**
 * Command-line and environment configuration for the local stack's Node servers: each server
 * declares its options once; this reads flags (`--flag value` or `--flag=value`) over environment
 * variables and reports every problem as one line that says what to fix.
 */

/** A configuration problem the user must fix; its message is one line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Turns a raw text into a value, or throws a `ConfigError` naming `source`. */
export type Parser<T> = (value: string, source: string) => T;

/** One option of a server. */
export interface CliOption<T> {
  /** The flag, e.g. `--port`. */
  readonly flag: `--${string}`;
  /** The environment variable it also reads, e.g. `GENESYS_SIM_PORT`. */
  readonly env?: string;
  /** An example value for messages. */
  readonly example: string;
  /** One line for `--help`. */
  readonly description: string;
  /** Reads a given value. */
  readonly parse: Parser<T>;
  /** The value when neither the flag nor the variable is given. */
  readonly fallback: T;
}

/** The values of a set of options, plus whether `--help` was asked for. */
export type CliValues<O extends Record<string, CliOption<unknown>>> = {
  readonly [K in keyof O]: ReturnType<O[K]['parse']>;
} & { readonly help: boolean };

/**
 * Reads the options from `argv` and `env` (flags win; empty variables count as unset).
 * @throws ConfigError for an unknown flag, a missing value, a stray argument or a bad value
 */
export function readCli<O extends Record<string, CliOption<unknown>>>(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  options: O,
): CliValues<O> {
  const byFlag = new Map<string, string>(Object.entries(options).map(([key, o]) => [o.flag, key]));
  const given = new Map<string, { value: string; source: string }>();
  for (const [key, option] of Object.entries(options)) {
    const value = option.env ? env[option.env] : undefined;
    if (value) given.set(key, { value, source: option.env as string });
  }
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      throw new ConfigError(
        `unexpected argument ${quote(arg)}; flags look like --port 4500 (see --help)`,
      );
    }
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const key = byFlag.get(flag);
    if (key === undefined) {
      const known = [...byFlag.keys(), '--help'].join(', ');
      throw new ConfigError(`unknown flag ${quote(flag)}; known flags: ${known}`);
    }
    let value: string | undefined = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
    if (eq === -1) {
      if (value === undefined || value.startsWith('--')) value = undefined;
      else i++;
    }
    if (!value) {
      throw new ConfigError(`${flag} needs a value, e.g. ${flag} ${options[key].example}`);
    }
    given.set(key, { value, source: flag });
  }
  const values: Record<string, unknown> = { help };
  for (const [key, option] of Object.entries(options)) {
    const raw = given.get(key);
    values[key] = raw ? option.parse(raw.value, raw.source) : option.fallback;
  }
  return values as CliValues<O>;
}

/** The `--help` text of a server. */
export function cliUsage(command: string, options: Record<string, CliOption<unknown>>): string {
  const lines = Object.values(options).map((o) => {
    const env = o.env ? ` [${o.env}]` : '';
    return `  ${`${o.flag} <${o.example}>`.padEnd(40)}${o.description}${env}`;
  });
  return [
    `Usage: ${command} [flags]   (flags win over environment variables)`,
    '',
    ...lines,
    '',
  ].join('\n');
}

/** Quotes a user-supplied value for a one-line message (escapes control characters, shortens). */
export function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/** A whole number within a range. */
export function wholeNumber(min: number, max: number, unit = ''): Parser<number> {
  return (value, source) => {
    const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) {
      const what = unit
        ? `whole ${unit} from ${min} to ${max}`
        : `a whole number from ${min} to ${max}`;
      throw new ConfigError(`${source} must be ${what}, got ${quote(value)}`);
    }
    return n;
  };
}

/** A TCP port. */
export const port: Parser<number> = wholeNumber(1, 65_535);

/** An http(s) origin such as `http://localhost:4400` (a trailing slash is dropped). */
export const origin: Parser<string> = (value, source) => {
  const trimmed = value.replace(/\/+$/, '');
  const url = URL.canParse(trimmed) ? new URL(trimmed) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== trimmed) {
    throw new ConfigError(
      `${source} must be an http(s) origin such as http://localhost:4400, got ${quote(value)}`,
    );
  }
  return trimmed;
};

/** A comma-separated list of origins. */
export const origins: Parser<readonly string[]> = (value, source) =>
  value.split(',').map((item) => origin(item.trim(), source));

/** Any non-empty text. */
export const text: Parser<string> = (value) => value;

/** One of a fixed set of words. */
export function oneOf<T extends string>(...choices: T[]): Parser<T> {
  return (value, source) => {
    if (!(choices as string[]).includes(value)) {
      throw new ConfigError(`${source} must be one of ${choices.join(', ')}, got ${quote(value)}`);
    }
    return value as T;
  };
}

/** The one-line message for a failed `listen`, saying what to do. */
export function listenErrorMessage(
  code: string | undefined,
  host: string,
  portNumber: number,
): string {
  const address = `${host.includes(':') ? `[${host}]` : host}:${portNumber}`;
  switch (code) {
    case 'EADDRINUSE':
      return `${address} is already in use; stop the process that holds it or pass --port <free port>`;
    case 'EACCES':
      return `no permission to listen on ${address}; pass --port with a number above 1023`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot bind ${address}: ${host} is not an address of this machine; use 127.0.0.1`;
    default:
      return `cannot listen on ${address} (${code ?? 'unknown error'}); check --host and --port`;
  }
}
