import path from 'node:path';

/**
 * Where the console's build is when CONSOLE_DIR is not set: next to the control plane's own build, as
 * `nx build` lays them out (dist/apps/control-plane/main.js, dist/apps/console/) and the image copies them.
 * Found from the script node runs (the built main.js), not the working directory, so it holds wherever
 * the control plane is started from.
 */
export function defaultConsoleDir(argv: readonly string[] = process.argv): string {
  const mainScript = argv[1];
  return mainScript ? path.resolve(path.dirname(mainScript), '../console') : path.resolve('dist/apps/console');
}
