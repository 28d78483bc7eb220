import { defineConfig } from '@playwright/test';
import { CROSS_SITE_PORTAL, CROSS_SITE_PROJECT } from './e2e/support/stack';

/** The machine's Debian Chromium; Playwright never downloads a browser here. */
const CHROMIUM = process.env['CHROME_BIN'] ?? '/usr/bin/chromium';

/** Specs of the project `cross-site`: `e2e/cross-site.<topic>.spec.ts`. */
const CROSS_SITE_SPECS = /(^|[\\/])cross-site\.[^\\/]+\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // The tests share one stack (one IdP session store, later one Genesys simulator): run them serially.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: 'http://localhost:4200',
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // The portal and the IdP on one site (localhost): every spec but the cross-site ones.
    { name: 'same-site', testIgnore: CROSS_SITE_SPECS },
    // The portal on http://127.0.0.1:4200, another site than the IdP on localhost, in a Chromium
    // that blocks third-party cookies: its specs import `test` from e2e/support/cross-site.ts,
    // which gives each test a Chromium profile with that setting.
    {
      name: CROSS_SITE_PROJECT,
      testMatch: CROSS_SITE_SPECS,
      use: { baseURL: CROSS_SITE_PORTAL },
    },
  ],
  webServer: {
    // The same stack people start with `npm start`, declared once in tools/stack.mjs.
    command: 'node tools/start.mjs',
    url: 'http://localhost:4200/',
    reuseExistingServer: !process.env['CI'],
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
