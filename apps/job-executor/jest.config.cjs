module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'job-executor',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
