// Shared by every project's jest.config.cjs. ts-jest transpiles only (type
// checking is `nx build`/`tsc`'s job) so a test run stays fast on two cores.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.base.json') }],
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: __dirname + '/' }),
  globalSetup: path.join(__dirname, 'tools/testenv/jest-global-setup.cjs'),
  reporters: ['default', path.join(__dirname, 'tools/testenv/summary-reporter.cjs')],
  testTimeout: 60000,
};
