/**
 * The profile server's configuration, from flags and environment variables. Pure: validated (and
 * unit tested) before the database is opened or anything listens.
 */
import { isAbsolute, resolve } from 'node:path';

import {
  cliUsage,
  oneOf,
  origins,
  port,
  readCli,
  text,
  type CliOption,
  wholeNumberIn,
  type CliValues,
  type Parser,
} from '../../node-kit/src/cli-config';
import { ConfigError, hostPort, quote } from '../../node-kit/src/config-error';
import {
  allowDevDefaultsOption,
  refuseDevDefaultsOnNetwork,
  type DevDefault,
} from '../../node-kit/src/dev-defaults';
import { allowedHostsOption } from '../../node-kit/src/host-check';
import { isLoopbackHost } from '../../node-kit/src/loopback';
import { isPostgresUrl, redactPostgresUrl } from './postgres/postgres-url';
import { DEFAULT_RATE_LIMITS } from './rate-limits';

const perMinute = wholeNumberIn(1, 1_000_000, 'requests per minute', 'bad-number');

/** `--db`: a path as given, or a PostgreSQL URL that parses (its password never echoed). */
const database: Parser<string> = (value, source) => {
  if (isPostgresUrl(value) && !URL.canParse(value)) {
    throw new ConfigError(
      'bad-url',
      `${source} looks like a PostgreSQL URL but does not parse; use postgres://user@host:port/db`,
    );
  }
  return value;
};

/** Where the database lives unless `--db` says otherwise, relative to the workspace root. */
export const DEFAULT_DB_PATH = '.data/profiles.sqlite';

/** The port the dev IdP listens on unless told otherwise. */
const DEV_IDP_PORT = 4400;

/** The dev IdP, whose admins' passwords are public: the issuer trusted unless configured. */
const DEV_IDP_ISSUER = `http://localhost:${DEV_IDP_PORT}`;

/**
 * Whether an issuer names the dev IdP on this machine in any spelling: a loopback host (also
 * `127.1`, `[::1]`, `LOCALHOST`, `localhost.` and names under `localhost`, which resolve there)
 * on the dev IdP's port, whatever the scheme, path or trailing slash. Decided from the parsed URL,
 * since a string comparison lets another spelling of the same address past the refusal.
 * @param issuer the `--issuer` value (an http(s) URL, checked by {@link issuerUrl})
 * @returns whether it is the dev IdP
 */
function isDevIdpIssuer(issuer: string): boolean {
  const url = URL.canParse(issuer) ? new URL(issuer) : undefined;
  if (!url || url.port !== String(DEV_IDP_PORT)) return false;
  return isLoopbackHost(url.hostname) || /\.localhost\.?$/.test(url.hostname);
}

/**
 * An issuer identifier: an http(s) URL, possibly with a path (Keycloak realms have one), without
 * query, fragment or credentials; kept exactly as given, since `iss` is compared as a string.
 */
export const issuerUrl: Parser<string> = (value, source) => {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (
    !url ||
    !/^https?:$/.test(url.protocol) ||
    url.search ||
    url.hash ||
    url.username ||
    /[?#]/.test(value)
  ) {
    throw new ConfigError(
      'bad-url',
      `${source} must be an http(s) URL without query or fragment, e.g. http://localhost:4400, ` +
        `got ${quote(value)}`,
    );
  }
  return value;
};

/** The options of the profile server. */
export const SERVER_OPTIONS = {
  port: {
    flag: '--port',
    env: 'PROFILE_SERVER_PORT',
    example: '4600',
    description: 'TCP port (default 4600)',
    parse: port,
    fallback: 4600,
  },
  host: {
    flag: '--host',
    env: 'PROFILE_SERVER_HOST',
    example: '127.0.0.1',
    description: 'bind address (default 127.0.0.1)',
    parse: text,
    fallback: '127.0.0.1',
  },
  db: {
    flag: '--db',
    env: 'PROFILE_SERVER_DB',
    example: '.data/profiles.sqlite',
    description:
      `SQLite file (default ${DEFAULT_DB_PATH} in the workspace root; :memory: for none), or ` +
      'postgres://user@host:port/database for PostgreSQL (several servers may share it)',
    parse: database,
    fallback: '',
  },
  issuer: {
    flag: '--issuer',
    env: 'PROFILE_SERVER_ISSUER',
    example: 'http://localhost:4400',
    description: 'the IdP whose access tokens are accepted (its JWKS is found by discovery)',
    parse: issuerUrl,
    fallback: DEV_IDP_ISSUER,
  },
  audience: {
    flag: '--audience',
    env: 'PROFILE_SERVER_AUDIENCE',
    example: 'http://localhost:4600',
    description: 'the `aud` the access tokens must carry (default http://localhost:4600)',
    parse: text,
    fallback: 'http://localhost:4600',
  },
  clientId: {
    flag: '--client-id',
    env: 'PROFILE_SERVER_CLIENT_ID',
    example: 'admin',
    description: "the admin app's client id; only its users' tokens are accepted (default admin)",
    parse: text,
    fallback: 'admin',
  },
  adminOrigins: {
    flag: '--admin-origins',
    env: 'PROFILE_SERVER_ADMIN_ORIGINS',
    example: 'http://localhost:4300',
    description: 'comma-separated origins of the admin app (CORS of /admin)',
    parse: origins,
    fallback: ['http://localhost:4300'] as readonly string[],
  },
  allowedEnvironmentOrigins: {
    flag: '--allowed-environment-origins',
    env: 'PROFILE_SERVER_ALLOWED_ENVIRONMENT_ORIGINS',
    example: 'http://localhost:4500',
    description:
      'comma-separated custom Genesys environment origins profiles may use (default none: regions only)',
    parse: origins,
    fallback: [] as readonly string[],
  },
  adminRateLimit: {
    flag: '--admin-rate-limit',
    env: 'PROFILE_SERVER_ADMIN_RATE_LIMIT',
    example: String(DEFAULT_RATE_LIMITS.adminPerMinute),
    description: `requests per minute and client address to /admin (default ${DEFAULT_RATE_LIMITS.adminPerMinute})`,
    parse: perMinute,
    fallback: DEFAULT_RATE_LIMITS.adminPerMinute,
  },
  portalRateLimit: {
    flag: '--portal-rate-limit',
    env: 'PROFILE_SERVER_PORTAL_RATE_LIMIT',
    example: String(DEFAULT_RATE_LIMITS.portalPerMinute),
    description: `requests per minute and client address to the portal document (default ${DEFAULT_RATE_LIMITS.portalPerMinute})`,
    parse: perMinute,
    fallback: DEFAULT_RATE_LIMITS.portalPerMinute,
  },
  seed: {
    flag: '--seed',
    env: 'PROFILE_SERVER_SEED',
    example: 'on',
    description: 'on: publish a default "demo" profile as v1 into an empty database (default on)',
    parse: oneOf('on', 'off'),
    fallback: 'on',
  },
  allowedHosts: allowedHostsOption('PROFILE_SERVER_ALLOWED_HOSTS', "--audience's host"),
  allowDevDefaultsOnNetwork: allowDevDefaultsOption('PROFILE_SERVER_ALLOW_DEV_DEFAULTS_ON_NETWORK'),
} satisfies Record<string, CliOption<unknown>>;

/** The validated configuration. */
export type ServerConfig = Omit<CliValues<typeof SERVER_OPTIONS>, 'seed'> & {
  /** Whether to seed the `demo` profile into an empty database. */
  readonly seed: boolean;
};

/**
 * Reads the configuration. A relative `--db` is taken from the current directory, like any path
 * on a command line; the default lives in the workspace root, wherever the server is started.
 * @param argv the arguments after the script name (`process.argv.slice(2)`)
 * @param env the environment (`process.env`)
 * @param places the current directory and the workspace root (injected so this stays pure)
 * @returns the configuration, with `db` absolute (or `:memory:`, or a PostgreSQL URL as given)
 * @throws ConfigError naming the flag (or variable) and the bad value
 */
export function parseServerConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  places: { readonly cwd: string; readonly workspaceRoot: string },
): ServerConfig {
  const values = readCli(argv, env, SERVER_OPTIONS);
  const db = values.db || resolve(places.workspaceRoot, DEFAULT_DB_PATH);
  const config: ServerConfig = {
    ...values,
    db: db === ':memory:' || isPostgresUrl(db) || isAbsolute(db) ? db : resolve(places.cwd, db),
    seed: values.seed === 'on',
  };
  refuseDevDefaultsOnNetwork(config, devDefaultsInForce(config));
  return config;
}

/**
 * The dev defaults a configuration has in force: trusting the dev IdP, where anyone may sign in as
 * an admin with a public password.
 * @param config the configuration
 * @returns each with how to replace it
 */
export function devDefaultsInForce(config: ServerConfig): DevDefault[] {
  if (!isDevIdpIssuer(config.issuer)) return [];
  return [
    {
      what: "admin tokens of the dev IdP, whose admins' passwords are public",
      fix: 'pass --issuer <your IdP>',
    },
  ];
}

/**
 * The `Host` names the server answers to besides the loopback ones.
 * @param config the configuration
 * @returns `--audience`'s host when it is a URL (it names the server), and `--allowed-hosts`
 */
export function hostNamesOf(config: ServerConfig): string[] {
  const audience = URL.canParse(config.audience) ? new URL(config.audience) : undefined;
  const own = audience && /^https?:$/.test(audience.protocol) ? [audience.host] : [];
  return [...own, ...config.allowedHosts];
}

/**
 * The single line printed once the server listens (no secrets in it).
 * @param config the running configuration
 * @param boundPort the port actually bound
 * @returns the line, without a newline
 */
export function readyLine(config: ServerConfig, boundPort: number): string {
  return (
    `profile-server: ready at http://localhost:${boundPort} ` +
    `(bound ${hostPort(config.host, boundPort)}; db ${shownDb(config.db)}; issuer ${config.issuer}, ` +
    `audience ${config.audience}, client ${config.clientId}; ` +
    `admin origins ${config.adminOrigins.join(',')}; ` +
    `environment origins ${config.allowedEnvironmentOrigins.join(',') || 'none'})`
  );
}

/** `--db` as it may be logged: a PostgreSQL URL without its password. */
export function shownDb(db: string): string {
  return isPostgresUrl(db) ? redactPostgresUrl(db) : db;
}

/**
 * The `--help` text.
 * @returns the usage, ending with a newline
 */
export function usage(): string {
  return cliUsage('npm run profile-server --', SERVER_OPTIONS);
}
