// Serves a built single-page app on 127.0.0.1 (index.html for unknown routes), like a portal's
// production web server would. Usage: node --import tsx tools/serve-static.mjs --root DIR --port N
// (tsx: it shares the Node servers' flag reader, loopback guard and Host check in node-kit).
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

import { port, readCli, text, cliUsage } from '../projects/node-kit/src/cli-config.ts';
import { ConfigError, hostPort, listenError } from '../projects/node-kit/src/config-error.ts';
import {
  allowDevDefaultsOption,
  refuseDevDefaultsOnNetwork,
} from '../projects/node-kit/src/dev-defaults.ts';
import {
  allowedHostsOption,
  createHostCheck,
  refuseMisdirected,
} from '../projects/node-kit/src/host-check.ts';

const OPTIONS = {
  root: {
    flag: '--root',
    example: 'dist/demo-portal/browser',
    description: 'the built app',
    parse: text,
    fallback: '',
  },
  port: { flag: '--port', example: '4200', description: 'TCP port', parse: port, fallback: 4200 },
  host: {
    flag: '--host',
    example: '127.0.0.1',
    description: 'bind address',
    parse: text,
    fallback: '127.0.0.1',
  },
  allowedHosts: allowedHostsOption('SERVE_STATIC_ALLOWED_HOSTS', 'nothing else'),
  allowDevDefaultsOnNetwork: allowDevDefaultsOption('SERVE_STATIC_ALLOW_DEV_DEFAULTS_ON_NETWORK'),
};

/** It is a development server whatever it serves: no TLS, no access control, no hardening. */
const ALWAYS_IN_FORCE = [
  {
    what: 'serve-static, a development server without TLS or hardening',
    fix: 'serve the built app with a production web server',
  },
];

function readConfig() {
  const values = readCli(process.argv.slice(2), process.env, OPTIONS);
  if (values.help) {
    process.stdout.write(cliUsage('node --import tsx tools/serve-static.mjs', OPTIONS));
    process.exit(0);
  }
  if (!values.root || !existsSync(join(values.root, 'index.html'))) {
    throw new ConfigError(
      'bad-file',
      `--root must be a built app folder with an index.html (got ${values.root || 'nothing'})`,
    );
  }
  const config = {
    ...values,
    allowDevDefaultsOnNetwork: values.allowDevDefaultsOnNetwork === 'on',
  };
  refuseDevDefaultsOnNetwork(config, ALWAYS_IN_FORCE);
  return config;
}

let config;
try {
  config = readConfig();
} catch (error) {
  process.stderr.write(`serve-static: ${error.message}\n`);
  process.exit(2);
}

const assets = sirv(config.root, {
  single: true,
  etag: true,
  setHeaders: (res, pathname) => {
    // Hashed bundles may be cached for ever; the document must be revalidated on every load.
    const hashed = /-[A-Z0-9]{8}\.(js|css)$/.test(pathname);
    res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  },
});

const hosts = createHostCheck(config.allowedHosts);
const server = createServer((req, res) => refuseMisdirected(hosts, req, res) || assets(req, res));
server.on('error', (error) => {
  process.stderr.write(
    `serve-static: ${listenError(error.code, config.host, config.port).message}\n`,
  );
  process.exit(2);
});
server.listen(config.port, config.host, () => {
  process.stdout.write(
    `serve-static: ${config.root} on http://${hostPort(config.host, config.port)}\n`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
