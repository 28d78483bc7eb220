// Unit tests. Two jest projects: Angular code in jsdom (zoneless TestBed) and the Node servers of
// the local stack in a plain Node environment. Browser-only specs (`*.browser.spec.ts`) run in karma.
const { createCjsPreset } = require('jest-preset-angular/presets');

const angularPreset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

/** Specs import the library's entry points from source, not from dist/. */
const LIBRARY_SOURCES = {
  '^ngx-genesys-messenger-auth$': '<rootDir>/projects/ngx-genesys-messenger-auth/src/public-api.ts',
  '^ngx-genesys-messenger-auth/(.*)$':
    '<rootDir>/projects/ngx-genesys-messenger-auth/$1/public-api.ts',
};

/** @type {import('jest').Config} */
/**
 * The coverage benchmark (bench/coverage): its checks are specs of `npm test`; the full run
 * (`*.bench.ts`, all strategies) only when `npm run bench -- coverage` sets BENCH_RUN.
 */
const benchProject = {
  ...angularPreset,
  displayName: 'bench',
  rootDir: __dirname,
  roots: ['<rootDir>/bench'],
  testMatch: process.env.BENCH_RUN ? ['**/*.bench.ts'] : ['**/*.spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/tools/jest/setup-angular.ts'],
  moduleNameMapper: { ...angularPreset.moduleNameMapper, ...LIBRARY_SOURCES },
};

/**
 * The profile server's specs that store anything, again on PostgreSQL: one throwaway cluster for
 * the run (globalSetup), a fresh schema per test server. The specs of `src/postgres/` (the engine
 * itself, two server processes on one database) run only here.
 */
const PROFILE_SERVER_ON_POSTGRES = [
  'access',
  'admin-api',
  'concurrency',
  'environment-origins',
  'lifecycle-api',
  'portal-api',
  'publish-api',
  'rate-limit',
  'seed',
  'postgres/*',
].map((spec) => `<rootDir>/projects/profile-server/src/${spec}.spec.ts`);

module.exports = {
  projects: [
    benchProject,
    {
      ...angularPreset,
      displayName: 'angular',
      rootDir: __dirname,
      roots: ['<rootDir>/projects'],
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: [
        '\\.browser\\.spec\\.ts$',
        '<rootDir>/projects/(node-kit|dev-idp|genesys-sim|profile-server)/',
        '<rootDir>/projects/ngx-genesys-messenger-auth/schematics/',
      ],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/setup-angular.ts'],
      moduleNameMapper: {
        ...angularPreset.moduleNameMapper,
        ...LIBRARY_SOURCES,
      },
    },
    {
      ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.node.json' }),
      displayName: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/projects', '<rootDir>/tools'],
      testPathIgnorePatterns: ['<rootDir>/projects/profile-server/src/postgres/'],
      testEnvironment: 'node',
      // These specs start real server processes; on a loaded 2-core machine that takes seconds.
      testTimeout: 30_000,
      moduleNameMapper: LIBRARY_SOURCES,
      // ESM-only packages the server specs import, compiled to CommonJS for jest.
      transformIgnorePatterns: ['node_modules/(?!(jose)/)'],
      testMatch: [
        '<rootDir>/projects/(node-kit|dev-idp|genesys-sim|profile-server)/**/*.spec.ts',
        // The dev tool that serves the built apps, a real process like the servers.
        '<rootDir>/tools/serve-static.spec.ts',
        // The ng-add schematic runs in Node, as the Angular CLI runs it.
        '<rootDir>/projects/ngx-genesys-messenger-auth/schematics/**/*.spec.ts',
      ],
    },
    {
      ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.node.json' }),
      displayName: 'profile-server (postgres)',
      rootDir: __dirname,
      roots: ['<rootDir>/projects/profile-server'],
      testEnvironment: 'node',
      testTimeout: 30_000,
      moduleNameMapper: LIBRARY_SOURCES,
      transformIgnorePatterns: ['node_modules/(?!(jose)/)'],
      globalSetup: '<rootDir>/projects/profile-server/testing/jest-postgres.ts',
      globalTeardown: '<rootDir>/projects/profile-server/testing/jest-postgres-teardown.ts',
      setupFiles: ['<rootDir>/projects/profile-server/testing/jest-postgres-env.ts'],
      testMatch: PROFILE_SERVER_ON_POSTGRES,
    },
  ],
};
