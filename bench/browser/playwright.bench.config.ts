/**
 * The browser benchmark (`npm run bench -- browser`), kept out of the e2e suite: the same
 * Chromium and stack as playwright.config.ts, one spec that runs for minutes of real time.
 */
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import base from '../../playwright.config';

const ROOT = path.resolve(__dirname, '../..');

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: /side-by-side\.pw\.ts$/,
  // Not under test-results/, which every e2e run empties when it starts.
  outputDir: path.join(ROOT, 'dist/bench/browser-artifacts'),
  reporter: [['list']],
  // A trace of minutes of real time is large and says little; screenshots stay on failure.
  use: { ...base.use, trace: 'off' },
  // The spec sets its own timeout from the run's length.
  projects: [{ name: 'bench-browser' }],
  webServer: {
    ...(base.webServer as object),
    command: 'node tools/start.mjs',
    cwd: ROOT,
    // A stack someone left running may have other token lifetimes or state: start our own.
    reuseExistingServer: false,
  },
});
