module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'executor',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
