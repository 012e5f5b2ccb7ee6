module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'steps',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
