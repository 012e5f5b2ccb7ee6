import { join } from 'node:path';
import { embeddedLuaReport } from '@base-shift/testing';
import { WORKFLOW_SCRIPTS } from './lua-scripts';

describe('embedded Lua scripts', () => {
  const report = embeddedLuaReport(join(__dirname, 'lua'), WORKFLOW_SCRIPTS, ['transitions']);

  it('are up to date with the .lua files (else run `npx nx run workflow:embed-lua`)', () => {
    expect(report.staleness).toBe('');
  });

  it('carry the transition table rendered from TypeScript, not a copy', () => {
    const script = WORKFLOW_SCRIPTS['apply-result'];
    expect(script.numKeys).toBe(6);
    expect(script.source).toContain('local JOB_NEXT = {');
    expect(script.source).not.toContain('-- @include');
    expect(script.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('every script file is registered under its name with its number of keys', () => {
    expect(report.registered).toEqual(report.files);
  });
});
