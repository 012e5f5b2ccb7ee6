import { embeddedLuaReport } from '@base-shift/testing';
import { POD_SCRIPTS } from './pod-scripts';

describe('embedded Lua scripts', () => {
  const report = embeddedLuaReport(__dirname, POD_SCRIPTS);

  it('lua-sources.generated.ts matches the .lua files (else run `npx nx run pods:embed-lua`)', () => {
    expect(report.staleness).toBe('');
  });

  it('every script file is registered under its name with its number of keys', () => {
    expect(report.registered).toEqual(report.files);
  });
});
