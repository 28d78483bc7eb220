/**
 * Dev defaults (public passwords, a known client secret, unauthenticated test controls) are safe
 * on loopback only. A server that would listen on another address while any is in force refuses
 * to start, naming each and how to replace it, unless `--allow-dev-defaults-on-network` is given.
 */
import { oneOf, type CliOption } from './cli-config';
import { ConfigError, printable } from './config-error';
import { isLoopbackHost } from './loopback';

/**
 * The client secret of the dev IdP's `genesys-messenger` client, which the Genesys simulator
 * sends unless both are given another: public, for local development only.
 */
export const DEV_GENESYS_CLIENT_SECRET = 'dev-only-genesys-secret';

/** The flag that lets dev defaults listen on a non-loopback address. */
export const ALLOW_DEV_DEFAULTS_FLAG = '--allow-dev-defaults-on-network';

/** One dev default a server has in force. */
export interface DevDefault {
  /** What it is, e.g. `the default client secret`. */
  readonly what: string;
  /** How to replace or turn it off, e.g. `pass --client-secret <secret>`. */
  readonly fix: string;
}

const onOff = oneOf('on', 'off');

/**
 * The `--allow-dev-defaults-on-network` option of a server: `on` (or the flag alone) or `off`,
 * read as a boolean.
 * @param env the environment variable, e.g. `DEV_IDP_ALLOW_DEV_DEFAULTS_ON_NETWORK`
 * @returns the option
 */
export function allowDevDefaultsOption(env: string): CliOption<boolean> {
  return {
    flag: ALLOW_DEV_DEFAULTS_FLAG,
    env,
    example: 'on',
    description: 'listen on a non-loopback --host although dev defaults are in force (default off)',
    parse: (value, source) => onOff(value, source) === 'on',
    fallback: false,
    bare: 'on',
  };
}

/** The part of a server's configuration {@link refuseDevDefaultsOnNetwork} decides from. */
export interface Exposure {
  /** The bind address (`--host`). */
  readonly host: string;
  /** Whether `--allow-dev-defaults-on-network` was given. */
  readonly allowDevDefaultsOnNetwork: boolean;
}

/**
 * Refuses a configuration that would put dev defaults on the network. Loopback binds, bindings
 * without dev defaults and those allowed by the flag pass.
 * @param config the bind address and whether the flag was given
 * @param inForce the dev defaults the configuration has in force
 * @throws ConfigError (`dev-defaults-on-network`), one line listing each dev default and its fix
 */
export function refuseDevDefaultsOnNetwork(config: Exposure, inForce: readonly DevDefault[]): void {
  const { host, allowDevDefaultsOnNetwork: allowed } = config;
  if (allowed || inForce.length === 0 || isLoopbackHost(host)) return;
  const list = inForce.map((d) => `${d.what} (${d.fix})`).join('; ');
  throw new ConfigError(
    'dev-defaults-on-network',
    `--host ${printable(host)} is not a loopback address and dev defaults are in force: ${list}. ` +
      `Bind 127.0.0.1, replace them, or pass ${ALLOW_DEV_DEFAULTS_FLAG} if only you can reach ` +
      'this network',
  );
}
