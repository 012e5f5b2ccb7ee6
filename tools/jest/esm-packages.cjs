// @kubernetes/client-node 1.x and the packages it imports, and commander 15 (the
// CLI's), ship ES modules only.
// Jest runs test code as CommonJS and cannot require() them without
// --experimental-vm-modules, so these files (and only these) are compiled to
// CommonJS by babel-jest. Node itself loads them natively (require(esm)), so the
// built apps need nothing of this. Spread into a project's jest.config.cjs.
const ESM_PACKAGES = ['@kubernetes/client-node', 'openid-client', 'oauth4webapi', 'jose', 'commander'];
const packages = ESM_PACKAGES.map((name) => name.replace('/', '[\\\\/]')).join('|');

module.exports = function withEsmPackages(config) {
  return {
    ...config,
    transform: {
      ...config.transform,
      [`[\\\\/]node_modules[\\\\/](${packages})[\\\\/].+\\.m?js$`]: [
        'babel-jest',
        { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] },
      ],
    },
    transformIgnorePatterns: [`[\\\\/]node_modules[\\\\/](?!(${packages})[\\\\/])`],
  };
};
