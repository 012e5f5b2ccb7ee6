const { basename, join } = require('node:path');
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');

/**
 * The webpack config of a Node app in apps/<name>: bundles the app and the libs
 * it imports; npm packages stay external and are listed in a generated
 * package.json + lock file (what the Docker image installs).
 */
module.exports = function nodeAppConfig(appDir) {
  return {
    mode: 'production',
    output: { path: join(__dirname, '../../dist/apps', basename(appDir)), clean: true },
    devtool: 'source-map',
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        outputHashing: 'none',
        optimization: false,
        sourceMap: true,
        generatePackageJson: true,
        externalDependencies: 'all',
      }),
    ],
  };
};
