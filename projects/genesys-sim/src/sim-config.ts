/**
 * The Genesys simulator's configuration, from flags and environment variables. Pure: validated
 * (and unit tested) before anything listens.
 */
import {
  oneOf,
  origin,
  origins,
  port,
  readCli,
  text,
  wholeSeconds,
  type CliOption,
  type CliValues,
  type Parser,
} from '../../node-kit/src/cli-config';
import { ConfigError, quote } from '../../node-kit/src/config-error';
import { parseDeployments } from './deployments-file';
import {
  allowDevDefaultsOption,
  DEV_GENESYS_CLIENT_SECRET,
  refuseDevDefaultsOnNetwork,
  type DevDefault,
} from '../../node-kit/src/dev-defaults';
import { allowedHostsOption } from '../../node-kit/src/host-check';
import {
  ɵDEFAULT_REFRESH_TOKEN_LIFETIME_S as DEFAULT_REFRESH_TOKEN_LIFETIME_S,
  ɵMAX_RATE_LIMIT as MAX_RATE_LIMIT,
  ɵparseRateLimits as parseRateLimits,
  ɵREFRESH_TOKEN_LIFETIME_RANGE_S as REFRESH_TOKEN_LIFETIME_RANGE_S,
  type DeploymentConfig,
  type RateLimits,
} from 'ngx-genesys-messenger-auth/testing';

/** The deployments the simulator serves unless given a file. */
export const DEFAULT_DEPLOYMENTS: readonly DeploymentConfig[] = [
  {
    id: '6f1c2f5e-8a41-4d9b-9a57-3c1d2b7e0001',
    name: 'Meridian Bank — authenticated web messaging',
    auth: { enabled: true, allowSessionUpgrade: true },
  },
  {
    id: '6f1c2f5e-8a41-4d9b-9a57-3c1d2b7e0002',
    name: 'Meridian Bank — anonymous web messaging',
    auth: { enabled: false, allowSessionUpgrade: false },
  },
];

const RATE_LIMITS_EXAMPLE = 'exchange=30,refresh=60,revoke=30';

/**
 * Per-minute limits of the token calls, as `exchange=30,refresh=60,revoke=off`: each named call
 * gets its limit (`off`: none); calls not named have none.
 */
export const rateLimits: Parser<Partial<RateLimits>> = (value, source) => {
  let limits: Partial<RateLimits> = {};
  for (const pair of value.split(',')) {
    const [name, calls, ...rest] = pair.trim().split('=');
    const limit = calls === 'off' ? null : /^\d{1,10}$/.test(calls ?? '') ? Number(calls) : NaN;
    let parsed: Partial<RateLimits> | undefined;
    try {
      parsed = rest.length === 0 ? parseRateLimits({ [name]: limit }) : undefined;
    } catch {
      // Its message speaks of a JSON body (null, 400); the flag's own message follows.
      parsed = undefined;
    }
    if (!parsed) {
      throw new ConfigError(
        'bad-choice',
        `${source} must be pairs like ${RATE_LIMITS_EXAMPLE} (exchange, refresh or revoke = ` +
          `calls per minute 1–${MAX_RATE_LIMIT}, or off), got ${quote(pair)}`,
      );
    }
    limits = { ...limits, ...parsed };
  }
  return limits;
};

/** The options of the simulator. */
export const SIM_OPTIONS = {
  port: {
    flag: '--port',
    env: 'GENESYS_SIM_PORT',
    example: '4500',
    description: 'TCP port',
    parse: port,
    fallback: 4500,
  },
  host: {
    flag: '--host',
    env: 'GENESYS_SIM_HOST',
    example: '127.0.0.1',
    description: 'bind address',
    parse: text,
    fallback: '127.0.0.1',
  },
  publicUrl: {
    flag: '--public-url',
    env: 'GENESYS_SIM_PUBLIC_URL',
    example: 'http://localhost:4500',
    description: 'origin pages reach the simulator at (default http://localhost:<port>)',
    parse: origin,
    fallback: '',
  },
  idpIssuer: {
    flag: '--idp-issuer',
    env: 'GENESYS_SIM_IDP_ISSUER',
    example: 'http://localhost:4400',
    description: "the website's OpenID Connect issuer",
    parse: origin,
    fallback: 'http://localhost:4400',
  },
  clientId: {
    flag: '--client-id',
    env: 'GENESYS_SIM_CLIENT_ID',
    example: 'genesys-messenger',
    description: "the OIDC integration's client id",
    parse: text,
    fallback: 'genesys-messenger',
  },
  clientSecret: {
    flag: '--client-secret',
    env: 'GENESYS_SIM_CLIENT_SECRET',
    example: '<secret>',
    description: "the OIDC integration's client secret (never logged)",
    parse: text,
    fallback: DEV_GENESYS_CLIENT_SECRET,
  },
  clientAuth: {
    flag: '--client-auth',
    env: 'GENESYS_SIM_CLIENT_AUTH',
    example: 'basic',
    description: 'how it authenticates at the token endpoint: basic or post',
    parse: oneOf('basic', 'post'),
    fallback: 'basic',
  },
  refreshTokenLifetime: {
    flag: '--refresh-token-lifetime',
    env: 'GENESYS_SIM_REFRESH_TOKEN_LIFETIME',
    example: '86400',
    description: '"Max Refresh Token Lifetime" in seconds, 900 – 7776000 (default 24 h)',
    parse: wholeSeconds(REFRESH_TOKEN_LIFETIME_RANGE_S.min, REFRESH_TOKEN_LIFETIME_RANGE_S.max),
    fallback: DEFAULT_REFRESH_TOKEN_LIFETIME_S,
  },
  allowedOrigins: {
    flag: '--allowed-origins',
    env: 'GENESYS_SIM_ALLOWED_ORIGINS',
    example: 'http://localhost:4200',
    description: 'comma-separated origins whose pages may call it (CORS)',
    parse: origins,
    fallback: ['http://localhost:4200', 'http://localhost:4300'] as readonly string[],
  },
  rateLimits: {
    flag: '--rate-limits',
    env: 'GENESYS_SIM_RATE_LIMITS',
    example: RATE_LIMITS_EXAMPLE,
    description:
      'per-minute limits of the token calls per deployment, over them 429 (default: none)',
    parse: rateLimits,
    fallback: {} as Partial<RateLimits>,
  },
  deployments: {
    flag: '--deployments',
    env: 'GENESYS_SIM_DEPLOYMENTS',
    example: '<file.json>',
    description: 'a JSON file with an array of {id, name, auth: {enabled, allowSessionUpgrade}}',
    parse: text,
    fallback: '',
  },
  controlApi: {
    flag: '--control-api',
    env: 'GENESYS_SIM_CONTROL_API',
    example: 'on',
    description: 'on: serve the /__sim/ control API to tests, unauthenticated (default off: 404)',
    parse: oneOf('on', 'off'),
    fallback: 'off',
    bare: 'on',
  },
  allowedHosts: allowedHostsOption('GENESYS_SIM_ALLOWED_HOSTS', "--public-url's host"),
  allowDevDefaultsOnNetwork: allowDevDefaultsOption('GENESYS_SIM_ALLOW_DEV_DEFAULTS_ON_NETWORK'),
} satisfies Record<string, CliOption<unknown>>;

/** Options the configuration holds in another form than the command line gives them. */
type Switches = 'deployments' | 'controlApi';

/** The validated configuration. */
export type SimConfig = Omit<CliValues<typeof SIM_OPTIONS>, Switches> & {
  readonly deployments: readonly DeploymentConfig[];
  /** Whether the `/__sim/` control API is served. */
  readonly controlApi: boolean;
};

/**
 * Reads the configuration.
 * @param readFile reads a deployments file (injected so this stays free of I/O)
 * @throws ConfigError naming the flag and the bad value
 */
export function parseSimConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string,
): SimConfig {
  const values = readCli(argv, env, SIM_OPTIONS);
  const config: SimConfig = {
    ...values,
    publicUrl: values.publicUrl || `http://localhost:${values.port}`,
    deployments: values.deployments
      ? parseDeployments(values.deployments, readFile)
      : DEFAULT_DEPLOYMENTS,
    controlApi: values.controlApi === 'on',
  };
  refuseDevDefaultsOnNetwork(config, devDefaultsInForce(config));
  return config;
}

/**
 * The dev defaults a configuration has in force.
 * @param config the configuration
 * @returns each with how to replace it
 */
export function devDefaultsInForce(config: SimConfig): DevDefault[] {
  const inForce: DevDefault[] = [];
  if (config.clientSecret === DEV_GENESYS_CLIENT_SECRET) {
    inForce.push({
      what: "the dev IdP's public genesys-messenger client secret",
      fix: 'pass --client-secret <secret>',
    });
  }
  if (config.controlApi) {
    inForce.push({
      what: 'the unauthenticated /__sim/ control API',
      fix: 'leave out --control-api',
    });
  }
  return inForce;
}
