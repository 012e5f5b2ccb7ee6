import { InvalidTemplateError } from '../errors/template-errors';
import { bumpVersion, highestVersion, parseVersionSelector, selectVersion, versionProblem } from './template-versions';

const v = (version: string, deprecated = false) => ({ version, deprecated });

describe('template versions', () => {
  it("bumps like the seed's update_template_version", () => {
    expect(bumpVersion('1.2.0', 'minor')).toBe('1.3.0');
    expect(bumpVersion('1.2.3', 'major')).toBe('2.0.0');
    expect(bumpVersion('1.2.3', 'patch')).toBe('1.2.4');
    expect(bumpVersion('2.0.0-rc.1', 'major')).toBe('2.0.0');
  });

  it('orders by semver precedence, not text', () => {
    expect(highestVersion(['1.9.0', '1.10.0', '1.10.0-rc.1'])).toBe('1.10.0');
    expect(highestVersion([])).toBeUndefined();
  });

  it('accepts only canonical versions without build metadata', () => {
    expect(versionProblem('1.2.0', '/version')).toBeUndefined();
    expect(versionProblem('2.0.0-rc.1', '/version')).toBeUndefined();
    expect(versionProblem('v1.2.0', '/version')).toEqual({ pointer: '/version', message: 'must be a semantic version such as 1.2.0 or 2.0.0-rc.1' });
    expect(versionProblem('1.2', '/version')?.message).toMatch(/semantic version/);
    expect(versionProblem('1.0.0+build.5', '/version')?.message).toMatch(/build metadata/);
  });

  it('reads exact versions, ranges and the default', () => {
    expect(parseVersionSelector('1.2.0')).toEqual({ kind: 'exact', version: '1.2.0' });
    expect(parseVersionSelector('^1.2')).toEqual({ kind: 'range', range: '^1.2' });
    expect(parseVersionSelector('>=2 <3')).toEqual({ kind: 'range', range: '>=2 <3' });
    expect(parseVersionSelector(undefined)).toEqual({ kind: 'default' });
    expect(parseVersionSelector('  ')).toEqual({ kind: 'default' });
    expect(() => parseVersionSelector('latest!', '/filter/version')).toThrow(InvalidTemplateError);
  });

  describe('selectVersion', () => {
    const available = [v('1.2.0'), v('1.3.0', true), v('1.4.0-beta.1'), v('2.0.0'), v('2.1.0', true), v('3.0.0-rc.1')];
    const select = (input?: string) => selectVersion(available, parseVersionSelector(input));

    it('an exact version resolves even when deprecated', () => {
      expect(select('1.3.0')).toBe('1.3.0');
      expect(select('1.9.9')).toBeUndefined();
    });

    it('a range resolves to the highest satisfying non-deprecated, non-prerelease version', () => {
      expect(select('^1.2')).toBe('1.2.0');
      expect(select('~1.2.3')).toBeUndefined();
      expect(select('>=2 <3')).toBe('2.0.0');
      expect(select('^1.4.0-beta.0')).toBe('1.4.0-beta.1');
    });

    it('no version resolves to the highest non-deprecated, non-prerelease version', () => {
      expect(select()).toBe('2.0.0');
      expect(selectVersion([v('1.0.0', true), v('2.0.0-rc.1')], { kind: 'default' })).toBeUndefined();
    });
  });
});
