// One consumer app from `ng new` to its Playwright spec, phase by phase, each timed.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SERVICES } from '../stack.mjs';
import { ngAddArgs } from './apps.mjs';
import { peerProblems } from './peer-check.mjs';
import { consumerEnv, runCommand } from './run-command.mjs';
import { wireConsumerApp } from './wire-app.mjs';

/** The phases, in order, with each one's limit in seconds. */
export const PHASES = [
  ['generate', 240],
  ['install', 240],
  ['ng add', 180],
  ['build', 240],
  ['e2e', 300],
];

/** A phase's limit in seconds. */
const phaseLimit = (phase) => PHASES.find(([name]) => name === phase)[1];

/** Thrown by a phase that failed; `detail` is shown under the failure. */
class PhaseError extends Error {
  constructor(message, detail = '') {
    super(message);
    this.detail = detail;
  }
}

/** The folder of the Node binary `version` from the npm registry (fetched by npx once). */
async function nodeBinOf(version, cwd) {
  const result = await runCommand(
    'npx',
    ['-y', '-p', `node@${version}`, 'node', '-p', 'process.execPath'],
    { label: `node@${version}`, cwd, env: consumerEnv(undefined), limitSeconds: 120 },
  );
  const execPath = result.output.trim().split('\n').pop() ?? '';
  if (!result.ok || !existsSync(execPath)) {
    throw new PhaseError(`could not get Node ${version} from the npm registry`, result.output);
  }
  return dirname(execPath);
}

/**
 * Runs the phases of one app.
 * @param {import('./apps.mjs').ConsumerApp} app
 * @param {{ workDir: string, tarball: string, workspace: string, reuse: boolean, stopBeforeE2e: boolean }} options
 * @returns {Promise<{ name: string, ok: boolean, seconds: Record<string, number>, failure?: string }>}
 */
export async function runConsumerApp(app, options) {
  const seconds = {};
  const root = join(options.workDir, app.name);
  // Only the app's own commands need its Node; e2e runs on the workspace's.
  const needsNode = app.node && !options.reuse;
  const nodeBin = needsNode
    ? await nodeBinOf(app.node, options.workDir).catch((e) => e)
    : undefined;
  if (nodeBin instanceof Error) {
    return { name: app.name, ok: false, seconds, failure: nodeBin.message };
  }
  const env = consumerEnv(nodeBin);
  const sh = async (phase, cwd, command, args, commandEnv = env) => {
    const limit = phaseLimit(phase);
    const result = await runCommand(command, args, {
      label: app.name,
      cwd,
      env: commandEnv,
      limitSeconds: limit,
    });
    if (!result.ok) {
      const why = result.overLimit ? `over its ${limit} s limit` : `exit ${result.status}`;
      throw new PhaseError(`${command} ${args.slice(0, 3).join(' ')} failed (${why})`);
    }
    return result.output;
  };

  const phases = {
    generate: () =>
      sh('generate', options.workDir, 'npx', [
        '-y',
        app.cli,
        'new',
        app.name,
        ...['--interactive=false', '--defaults', '--skip-git', '--skip-tests', '--ssr=false'],
        ...['--style=css', '--routing', '--ai-config=none'],
        `--standalone=${app.variant === 'standalone'}`,
      ]),
    install: async () => {
      await sh('install', root, 'npm', ['install', '--no-audit', '--no-fund', app.oidcClient]);
      wireConsumerApp(root, app.variant);
      // Checked before the exit code: npm warns of some peer problems and still succeeds.
      const install = await runCommand(
        'npm',
        ['install', '--no-audit', '--no-fund', options.tarball],
        { label: app.name, cwd: root, env, limitSeconds: phaseLimit('install') },
      );
      const problems = peerProblems(install.output);
      if (problems.length) {
        throw new PhaseError(
          'npm reported peer-dependency problems installing the library',
          `${problems.join('\n')}\n--- npm's whole output ---\n${install.output}`,
        );
      }
      if (!install.ok)
        throw new PhaseError(`npm install of the tarball failed (${install.status})`);
    },
    'ng add': async () => sh('ng add', root, 'npx', await ngAddArgs(app.name)),
    build: () => sh('build', root, 'npx', ['ng', 'build', '--configuration', 'production']),
    e2e: () => runE2e(app, root, (...args) => sh('e2e', options.workspace, ...args)),
  };

  for (const [phase] of PHASES) {
    if (options.reuse && phase !== 'e2e') continue;
    if (options.stopBeforeE2e && phase === 'e2e') break;
    const started = Date.now();
    console.log(`\n=== consumers ${app.name}: ${phase}`);
    try {
      await phases[phase]();
    } catch (error) {
      seconds[phase] = Math.round((Date.now() - started) / 1000);
      const detail = error instanceof PhaseError && error.detail ? `\n${error.detail}` : '';
      console.error(`=== consumers ${app.name}: ${phase} FAILED: ${error.message}${detail}`);
      return { name: app.name, ok: false, seconds, failure: `${phase}: ${error.message}` };
    }
    seconds[phase] = Math.round((Date.now() - started) / 1000);
  }
  return { name: app.name, ok: true, seconds };
}

/**
 * The servers of the consumer's e2e, from the local stack (tools/stack.mjs): the dev IdP, the
 * Genesys simulator, and the demo portal's static server serving the app's build instead.
 * @returns {{ name: string, command: string[], readyUrl: string }[]}
 */
function consumerStack(browserDir) {
  const service = (name) => {
    const found = SERVICES.find((s) => s.name === name);
    if (!found) throw new PhaseError(`tools/stack.mjs has no service "${name}"`);
    return { name, command: found.command, readyUrl: found.readyUrl };
  };
  const portal = service('demo-portal');
  const root = portal.command.indexOf('--root');
  const command = portal.command.map((arg, i) => (i === root + 1 ? browserDir : arg));
  return [service('dev-idp'), service('genesys-sim'), { ...portal, command }];
}

/**
 * The Playwright spec against the app's production build, served on the portal's origin; run by the
 * workspace's Playwright on the workspace's Node (the app is static files by now).
 */
function runE2e(app, root, runInWorkspace) {
  const browserDir = join(root, 'dist', app.name, 'browser');
  if (!existsSync(join(browserDir, 'index.html'))) {
    throw new PhaseError(`no build at ${browserDir}`);
  }
  const env = {
    ...consumerEnv(undefined),
    CONSUMER_STACK: JSON.stringify(consumerStack(browserDir)),
    CONSUMER_APP_NAME: app.name,
    CONSUMER_ANGULAR_MAJOR: String(app.angularMajor),
  };
  return runInWorkspace('npx', ['playwright', 'test', '-c', 'playwright.consumers.config.ts'], env);
}
