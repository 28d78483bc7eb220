// The static baseline of the profile-server benchmark: serves one folder with sirv (as
// tools/serve-static.mjs serves the apps) on 127.0.0.1, adding the given response headers, so the
// same bytes the profile server publishes can be measured from a plain file server.
//
// Usage: node tools/bench/static-document-server.mjs '{"root":"/tmp/…","port":4601,"headers":{}}'
// Prints "static-document-server: ready" once listening; stops on SIGTERM/SIGINT.
import { createServer } from 'node:http';
import sirv from 'sirv';

const { root, port, headers = {} } = JSON.parse(process.argv[2] ?? '{}');
if (typeof root !== 'string' || !Number.isInteger(port)) {
  console.error('static-document-server: pass {"root": folder, "port": number, "headers": {}}');
  process.exit(2);
}
const assets = sirv(root, {
  dev: false,
  etag: true,
  setHeaders: (res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  },
});
const server = createServer((req, res) =>
  assets(req, res, () => {
    res.statusCode = 404;
    res.end();
  }),
);
server.listen(port, '127.0.0.1', () => console.log('static-document-server: ready'));
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
