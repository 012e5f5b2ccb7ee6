import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { QUEUE_SCRIPTS } from '../scripts/queue-scripts';

describe('embedded Lua scripts', () => {
  it('lua-sources.generated.ts matches the .lua files (else run `npx nx run queue:embed-lua`)', () => {
    const generator = path.resolve(__dirname, '../../../../../tools/lua/embed-lua.mjs');
    expect(() => execFileSync(process.execPath, [generator, __dirname, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('every script file is registered under its name with its number of keys', () => {
    const files = readdirSync(__dirname).filter((file) => file.endsWith('.lua'));
    expect(
      Object.values(QUEUE_SCRIPTS)
        .map((s) => `${s.name}-${s.numKeys}.lua`)
        .sort(),
    ).toEqual(files.sort());
  });
});
