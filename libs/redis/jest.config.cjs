module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'redis',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
