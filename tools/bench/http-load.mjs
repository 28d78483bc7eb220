// A bounded HTTP load generator, run as its own process so that it does not share an event loop
// with the servers it measures: keeps `connections` requests in flight over keep-alive
// connections (undici's pool, at most `connections` sockets) for `seconds`, then prints one JSON
// line: requests, requests per second, p50 and p99 latency (ms), responses with another status.
//
// Usage: node tools/bench/http-load.mjs '{"url":"http://127.0.0.1:4600/…","headers":{},
//        "connections":16,"seconds":10,"expectStatus":200}'
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';

const LIMITS = { connections: [1, 256], seconds: [1, 600] };

function readJob(text) {
  let job;
  try {
    job = JSON.parse(text ?? '');
  } catch {
    throw new Error(
      'http-load: pass one JSON argument {url, headers, connections, seconds, expectStatus}',
    );
  }
  const url = new URL(job.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`http-load: loopback targets only, got ${url.hostname}`);
  }
  for (const [name, [min, max]] of Object.entries(LIMITS)) {
    const value = job[name];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(
        `http-load: ${name} must be a whole number from ${min} to ${max}, got ${value}`,
      );
    }
  }
  return { headers: {}, expectStatus: 200, ...job };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const job = readJob(process.argv[2]);
const dispatcher = new Agent({ connections: job.connections, pipelining: 1 });
const latencies = [];
let otherStatus = 0;
const end = performance.now() + job.seconds * 1000;
const worker = async () => {
  while (performance.now() < end) {
    const started = performance.now();
    const response = await request(job.url, { headers: job.headers, dispatcher });
    await response.body.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.statusCode !== job.expectStatus) otherStatus++;
  }
};
const started = performance.now();
await Promise.all(Array.from({ length: job.connections }, worker));
const elapsedS = (performance.now() - started) / 1000;
await dispatcher.close();
latencies.sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({
    requests: latencies.length,
    rps: latencies.length / elapsedS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    otherStatus,
  })}\n`,
);
