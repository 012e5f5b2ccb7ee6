module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'templates',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
