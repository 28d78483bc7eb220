/**
 * The real profile-server process for specs (`node --import tsx src/main.ts [flags]`): its output
 * collected, its exit awaited, waits for a line. `PROFILE_SERVER_*` variables of the jest process
 * are not passed on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The workspace root. */
export const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'projects/profile-server/src/main.ts');

/** A started process. */
export interface ServerProcess {
  readonly child: ChildProcess;
  /** Its stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  /** Its stdout so far. */
  stdout(): string;
  /** Its stderr so far. */
  stderr(): string;
  /** How it ended, once its output is read to the end (`close`, not `exit`). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the server.
 * @param flags its command-line flags
 * @returns the process
 */
export function runServer(flags: string[]): ServerProcess {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('PROFILE_SERVER_')),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...flags], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('close', (code, signal) => done({ code, signal })),
  );
  return { child, output: () => output, stdout: () => stdout, stderr: () => stderr, exited };
}

/**
 * Waits until the output matches.
 * @param server the process
 * @param pattern what to wait for
 * @param timeoutMs how long at most
 * @throws Error with the output when it exits first or the time is up
 */
export async function waitForOutput(
  server: ServerProcess,
  pattern: RegExp,
  timeoutMs = 20_000,
): Promise<void> {
  const started = Date.now();
  while (!pattern.test(server.output())) {
    if (server.child.exitCode !== null) throw new Error(`exited early:\n${server.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`timed out:\n${server.output()}`);
    await new Promise((wake) => setTimeout(wake, 50));
  }
}
