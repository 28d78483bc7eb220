/**
 * Entry point: `node --import tsx projects/genesys-sim/src/main.ts [flags]` (or `npm run genesys-sim`).
 * Validates the configuration, builds the browser bundle and the key, binds, then says it is ready.
 */
import { readFileSync } from 'node:fs';
import { cliUsage } from '../../node-kit/src/cli-config';
import { ConfigError, hostPort, listenError } from '../../node-kit/src/config-error';
import { buildBrowserBundle } from './browser-bundle';
import { Es256Signer } from './es256-signer';
import { OidcIdentityProvider } from './oidc-identity-provider';
import { parseSimConfig, SIM_OPTIONS, type SimConfig } from './sim-config';
import { createSimServer } from './sim-server';

const log = (line: string) => process.stdout.write(`genesys-sim: ${line}\n`);

async function main(): Promise<void> {
  const config = parseSimConfig(process.argv.slice(2), process.env, (path) =>
    readFileSync(path, 'utf8'),
  );
  if (config.help) {
    process.stdout.write(cliUsage('npm run genesys-sim --', SIM_OPTIONS));
    return;
  }
  const [bundle, signer] = await Promise.all([buildBrowserBundle(), Es256Signer.create()]);
  const idp = new OidcIdentityProvider({
    issuer: config.idpIssuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    clientAuth: config.clientAuth,
  });
  const { app } = await createSimServer({ config, idp, signer, bundle, log });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    throw listenError((error as NodeJS.ErrnoException).code, config.host, config.port);
  }
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  log(
    `ready at ${config.publicUrl} (bound ${hostPort(config.host, config.port)}; ` +
      `IdP ${config.idpIssuer}, ` +
      `client ${config.clientId}; ${config.deployments.length} deployments; ` +
      `refresh token ${config.refreshTokenLifetime} s; rate limits ${limitsText(config)}; ` +
      `control API ${config.controlApi ? 'on' : 'off'})`,
  );
}

function limitsText(config: SimConfig): string {
  const set = Object.entries(config.rateLimits).filter(([, limit]) => limit !== null);
  return set.length ? set.map(([call, limit]) => `${call} ${limit}/min`).join(', ') : 'none';
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError ? error.message : `failed to start: ${String(error)}`;
  process.stderr.write(`genesys-sim: ${message}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
