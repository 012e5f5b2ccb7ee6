import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { WORKFLOW_SCRIPTS } from './lua-scripts';

describe('embedded Lua scripts', () => {
  it('are up to date with the .lua files', () => {
    const generator = join(__dirname, '../../../../../tools/lua/embed-lua.mjs');
    expect(() => execFileSync(process.execPath, [generator, join(__dirname, 'lua'), '--keep', 'transitions', '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('carry the transition table rendered from TypeScript, not a copy', () => {
    const script = WORKFLOW_SCRIPTS['apply-result'];
    expect(script.numKeys).toBe(6);
    expect(script.source).toContain('local JOB_NEXT = {');
    expect(script.source).not.toContain('-- @include');
    expect(script.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('every script file is registered under its name with its number of keys', () => {
    const files = readdirSync(join(__dirname, 'lua')).filter((file) => file.endsWith('.lua'));
    expect(
      Object.values(WORKFLOW_SCRIPTS)
        .map((s) => `${s.name}-${s.numKeys}.lua`)
        .sort(),
    ).toEqual(files.sort());
  });
});
