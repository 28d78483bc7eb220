// Serves a built single-page app on 127.0.0.1 (index.html for unknown routes), like a portal's
// production web server would. Usage: node tools/serve-static.mjs --root DIR --port N [--host H]
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const fail = (message) => {
  process.stderr.write(`serve-static: ${message}\n`);
  process.exit(2);
};

let values;
try {
  ({ values } = parseArgs({
    options: {
      root: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  }));
} catch (error) {
  fail(error.message);
}
const port = Number(values.port);
if (!values.root || !existsSync(join(values.root, 'index.html'))) {
  fail(`--root must be a built app folder with an index.html (got ${values.root ?? 'nothing'})`);
}
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  fail(`--port must be a whole number from 1 to 65535 (got ${values.port ?? 'nothing'})`);
}

const assets = sirv(values.root, {
  single: true,
  etag: true,
  setHeaders: (res, pathname) => {
    // Hashed bundles may be cached for ever; the document must be revalidated on every load.
    const hashed = /-[A-Z0-9]{8}\.(js|css)$/.test(pathname);
    res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  },
});

const server = createServer((req, res) => assets(req, res));
server.on('error', (error) => {
  fail(
    error.code === 'EADDRINUSE'
      ? `${values.host}:${port} is already in use; stop the process that holds it`
      : error.message,
  );
});
server.listen(port, values.host, () => {
  process.stdout.write(`serve-static: ${values.root} on http://${values.host}:${port}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
