// One local runtime (a child process replaying a fixed corpus) serves every spec: globalSetup
// builds the dashboard when it is stale, prepares the replay, computes the expected numbers with
// `trailpulse analyze` and starts the runtime; each spec file drives its own Chromium against it.
// The files run one at a time (a browser per worker would overload a 2-core machine).
/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'dashboard-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/e2e/**/*.e2e.spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 120_000,
};
