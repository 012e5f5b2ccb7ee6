import path from 'node:path';
import { defaultConsoleDir } from './console-directory';

describe('defaultConsoleDir: the console build next to the control plane build', () => {
  it('is dist/apps/console beside the built main.js, wherever the process was started from', () => {
    expect(defaultConsoleDir(['node', '/app/dist/apps/control-plane/main.js'])).toBe('/app/dist/apps/console');
    expect(defaultConsoleDir(['node', 'dist/apps/control-plane/main.js'])).toBe(path.resolve('dist/apps/console'));
  });

  it('falls back to dist/apps/console under the working directory when node runs no script (node -e, a REPL)', () => {
    expect(defaultConsoleDir(['node'])).toBe(path.resolve('dist/apps/console'));
  });
});
