// Benchmark: how fast the profile server answers portals. Every portal page load asks for its
// published profile (`GET /profiles/:name/published`), usually revalidating a cached copy with
// If-None-Match. Starts the real server (tsx, a fresh SQLite file in a temp dir, the seeded `demo`
// profile) on a free loopback port, then, for each case, keeps CONNECTIONS requests in flight for
// SECONDS and prints requests per second and latency percentiles. Client and server share this
// machine's cores, so the numbers are a floor for the server, not a capacity plan.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from './setup.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PORTAL_ORIGIN = 'http://localhost:4200';

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

function startServer(port, db) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'projects/profile-server/src/main.ts', '--port', String(port), '--db', db],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error('the profile server was not ready in 30 s')),
      30_000,
    );
    child.once('exit', (code) => reject(new Error(`the profile server exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      // Keep draining: the server logs every request.
      if (seen !== null) {
        seen += chunk;
        if (seen.includes('profile-server: ready')) {
          seen = null;
          clearTimeout(timer);
          resolve(child);
        }
      }
    });
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function run(name, url, headers, expectStatus) {
  const latencies = [];
  let wrong = 0;
  const end = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      if (response.status !== expectStatus) wrong++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const ms = (value) => value.toFixed(2).padStart(7);
  console.log(
    `${name.padEnd(34)} ${String(Math.round(latencies.length / elapsed)).padStart(7)} req/s ` +
      `p50 ${ms(percentile(latencies, 50))} ms  p99 ${ms(percentile(latencies, 99))} ms  ` +
      `(${latencies.length} requests${wrong ? `, ${wrong} with another status` : ''})`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'bench-profile-server-'));
const port = await freePort();
const server = await startServer(port, join(dir, 'profiles.sqlite'));
try {
  const url = `http://127.0.0.1:${port}/profiles/demo/published`;
  const first = await fetch(url, { headers: { origin: PORTAL_ORIGIN } });
  const etag = first.headers.get('etag');
  const size = (await first.arrayBuffer()).byteLength;
  console.log(
    `profile server, portal document (${size} bytes), ${CONNECTIONS} connections, ${SECONDS} s each, ` +
      `Node ${process.version}`,
  );
  await run('GET published (200, full document)', url, { origin: PORTAL_ORIGIN }, 200);
  await run(
    'GET published, If-None-Match (304)',
    url,
    { origin: PORTAL_ORIGIN, 'if-none-match': etag },
    304,
  );
  await run(
    'GET unknown profile (404)',
    `http://127.0.0.1:${port}/profiles/nope/published`,
    {},
    404,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
