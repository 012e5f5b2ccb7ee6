import { embeddedLuaReport } from '@base-shift/testing';
import { AUTH_SCRIPTS } from './auth-scripts';

describe('embedded Lua scripts', () => {
  const report = embeddedLuaReport(__dirname, AUTH_SCRIPTS);

  it('lua-sources.generated.ts matches the .lua files (else run `npx nx run auth:embed-lua`)', () => {
    expect(report.staleness).toBe('');
  });

  it('every script file is registered under its name with its number of keys', () => {
    expect(report.registered).toEqual(report.files);
  });
});
