/**
 * Command-line and environment configuration for the local stack's Node servers: each server
 * declares its options once; this reads flags (`--flag value` or `--flag=value`) over environment
 * variables and reports every problem as one coded line that says what to fix.
 */
import { ConfigError, printable, quote, type ConfigErrorCode } from './config-error';

/** Turns a raw text into a value, or throws a `ConfigError` naming `source`. */
export type Parser<T> = (value: string, source: string) => T;

/** One option of a server. */
export interface CliOption<T> {
  /** The flag, e.g. `--port`. */
  readonly flag: `--${string}`;
  /** The environment variable it also reads, e.g. `GENESYS_SIM_PORT`. */
  readonly env?: string;
  /** An example value, shown in messages and in `--help`. */
  readonly example: string;
  /** One line for `--help`. */
  readonly description: string;
  /** Reads a given value. */
  readonly parse: Parser<T>;
  /** The value when neither the flag nor the variable is given. */
  readonly fallback: T;
  /**
   * The value a flag given alone stands for (`--control-api` for `--control-api on`); absent: the
   * flag needs a value. A following argument that is not a flag is still read as its value.
   */
  readonly bare?: string;
}

/** The values of a set of options, plus whether `--help` was asked for. */
export type CliValues<O extends Record<string, CliOption<unknown>>> = {
  readonly [K in keyof O]: ReturnType<O[K]['parse']>;
} & { readonly help: boolean };

const HELP = '--help';

/** A raw value and where it came from (a flag or an environment variable name). */
interface Given {
  readonly value: string;
  readonly source: string;
}

/**
 * Reads the options from `argv` and `env`: flags win, empty variables count as unset, the last
 * occurrence of a flag wins, and a flag followed by another flag is missing its value.
 * @param argv the arguments after the script name (`process.argv.slice(2)`)
 * @param env the environment (`process.env`)
 * @param options the server's options, by the key they have in the result
 * @returns each option's value (its fallback when not given) and whether `--help` was given
 * @throws ConfigError for an unknown flag, a missing value, a stray argument or a bad value
 * @usageNotes
 * ```ts
 * const values = readCli(process.argv.slice(2), process.env, {
 *   port: { flag: '--port', env: 'MY_PORT', example: '4400', description: 'TCP port',
 *           parse: port, fallback: 4400 },
 * });
 * ```
 */
export function readCli<O extends Record<string, CliOption<unknown>>>(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  options: O,
): CliValues<O> {
  const given = new Map<string, Given>();
  for (const [key, option] of Object.entries(options)) {
    const value = option.env ? env[option.env] : undefined;
    if (value && option.env) given.set(key, { value, source: option.env });
  }
  const flags = readFlags(argv, options);
  for (const [key, raw] of flags.given) given.set(key, raw);

  const values: Record<string, unknown> = { help: flags.help };
  for (const [key, option] of Object.entries(options)) {
    const raw = given.get(key);
    values[key] = raw ? option.parse(raw.value, raw.source) : option.fallback;
  }
  return values as CliValues<O>;
}

function readFlags(
  argv: readonly string[],
  options: Record<string, CliOption<unknown>>,
): { given: Map<string, Given>; help: boolean } {
  const keyOf = new Map<string, string>(Object.entries(options).map(([k, o]) => [o.flag, k]));
  const given = new Map<string, Given>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      const first = Object.values(options)[0];
      const sample = first ? `${first.flag} ${first.example}` : HELP;
      throw new ConfigError(
        'unexpected-argument',
        `unexpected argument ${quote(arg)}; flags look like ${sample} (see ${HELP})`,
      );
    }
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (flag === HELP) {
      if (eq !== -1) throw new ConfigError('unexpected-value', `${HELP} takes no value`);
      help = true;
      continue;
    }
    const key = keyOf.get(flag);
    if (key === undefined) {
      const known = [...keyOf.keys(), HELP].join(', ');
      throw new ConfigError(
        'unknown-flag',
        `unknown flag ${printable(flag)}; known flags: ${known}`,
      );
    }
    let value: string | undefined = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
    if (eq === -1) {
      // `--host --port 4400` means the host was forgotten, not that the host is "--port".
      if (value === undefined || value.startsWith('--')) value = options[key].bare;
      else i++;
    }
    if (!value) {
      const example = `${flag} ${options[key].example}`;
      throw new ConfigError('missing-value', `${flag} needs a value, e.g. ${example}`);
    }
    given.set(key, { value, source: flag });
  }
  return { given, help };
}

/**
 * The `--help` text of a server: one line per option with an example value and its variable.
 * @param command how the server is started, e.g. `npm run dev-idp --`
 * @param options the server's options
 * @returns the usage, ending with a newline
 */
export function cliUsage(command: string, options: Record<string, CliOption<unknown>>): string {
  const rows = [
    ...Object.values(options).map((o) => [
      o.bare === undefined ? `${o.flag} ${o.example}` : `${o.flag} [${o.example}]`,
      o.env ? `${o.description} [${o.env}]` : o.description,
    ]),
    [HELP, 'print this help and exit'],
  ];
  const width = Math.max(...rows.map(([left]) => left.length)) + 3;
  return [
    `Usage: ${command} [flags]   ` +
      '(--flag value or --flag=value; flags win over environment variables)',
    '',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
    '',
  ].join('\n');
}

/**
 * A whole number in a range.
 * @param min the smallest accepted value
 * @param max the largest accepted value
 * @param what how the message names the expected value, e.g. `requests per minute`
 * @param code the error code of a bad value
 * @returns the parser
 */
export function wholeNumberIn(
  min: number,
  max: number,
  what: string,
  code: ConfigErrorCode,
): Parser<number> {
  return (value, source) => {
    const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) {
      throw new ConfigError(
        code,
        `${source} must be ${what} from ${min} to ${max}, got ${quote(value)}`,
      );
    }
    return n;
  };
}

/** A TCP port, 1 to 65535. */
export const port: Parser<number> = wholeNumberIn(1, 65_535, 'a whole number', 'bad-port');

/**
 * A duration in whole seconds.
 * @param min the smallest accepted value
 * @param max the largest accepted value
 * @returns the parser
 */
export function wholeSeconds(min: number, max: number): Parser<number> {
  return wholeNumberIn(min, max, 'whole seconds', 'bad-duration');
}

/**
 * An http(s) origin such as `http://localhost:4400`, also accepted with a trailing slash; no path,
 * query, fragment or credentials. Returns the canonical form (`HTTP://Localhost:80/` is
 * `http://localhost`), which is what browsers send in `Origin` and what issuers are compared with.
 */
export const origin: Parser<string> = (value, source) => {
  const trimmed = value.replace(/\/+$/, '');
  const url = URL.canParse(trimmed) ? new URL(trimmed) : undefined;
  // `href` shows a path, `?`, `#` or credentials even when they are empty.
  if (!url || !/^https?:$/.test(url.protocol) || url.href !== `${url.origin}/`) {
    throw new ConfigError(
      'bad-origin',
      `${source} must be an http(s) origin without path, query or fragment, ` +
        `e.g. http://localhost:4400, got ${quote(value)}`,
    );
  }
  return url.origin;
};

/** A comma-separated list of origins. */
export const origins: Parser<readonly string[]> = (value, source) =>
  value.split(',').map((item) => origin(item.trim(), source));

/** Any non-empty text. */
export const text: Parser<string> = (value) => value;

/**
 * One of a fixed set of words.
 * @param choices the accepted words
 * @returns the parser
 */
export function oneOf<T extends string>(...choices: T[]): Parser<T> {
  return (value, source) => {
    if (!(choices as string[]).includes(value)) {
      throw new ConfigError(
        'bad-choice',
        `${source} must be one of ${choices.join(', ')}, got ${quote(value)}`,
      );
    }
    return value as T;
  };
}
