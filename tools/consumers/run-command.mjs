// Runs one command of a consumer app: in its own process group (a command over its limit is
// stopped with everything it started), its output streamed with the app's name in front and kept
// for checks such as the peer-dependency one.
import { spawn } from 'node:child_process';
import { delimiter } from 'node:path';

const KILL_GRACE_MS = 5_000;

/**
 * The environment of a consumer app's commands: the caller's, without what `npm test` adds for its
 * own scripts (`npm_*`, `INIT_CWD`), so that npm and the Angular CLI in the app behave as in a
 * fresh shell; with `nodeBin` (a folder holding another Node) first on the PATH.
 * @param {string | undefined} nodeBin
 */
export function consumerEnv(nodeBin) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD'),
  );
  env.FORCE_COLOR = '0';
  env.NG_CLI_ANALYTICS = 'false';
  env.CI = env.CI ?? '1';
  if (nodeBin) env.PATH = `${nodeBin}${delimiter}${env.PATH ?? ''}`;
  return env;
}

/**
 * Runs `command args` in `cwd`, printing its output lines as `[label] …`.
 * @param {{ label: string, cwd: string, env: NodeJS.ProcessEnv, limitSeconds: number }} options
 * @returns {Promise<{ ok: boolean, status: number | null, output: string, overLimit: boolean }>}
 */
export function runCommand(command, args, { label, cwd, env, limitSeconds }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const relay = (stream, target) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        output += chunk;
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) target.write(`[${label}] ${line}\n`);
      });
      stream.on('end', () => rest && target.write(`[${label}] ${rest}\n`));
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);

    const signalGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // ESRCH: the group has already exited.
      }
    };
    let overLimit = false;
    let killTimer;
    const limitTimer = setTimeout(() => {
      overLimit = true;
      console.error(`[${label}] ${command} ran over its ${limitSeconds} s limit; stopping it`);
      signalGroup('SIGTERM');
      killTimer = setTimeout(() => signalGroup('SIGKILL'), KILL_GRACE_MS);
    }, limitSeconds * 1000);

    child.on('error', (error) => {
      output += `could not start ${command}: ${error.message}\n`;
    });
    child.on('close', (status) => {
      clearTimeout(limitTimer);
      clearTimeout(killTimer);
      resolve({ ok: status === 0 && !overLimit, status, output, overLimit });
    });
  });
}
