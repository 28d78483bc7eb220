/**
 * Configuration of the dev IdP from command-line flags and environment variables, read by the
 * local stack's shared reader (`node-kit`). Pure: no I/O and no oidc-provider import, so it can be
 * validated (and unit tested) before anything starts.
 */
import {
  cliUsage,
  origin,
  port,
  readCli,
  text,
  wholeSeconds,
  type CliOption,
  oneOf,
} from '../../node-kit/src/cli-config';
import { hostPort } from '../../node-kit/src/config-error';
import {
  allowDevDefaultsOption,
  DEV_GENESYS_CLIENT_SECRET,
  refuseDevDefaultsOnNetwork,
  type DevDefault,
} from '../../node-kit/src/dev-defaults';
import { allowedHostsOption } from '../../node-kit/src/host-check';

/** Largest accepted lifetime: one year, in seconds. */
export const MAX_LIFETIME_SECONDS = 31_536_000;

/** Client secret of `genesys-messenger` unless configured; only good for local development. */
export const DEFAULT_GENESYS_CLIENT_SECRET = DEV_GENESYS_CLIENT_SECRET;

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
  /** Whether tests may shift the IdP's clock and change its lifetimes (`/__idp/clock`, `/__idp/lifetimes`). */
  readonly testControls: boolean;
  /** `Host` names it answers to besides the issuer's and the loopback ones (canonical). */
  readonly allowedHosts: readonly string[];
  /** Whether dev defaults may listen on a non-loopback `host` (`--allow-dev-defaults-on-network`). */
  readonly allowDevDefaultsOnNetwork: boolean;
  /** Whether `--help` was given (print the usage and exit). */
  readonly help: boolean;
}

const lifetime = wholeSeconds(1, MAX_LIFETIME_SECONDS);

/** The options of the dev IdP. */
export const DEV_IDP_OPTIONS = {
  port: {
    flag: '--port',
    env: 'DEV_IDP_PORT',
    example: '4400',
    description: 'TCP port (default 4400)',
    parse: port,
    fallback: 4400,
  },
  host: {
    flag: '--host',
    env: 'DEV_IDP_HOST',
    example: '127.0.0.1',
    description: 'bind address (default 127.0.0.1)',
    parse: text,
    fallback: '127.0.0.1',
  },
  issuer: {
    flag: '--issuer',
    env: 'DEV_IDP_ISSUER',
    example: 'http://localhost:4400',
    description: 'issuer (default http://localhost:<port>)',
    parse: origin,
    fallback: '',
  },
  accessToken: {
    flag: '--access-token-ttl',
    env: 'DEV_IDP_ACCESS_TOKEN_TTL',
    example: '300',
    description: 'access-token lifetime in seconds (default 300)',
    parse: lifetime,
    fallback: 300,
  },
  idToken: {
    flag: '--id-token-ttl',
    env: 'DEV_IDP_ID_TOKEN_TTL',
    example: '300',
    description: 'ID-token lifetime in seconds (default 300)',
    parse: lifetime,
    fallback: 300,
  },
  refreshToken: {
    flag: '--refresh-token-ttl',
    env: 'DEV_IDP_REFRESH_TOKEN_TTL',
    example: '86400',
    description: 'refresh-token lifetime in seconds (default 86400)',
    parse: lifetime,
    fallback: 86_400,
  },
  session: {
    flag: '--session-ttl',
    env: 'DEV_IDP_SESSION_TTL',
    example: '86400',
    description: 'IdP session lifetime in seconds (default 86400)',
    parse: lifetime,
    fallback: 86_400,
  },
  genesysClientSecret: {
    flag: '--genesys-client-secret',
    env: 'DEV_IDP_GENESYS_CLIENT_SECRET',
    example: '<secret>',
    description: 'secret of the genesys-messenger client (never logged)',
    parse: text,
    fallback: DEFAULT_GENESYS_CLIENT_SECRET,
  },
  testControls: {
    flag: '--test-controls',
    env: 'DEV_IDP_TEST_CONTROLS',
    example: 'on',
    description: 'on: serve /__idp/clock and /__idp/lifetimes to tests (default off)',
    parse: oneOf('on', 'off'),
    fallback: 'off',
  },
  allowedHosts: allowedHostsOption('DEV_IDP_ALLOWED_HOSTS', "the issuer's host"),
  allowDevDefaultsOnNetwork: allowDevDefaultsOption('DEV_IDP_ALLOW_DEV_DEFAULTS_ON_NETWORK'),
} satisfies Record<string, CliOption<unknown>>;

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
  const values = readCli(argv, env, DEV_IDP_OPTIONS);
  const config: DevIdpConfig = {
    port: values.port,
    host: values.host,
    issuer: values.issuer || `http://localhost:${values.port}`,
    lifetimes: {
      accessToken: values.accessToken,
      idToken: values.idToken,
      refreshToken: values.refreshToken,
      session: values.session,
    },
    genesysClientSecret: values.genesysClientSecret,
    testControls: values.testControls === 'on',
    allowedHosts: values.allowedHosts,
    allowDevDefaultsOnNetwork: values.allowDevDefaultsOnNetwork,
    help: values.help,
  };
  refuseDevDefaultsOnNetwork(config, devDefaultsInForce(config));
  return config;
}

/**
 * The dev defaults a configuration has in force. The test users always are: the dev IdP has no
 * other accounts.
 * @param config the configuration
 * @returns each with how to replace it
 */
export function devDefaultsInForce(config: DevIdpConfig): DevDefault[] {
  const inForce: DevDefault[] = [
    {
      what: 'the test users, whose passwords are public and shown on the login page',
      fix: 'the dev IdP has no others; use a real IdP off this machine',
    },
  ];
  if (config.genesysClientSecret === DEFAULT_GENESYS_CLIENT_SECRET) {
    inForce.push({
      what: 'the default genesys-messenger client secret',
      fix: 'pass --genesys-client-secret <secret>',
    });
  }
  if (config.testControls) {
    inForce.push({
      what: 'the unauthenticated /__idp/ test controls',
      fix: 'leave out --test-controls on',
    });
  }
  return inForce;
}

/**
 * The single line printed once the server is ready (no secrets in it).
 * @param config the running configuration
 * @returns the line, without a newline
 */
export function readyLine(config: DevIdpConfig): string {
  const { accessToken, idToken, refreshToken, session } = config.lifetimes;
  return (
    `dev-idp: ready at ${config.issuer} (bound ${hostPort(config.host, config.port)}; ` +
    `access token ${accessToken} s, id token ${idToken} s, refresh token ${refreshToken} s, ` +
    `session ${session} s)`
  );
}

/**
 * The `--help` text.
 * @returns the usage, ending with a newline
 */
export function usage(): string {
  return cliUsage('npm run dev-idp --', DEV_IDP_OPTIONS);
}
