module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'job-contract',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
