/**
 * Entry point: `node --import tsx projects/dev-idp/src/main.ts [flags]`.
 * Order matters: validate the configuration, bind the port, then load oidc-provider — so a bad
 * flag or a busy port is reported as exactly one line before anything else is printed.
 */
import { createServer } from 'node:http';
import type { RequestListener, Server } from 'node:http';

import { ConfigError, listenError } from '../../node-kit/src/config-error';
import { createHostCheck, refuseMisdirected } from '../../node-kit/src/host-check';
import { parseConfig, readyLine, usage } from './config';
import { sendText } from './http-utils';

/** Time allowed for open connections to finish after SIGINT/SIGTERM. */
const SHUTDOWN_GRACE_MS = 1500;

async function main(): Promise<void> {
  const config = parseConfig(process.argv.slice(2), process.env);
  if (config.help) {
    process.stdout.write(usage());
    return;
  }

  let handler: RequestListener = (_req, res) => sendText(res, 503, 'dev-idp is starting');
  const hosts = createHostCheck([new URL(config.issuer).host, ...config.allowedHosts]);
  const server = createServer(
    (req, res) => refuseMisdirected(hosts, req, res) || handler(req, res),
  );
  await listen(server, config.host, config.port);
  stopOnSignals(server);

  const { createRequestHandler } = await import('./server');
  handler = createRequestHandler(config);
  process.stdout.write(`${readyLine(config)}\n`);
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error.code, host, port));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function stopOnSignals(server: Server): void {
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`dev-idp: ${error.message}\n`);
    process.exit(2);
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`dev-idp: failed to start: ${message}\n`);
  process.exit(1);
});
