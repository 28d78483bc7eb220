// Unit tests. Two jest projects: Angular code in jsdom (zoneless TestBed) and the Node servers of
// the local stack in a plain Node environment. Browser-only specs (`*.browser.spec.ts`) run in karma.
const { createCjsPreset } = require('jest-preset-angular/presets');

const angularPreset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...angularPreset,
      displayName: 'angular',
      rootDir: __dirname,
      roots: ['<rootDir>/projects'],
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: [
        '\\.browser\\.spec\\.ts$',
        '<rootDir>/projects/(dev-idp|genesys-sim|profile-server)/',
      ],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/setup-angular.ts'],
    },
    {
      ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.node.json' }),
      displayName: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/projects'],
      testEnvironment: 'node',
      testMatch: ['<rootDir>/projects/(dev-idp|genesys-sim|profile-server)/**/*.spec.ts'],
    },
  ],
};
