const withEsmPackages = require('../../tools/jest/esm-packages.cjs');

module.exports = withEsmPackages({
  ...require('../../jest.preset.cjs'),
  displayName: 'pods',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
});
