// Playwright for the consumer apps tools/consumers.mjs generates, one app at a time: the app is
// served as the portal on http://localhost:4200 (the origin the dev IdP's clients know) next to the
// dev IdP and the Genesys simulator, as tools/stack.mjs declares them; no demo portal.
import { defineConfig } from '@playwright/test';
import baseConfig from './playwright.config';

interface StackServer {
  readonly name: string;
  readonly command: readonly string[];
  readonly readyUrl: string;
}

/** The servers tools/consumers.mjs picked from tools/stack.mjs (Playwright cannot load .mjs). */
function consumerStack(): StackServer[] {
  const given = process.env['CONSUMER_STACK'];
  if (!given) {
    throw new Error(
      'CONSUMER_STACK is not set: tools/consumers.mjs runs this config for each consumer app ' +
        '(npm test -- consumers)',
    );
  }
  return JSON.parse(given) as StackServer[];
}

/** A shell command line of an argv (the stack's arguments hold no single quotes). */
const commandLine = (argv: readonly string[]) => argv.map((arg) => `'${arg}'`).join(' ');

export default defineConfig({
  ...baseConfig,
  testDir: 'e2e-consumers',
  outputDir: 'test-results/consumers',
  reporter: [['list']],
  projects: undefined,
  webServer: consumerStack().map((server) => ({
    name: server.name,
    command: commandLine(server.command),
    url: server.readyUrl,
    reuseExistingServer: false,
    timeout: 60_000,
    // Their errors only: request logs would drown the test's output.
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  })),
});
