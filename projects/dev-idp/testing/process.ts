/**
 * Runs the real dev IdP as a child process (`node --import tsx .../main.ts`) for black-box tests.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import path from 'node:path';

/** Absolute path of the dev IdP's entry point. */
export const DEV_IDP_MAIN = findMain();

/** The workspace root (where `tsx` resolves from). */
const WORKSPACE_ROOT = path.resolve(path.dirname(DEV_IDP_MAIN), '../../..');

const READY = /^dev-idp: ready at (\S+) \(bound (\S+):(\d+);/m;

/** How a process ended. */
export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Result of {@link runCli}. */
export interface CliResult extends ExitInfo {
  readonly stdout: string;
  readonly stderr: string;
  /** Whether the process had to be killed after the timeout. */
  readonly timedOut: boolean;
}

/** A running dev IdP started by {@link startDevIdp}. */
export interface RunningDevIdp {
  /** Issuer from the ready line, e.g. `http://localhost:40123`. */
  readonly issuer: string;
  readonly port: number;
  /** Sends SIGTERM and resolves once the process has exited (SIGKILL after 5 s). */
  stop(): Promise<ExitInfo>;
  /** Everything the process wrote so far (stdout and stderr, in arrival order). */
  output(): string;
}

/** Options of {@link startDevIdp} and {@link runCli}. */
export interface ProcessOptions {
  /** Extra environment variables (inherited `DEV_IDP_*` variables are removed first). */
  readonly env?: Readonly<Record<string, string>>;
  /** Milliseconds to wait for readiness (startDevIdp) or exit (runCli). */
  readonly timeoutMs?: number;
}

/**
 * Starts the dev IdP on a free loopback port and waits until it reports ready.
 * @param flags extra command-line flags (a `--port` here overrides the free port)
 * @param options environment and timeout
 * @returns the running IdP
 */
export async function startDevIdp(
  flags: readonly string[] = [],
  options: ProcessOptions = {},
): Promise<RunningDevIdp> {
  const child = spawnDevIdp(['--port', String(await findFreePort()), ...flags], options.env);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = exitOf(child);

  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => fail('did not get ready in time'), options.timeoutMs ?? 20_000);
    const onData = () => {
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(match);
      }
    };
    function fail(reason: string) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`dev-idp ${reason}; output:\n${output}`));
    }
    child.stdout?.on('data', onData);
    void exited.then((info) => fail(`exited (code ${info.code}) before it was ready`));
  });

  return {
    issuer: ready[1] ?? '',
    port: Number(ready[3]),
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      return exited;
    },
  };
}

/**
 * Runs the dev IdP with the given flags until it exits (for configuration errors and `--help`).
 * @param flags command-line flags
 * @param options environment and timeout (default 15 s, then SIGKILL)
 * @returns exit code, signal and the collected output
 */
export async function runCli(
  flags: readonly string[],
  options: ProcessOptions = {},
): Promise<CliResult> {
  const child = spawnDevIdp(flags, options.env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 15_000);
  const info = await exitOf(child);
  clearTimeout(timer);
  return { ...info, stdout, stderr, timedOut };
}

/**
 * Finds a TCP port that is free on 127.0.0.1 right now.
 * @returns the port number
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Tells whether something accepts TCP connections on 127.0.0.1:port.
 * @param port the port to probe
 * @returns whether a connection succeeded
 */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function spawnDevIdp(
  flags: readonly string[],
  env?: Readonly<Record<string, string>>,
): ChildProcess {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('DEV_IDP_')),
  );
  return spawn(process.execPath, ['--import', 'tsx', DEV_IDP_MAIN, ...flags], {
    cwd: WORKSPACE_ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exitOf(child: ChildProcess): Promise<ExitInfo> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** Works from jest (CommonJS, `__dirname`) and from ESM runners (walks up from the cwd). */
function findMain(): string {
  const relative = path.join('projects', 'dev-idp', 'src', 'main.ts');
  const candidates: string[] = [];
  if (typeof __dirname === 'string') {
    candidates.push(path.resolve(__dirname, '..', 'src', 'main.ts'));
  }
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, relative));
    if (path.dirname(dir) === dir) {
      break;
    }
  }
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(`cannot find ${relative} from ${process.cwd()}`);
  }
  return found;
}
