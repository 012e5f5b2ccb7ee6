// The CLI is built on commander 15 (ES modules only).
const withEsmPackages = require('../../tools/jest/esm-packages.cjs');

module.exports = withEsmPackages({
  ...require('../../jest.preset.cjs'),
  displayName: 'cli',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
});
