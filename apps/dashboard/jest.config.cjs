// Angular components and services run in jsdom through jest-preset-angular (zoneless, like the
// app). The root preset's ts-jest transform is replaced by the Angular one, which compiles
// templates; everything else (timeouts, test names, @trailpulse/* mappings) comes from the preset.
const path = require('node:path');
const { createCjsPreset } = require('jest-preset-angular/presets');

const rootPreset = require('../../jest.preset.js');
const angularPreset = createCjsPreset({ tsconfig: path.join(__dirname, 'tsconfig.spec.json') });

/** @type {import('jest').Config} */
module.exports = {
  ...rootPreset,
  ...angularPreset,
  testMatch: rootPreset.testMatch,
  moduleNameMapper: rootPreset.moduleNameMapper,
  displayName: 'dashboard',
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  // echarts, zrender and ngx-echarts ship ES modules (.js in "type": "module" packages, or .mjs).
  transformIgnorePatterns: ['node_modules/(?!(echarts|zrender|ngx-echarts|tslib)/|.*\\.mjs$)'],
};
