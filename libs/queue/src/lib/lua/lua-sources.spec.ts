import { embeddedLuaReport } from '@base-shift/testing';
import { QUEUE_SCRIPTS } from '../scripts/queue-scripts';

describe('embedded Lua scripts', () => {
  const report = embeddedLuaReport(__dirname, QUEUE_SCRIPTS);

  it('lua-sources.generated.ts matches the .lua files (else run `npx nx run queue:embed-lua`)', () => {
    expect(report.staleness).toBe('');
  });

  it('every script file is registered under its name with its number of keys', () => {
    expect(report.registered).toEqual(report.files);
  });
});
