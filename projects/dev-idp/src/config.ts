/**
 * Configuration of the dev IdP from command-line flags and environment variables. Pure: no I/O and
 * no oidc-provider import, so it can be validated (and unit tested) before anything starts.
 */
import { ConfigError, formatHost, printable, quote } from './config-error';

export { ConfigError, listenError } from './config-error';
export type { ConfigErrorCode } from './config-error';

/** Largest accepted lifetime: one year, in seconds. */
export const MAX_LIFETIME_SECONDS = 31_536_000;

/** Token and session lifetimes, in whole seconds. */
export interface Lifetimes {
  readonly accessToken: number;
  readonly idToken: number;
  readonly refreshToken: number;
  readonly session: number;
}

/** The validated configuration of one dev IdP process. */
export interface DevIdpConfig {
  /** TCP port to listen on. */
  readonly port: number;
  /** Address to bind (loopback by default). */
  readonly host: string;
  /** Issuer identifier, without a trailing slash. */
  readonly issuer: string;
  readonly lifetimes: Lifetimes;
  /** Client secret of the confidential `genesys-messenger` client. */
  readonly genesysClientSecret: string;
  /** Whether `--help` was given (print the usage and exit). */
  readonly help: boolean;
}

type Kind = 'port' | 'host' | 'issuer' | 'lifetime' | 'secret' | 'switch';

interface OptionSpec {
  readonly flag: string;
  readonly env?: string;
  readonly kind: Kind;
  readonly example: string;
  readonly description: string;
}

const OPTIONS: readonly OptionSpec[] = [
  {
    flag: '--port',
    env: 'DEV_IDP_PORT',
    kind: 'port',
    example: '4400',
    description: 'TCP port (default 4400)',
  },
  {
    flag: '--host',
    env: 'DEV_IDP_HOST',
    kind: 'host',
    example: '127.0.0.1',
    description: 'bind address (default 127.0.0.1)',
  },
  {
    flag: '--issuer',
    env: 'DEV_IDP_ISSUER',
    kind: 'issuer',
    example: 'http://localhost:4400',
    description: 'issuer (default http://localhost:<port>)',
  },
  {
    flag: '--access-token-ttl',
    env: 'DEV_IDP_ACCESS_TOKEN_TTL',
    kind: 'lifetime',
    example: '300',
    description: 'access-token lifetime in seconds (default 300)',
  },
  {
    flag: '--id-token-ttl',
    env: 'DEV_IDP_ID_TOKEN_TTL',
    kind: 'lifetime',
    example: '300',
    description: 'ID-token lifetime in seconds (default 300)',
  },
  {
    flag: '--refresh-token-ttl',
    env: 'DEV_IDP_REFRESH_TOKEN_TTL',
    kind: 'lifetime',
    example: '86400',
    description: 'refresh-token lifetime in seconds (default 86400)',
  },
  {
    flag: '--session-ttl',
    env: 'DEV_IDP_SESSION_TTL',
    kind: 'lifetime',
    example: '86400',
    description: 'IdP session lifetime in seconds (default 86400)',
  },
  {
    flag: '--genesys-client-secret',
    env: 'DEV_IDP_GENESYS_CLIENT_SECRET',
    kind: 'secret',
    example: '<secret>',
    description: 'secret of the genesys-messenger client',
  },
  { flag: '--help', kind: 'switch', example: '', description: 'print this help and exit' },
];

const DEFAULT_PORT = 4400;
const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_GENESYS_CLIENT_SECRET = 'dev-only-genesys-secret';
const DEFAULT_LIFETIMES: Lifetimes = {
  accessToken: 300,
  idToken: 300,
  refreshToken: 86_400,
  session: 86_400,
};

/** A raw value and where it came from (a flag or an environment variable name). */
interface RawValue {
  readonly value: string;
  readonly source: string;
}

/**
 * Reads and validates the configuration. Flags win over environment variables; empty environment
 * variables count as unset.
 * @param argv the arguments after the script name (`process.argv.slice(2)`)
 * @param env the environment (`process.env`)
 * @returns the validated configuration
 * @throws ConfigError naming the flag (or variable) and the bad value
 */
export function parseConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): DevIdpConfig {
  const raw = new Map<string, RawValue>();
  for (const option of OPTIONS) {
    const value = option.env === undefined ? undefined : env[option.env];
    if (value !== undefined && value !== '') {
      raw.set(option.flag, { value, source: option.env ?? option.flag });
    }
  }
  for (const [flag, value] of readFlags(argv)) {
    raw.set(flag, { value, source: flag });
  }

  const port = parsePort(raw.get('--port'));
  const issuerValue = raw.get('--issuer');
  return {
    port,
    host: raw.get('--host')?.value ?? DEFAULT_HOST,
    issuer: issuerValue ? parseIssuer(issuerValue) : `http://localhost:${port}`,
    lifetimes: {
      accessToken: parseLifetime(raw.get('--access-token-ttl'), DEFAULT_LIFETIMES.accessToken),
      idToken: parseLifetime(raw.get('--id-token-ttl'), DEFAULT_LIFETIMES.idToken),
      refreshToken: parseLifetime(raw.get('--refresh-token-ttl'), DEFAULT_LIFETIMES.refreshToken),
      session: parseLifetime(raw.get('--session-ttl'), DEFAULT_LIFETIMES.session),
    },
    genesysClientSecret: raw.get('--genesys-client-secret')?.value ?? DEFAULT_GENESYS_CLIENT_SECRET,
    help: raw.has('--help'),
  };
}

function readFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      throw new ConfigError(
        'unexpected-argument',
        `unexpected argument ${quote(arg)}; flags look like --port 4400 (see --help)`,
      );
    }
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const option = OPTIONS.find((candidate) => candidate.flag === flag);
    if (!option) {
      const known = OPTIONS.map((candidate) => candidate.flag).join(', ');
      throw new ConfigError(
        'unknown-flag',
        `unknown flag ${printable(flag)}; known flags: ${known}`,
      );
    }
    if (option.kind === 'switch') {
      if (eq !== -1) {
        throw new ConfigError('unexpected-value', `${flag} takes no value`);
      }
      flags.set(flag, '');
      continue;
    }
    let value: string | undefined = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
    if (eq === -1) {
      value = value === undefined || value.startsWith('--') ? undefined : value;
      i += value === undefined ? 0 : 1;
    }
    if (value === undefined || value === '') {
      throw new ConfigError(
        'missing-value',
        `${flag} needs a value, e.g. ${flag} ${option.example}`,
      );
    }
    flags.set(flag, value);
  }
  return flags;
}

function parsePort(raw: RawValue | undefined): number {
  if (!raw) {
    return DEFAULT_PORT;
  }
  const port = wholeNumber(raw.value);
  if (port === undefined || port < 1 || port > 65_535) {
    throw new ConfigError(
      'bad-port',
      `${raw.source} must be a whole number from 1 to 65535, got ${quote(raw.value)}`,
    );
  }
  return port;
}

function parseLifetime(raw: RawValue | undefined, fallback: number): number {
  if (!raw) {
    return fallback;
  }
  const seconds = wholeNumber(raw.value);
  if (seconds === undefined || seconds < 1 || seconds > MAX_LIFETIME_SECONDS) {
    throw new ConfigError(
      'bad-lifetime',
      `${raw.source} must be whole seconds from 1 to ${MAX_LIFETIME_SECONDS}, got ${quote(raw.value)}`,
    );
  }
  return seconds;
}

function parseIssuer(raw: RawValue): string {
  const issuer = raw.value.replace(/\/+$/, '');
  const url = URL.canParse(issuer) ? new URL(issuer) : undefined;
  const valid =
    url !== undefined &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.pathname === '/' &&
    !url.search &&
    !url.hash &&
    !url.username &&
    !url.password &&
    !issuer.endsWith('?') &&
    !issuer.endsWith('#');
  if (!valid) {
    throw new ConfigError(
      'bad-issuer',
      `${raw.source} must be an http(s) origin without path, query or fragment, ` +
        `e.g. http://localhost:4400, got ${quote(raw.value)}`,
    );
  }
  return issuer;
}

function wholeNumber(value: string): number | undefined {
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/**
 * The single line printed once the server is ready (no secrets in it).
 * @param config the running configuration
 * @returns the line, without a newline
 */
export function readyLine(config: DevIdpConfig): string {
  const { accessToken, idToken, refreshToken, session } = config.lifetimes;
  return (
    `dev-idp: ready at ${config.issuer} (bound ${formatHost(config.host)}:${config.port}; ` +
    `access token ${accessToken} s, id token ${idToken} s, refresh token ${refreshToken} s, ` +
    `session ${session} s)`
  );
}

/**
 * The `--help` text.
 * @returns the usage, ending with a newline
 */
export function usage(): string {
  const lines = OPTIONS.map((option) => {
    const flag = option.kind === 'switch' ? option.flag : `${option.flag} <${option.kind}>`;
    const env = option.env ? ` [${option.env}]` : '';
    return `  ${flag.padEnd(36)}${option.description}${env}`;
  });
  return [
    'Usage: npm run dev-idp -- [flags]   (flags also accept --flag=value; flags win over env)',
    '',
    ...lines,
    '',
  ].join('\n');
}
