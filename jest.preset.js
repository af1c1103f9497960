// Shared Jest settings for every project. Each project's jest.config.cjs spreads this preset.
// TypeScript is transpiled per file (isolatedModules) so tests start fast; `npm run typecheck`
// (part of `npm test`) is where types are checked.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Tests assert behaviour, never speed: a generous limit keeps a loaded CI machine from turning
  // real work (child processes, 1M-record reads, worker threads) into flaky failures.
  testTimeout: 60_000,
  testMatch: ['**/?(*.)+(spec|test).ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: require('node:path').join(__dirname, 'tsconfig.jest.json'),
        diagnostics: false,
      },
    ],
  },
  // Test-only tsconfig paths so a lib's tests import its siblings the way the code does.
  moduleNameMapper: {
    '^@trailpulse/event-schema$': '<rootDir>/../../libs/event-schema/src/index.ts',
    '^@trailpulse/event-schema/node$': '<rootDir>/../../libs/event-schema/src/node/index.ts',
    '^@trailpulse/analytics$': '<rootDir>/../../libs/analytics/src/index.ts',
    '^@trailpulse/analytics/node$': '<rootDir>/../../libs/analytics/src/node/index.ts',
    '^@trailpulse/anomaly$': '<rootDir>/../../libs/anomaly/src/index.ts',
    '^@trailpulse/anomaly/node$': '<rootDir>/../../libs/anomaly/src/node/index.ts',
    '^@trailpulse/metrics-store$': '<rootDir>/../../libs/metrics-store/src/index.ts',
    '^@trailpulse/api-contract$': '<rootDir>/../../libs/api-contract/src/index.ts',
  },
  coverageReporters: ['text-summary', 'lcov'],
};
