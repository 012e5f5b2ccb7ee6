// The console's end-to-end tests: Debian's Chromium, driven by playwright-core, against a built control
// plane (serving the built console at /ui) and a built executor. `nx test console-e2e` builds all three first.
const path = require('node:path');
// @base-shift/auth (the key format) imports jose, which ships ES modules only.
const withEsmPackages = require('../../tools/jest/esm-packages.cjs');

module.exports = withEsmPackages({
  ...require('../../jest.preset.cjs'),
  displayName: 'console-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
  // Redis and FerretDB as for every project, plus the browser (installed from Debian when missing).
  globalSetup: path.join(__dirname, 'jest.global-setup.cjs'),
  // One browser and one stack at a time on a two-core machine.
  maxWorkers: 1,
  testTimeout: 120000,
});
