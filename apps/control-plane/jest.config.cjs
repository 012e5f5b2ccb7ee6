// The app imports @base-shift/pods, which imports @kubernetes/client-node (ES modules only).
const withEsmPackages = require('../../tools/jest/esm-packages.cjs');

module.exports = withEsmPackages({
  ...require('../../jest.preset.cjs'),
  displayName: 'control-plane',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
});
