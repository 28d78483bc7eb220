// Benchmark: how fast the profile server answers portals. Every portal page load asks for its
// published profile (`GET /profiles/:name/published`), usually revalidating a cached copy with
// If-None-Match. In one run, each engine of ENGINES is started on a free loopback port: the real
// profile server (tsx, the seeded `demo` profile) on a fresh SQLite file in a temp dir and on a
// throwaway PostgreSQL cluster (the specs' harness, projects/profile-server/testing/postgres.ts),
// and a static file server holding the very bytes the profile server published. For each case and engine a
// separate load process (tools/bench/http-load.mjs) keeps CONNECTIONS requests in flight over
// keep-alive for SECONDS; the table gives requests per second, p50/p99 latency, and the profile
// server's share of the static server's throughput (per storage engine). Client and servers share this machine's
// cores, so the numbers are a floor for one server process, not a capacity plan.
//
// Another database is another entry of ENGINES: a name and start(dir, document) answering its
// base URL, the paths of the cases and stop(). The first entry publishes the document; the entry
// with isStatic is what the ratios divide by.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { ROOT } from './setup.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PORTAL_ORIGIN = 'http://localhost:4200';
/** Response headers of the published document the static server sends too. */
const COPIED_HEADERS = ['content-type', 'cache-control', 'access-control-allow-origin', 'vary'];

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a Node process and resolves once its stdout says `ready`; keeps draining its output. */
function startProcess(name, args, ready) {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${name} was not ready in 30 s`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      if (seen === null) return; // Keep draining: the profile server logs every request.
      seen += chunk;
      if (seen.includes(ready)) {
        seen = null;
        clearTimeout(timer);
        resolve({
          stop: () =>
            new Promise((done) => {
              child.removeAllListeners('exit');
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}

/** @typedef {{ base: string, published: string, unknown: string, stop: () => Promise<void> }} Engine */

/** Starts the real profile server on `db` (seeding `demo` into an empty database). */
async function startProfileServer(db) {
  const port = await freePort();
  const args = [
    '--import',
    'tsx',
    'projects/profile-server/src/main.ts',
    '--port',
    String(port),
    // The seeded `demo` profile uses the simulator's origin; the rate limit would cap the bench.
    '--allowed-environment-origins',
    'http://localhost:4500',
    '--portal-rate-limit',
    '1000000',
  ];
  const server = await startProcess(
    'the profile server',
    [...args, '--db', db],
    'profile-server: ready',
  );
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    published: '/profiles/demo/published',
    unknown: '/profiles/nope/published',
    ...server,
  };
}

const ENGINES = [
  {
    name: 'profile server (SQLite)',
    /** @returns {Promise<Engine>} */
    start: (dir) => startProfileServer(join(dir, 'profiles.sqlite')),
  },
  {
    name: 'profile server (PostgreSQL)',
    /** @returns {Promise<Engine>} */
    async start() {
      const { startPostgresCluster } = await tsImport(
        './projects/profile-server/testing/postgres.ts',
        import.meta.url.replace(/tools\/[^/]*$/, ''),
      );
      const cluster = await startPostgresCluster();
      const server = await startProfileServer(cluster.url);
      return {
        ...server,
        stop: async () => {
          await server.stop();
          cluster.stop();
        },
      };
    },
  },
  {
    isStatic: true,
    name: 'static file server (sirv)',
    /** @returns {Promise<Engine>} */
    async start(dir, document) {
      const root = join(dir, 'static');
      mkdirSync(root);
      writeFileSync(join(root, 'published.json'), document.bytes);
      const port = await freePort();
      const job = JSON.stringify({ root, port, headers: document.headers });
      const server = await startProcess(
        'the static file server',
        ['tools/bench/static-document-server.mjs', job],
        'static-document-server: ready',
      );
      const base = `http://127.0.0.1:${port}`;
      return { base, published: '/published.json', unknown: '/nope.json', ...server };
    },
  },
];

/** Runs one load process against `url` and answers its JSON line. */
function load(url, headers, expectStatus) {
  const job = JSON.stringify({
    url,
    headers,
    connections: CONNECTIONS,
    seconds: SECONDS,
    expectStatus,
  });
  const child = spawn(process.execPath, ['tools/bench/http-load.mjs', job], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`http-load exited with ${code}`)),
    );
  });
}

/** The published document as the profile server serves it: bytes, ETag, headers worth copying. */
async function publishedDocument(engine) {
  const response = await fetch(engine.base + engine.published, {
    headers: { origin: PORTAL_ORIGIN },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const headers = {};
  for (const name of COPIED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { bytes, headers };
}

const CASES = [
  { name: 'GET published (200, full document)', path: 'published', expect: 200 },
  { name: 'GET published, If-None-Match (304)', path: 'published', expect: 304, revalidate: true },
  { name: 'GET unknown document (404)', path: 'unknown', expect: 404 },
];

const num = (value, width, digits = 2) => value.toFixed(digits).padStart(width);

function printRow(label, r) {
  console.log(
    `  ${label.padEnd(28)} ${num(r.rps, 7, 0)} req/s  p50 ${num(r.p50, 6)} ms  p99 ${num(r.p99, 7)} ms` +
      `  (${r.requests} requests${r.otherStatus ? `, ${r.otherStatus} with another status` : ''})`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'bench-profile-server-'));
const running = [];
try {
  running.push(await ENGINES[0].start(dir));
  const document = await publishedDocument(running[0]);
  for (const engine of ENGINES.slice(1)) running.push(await engine.start(dir, document));
  console.log(
    `profile server, portal document (${document.bytes.length} bytes) on SQLite and PostgreSQL beside a static file server ` +
      `of the same bytes; ${CONNECTIONS} connections from a separate load process, ${SECONDS} s ` +
      `per case and server, Node ${process.version}`,
  );
  for (const kase of CASES) {
    console.log(kase.name);
    const results = [];
    for (const [i, engine] of running.entries()) {
      const url = engine.base + engine[kase.path];
      const headers = { origin: PORTAL_ORIGIN };
      if (kase.revalidate) {
        const etag = (await fetch(url, { headers })).headers.get('etag');
        if (!etag) throw new Error(`${ENGINES[i].name} sent no ETag for ${url}`);
        headers['if-none-match'] = etag;
      }
      results.push(await load(url, headers, kase.expect));
      printRow(ENGINES[i].name, results.at(-1));
    }
    const fileServer = results[ENGINES.findIndex((engine) => engine.isStatic)];
    for (const [i, server] of results.entries()) {
      if (ENGINES[i].isStatic) continue;
      const label = `ratio ${ENGINES[i].name.replace(/^profile server \((.*)\)$/, '$1')} / static`;
      console.log(
        `  ${label.padEnd(28)} ${num(server.rps / fileServer.rps, 7)} × req/s ` +
          ` p50 ${num(server.p50 / fileServer.p50, 6)} ×    p99 ${num(server.p99 / fileServer.p99, 7)} ×`,
      );
    }
  }
} finally {
  await Promise.all(running.map((engine) => engine.stop()));
  rmSync(dir, { recursive: true, force: true });
}
