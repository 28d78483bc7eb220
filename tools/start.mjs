// `npm start`: installs what is missing, builds what is stale, starts every service of the local
// stack (tools/stack.mjs), waits until each answers, prints the URLs and the dev credentials.
// Ctrl-C (or SIGTERM) stops every process it started.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, ROOT, run } from './setup.mjs';

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/** Newest modification time of the files below the given folders (node_modules excluded). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    for (const entry of readdirSync(path)) {
      if (entry !== 'node_modules') visit(join(path, entry));
    }
  };
  paths
    .map((p) => join(ROOT, p))
    .filter(existsSync)
    .forEach(visit);
  return newest;
}

function buildIfStale({ project, output, sources }) {
  const built = join(ROOT, output);
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(sources)) return;
  console.log(`start: building ${project}…`);
  run('timeout', ['600', 'npx', 'ng', 'build', project]);
}

/** Starts one service, prefixing its output lines with its name. */
function launch(service) {
  const [command, ...args] = service.command;
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream, target) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) target.write(`[${service.name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  return child;
}

async function waitUntilReady(service, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${service.name} exited with ${child.exitCode}`);
    try {
      const response = await fetch(service.readyUrl, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet: try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} did not answer at ${service.readyUrl} within 60 s`);
}

async function devCredentials() {
  const { tsImport } = await import('tsx/esm/api');
  const { TEST_USERS } = await tsImport('../projects/dev-idp/src/accounts.ts', import.meta.url);
  return TEST_USERS.map(
    (u) => `${u.username} / ${u.password}  (${u.givenName} ${u.familyName}, ${u.roles.join(', ')})`,
  );
}

async function main() {
  ensureDependencies();
  const { SERVICES } = await import('./stack.mjs');
  for (const service of SERVICES) if (service.build) buildIfStale(service.build);

  const children = [];
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
            child.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    process.exit(code);
  };
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));

  try {
    for (const service of SERVICES) {
      const child = launch(service);
      children.push(child);
      child.on('exit', (code, signal) => {
        if (stopping) return;
        console.error(`start: ${service.name} stopped (${code ?? signal}); stopping the stack`);
        stopAll(1);
      });
      await waitUntilReady(service, child);
    }
  } catch (error) {
    console.error(`start: ${error.message}`);
    await stopAll(1);
  }

  const width = Math.max(...SERVICES.map((s) => s.name.length));
  console.log('\nThe local stack is up (Ctrl-C stops it):');
  for (const s of SERVICES) console.log(`  ${s.name.padEnd(width)}  ${s.url}`);
  console.log('\nDev-only sign-in accounts:');
  for (const line of await devCredentials()) console.log(`  ${line}`);
}

main().catch((error) => {
  console.error(`start: ${error.message}`);
  process.exit(1);
});
