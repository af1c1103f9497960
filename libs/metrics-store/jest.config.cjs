// The AWS SDK warns once per process that its releases after January 2027 need Node 22. That is
// news for whoever upgrades the SDK, not for these tests: silenced here only (README.md "Notes").
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'metrics-store',
  rootDir: __dirname,
};
