// jose ships ES modules only; jest runs CommonJS, so it is compiled for the tests (see esm-packages.cjs).
const withEsmPackages = require('../../tools/jest/esm-packages.cjs');

module.exports = withEsmPackages({
  ...require('../../jest.preset.cjs'),
  displayName: 'auth',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
});
