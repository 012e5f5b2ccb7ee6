module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'control-plane',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
