import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { AUTH_SCRIPTS } from './auth-scripts';

describe('embedded Lua scripts', () => {
  it('lua-sources.generated.ts matches the .lua files (else run `npx nx run auth:embed-lua`)', () => {
    const generator = path.resolve(__dirname, '../../../../../tools/lua/embed-lua.mjs');
    expect(() => execFileSync(process.execPath, [generator, __dirname, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('every script file is registered under its name with its number of keys', () => {
    expect(
      Object.values(AUTH_SCRIPTS)
        .map((s) => `${s.name}-${s.numKeys}.lua`)
        .sort(),
    ).toEqual(
      readdirSync(__dirname)
        .filter((file) => file.endsWith('.lua'))
        .sort(),
    );
  });
});
