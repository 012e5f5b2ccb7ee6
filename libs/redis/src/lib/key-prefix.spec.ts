import { keyPrefixProblem } from './key-prefix';

describe('the REDIS_KEY_PREFIX rule', () => {
  it('accepts empty and ordinary prefixes', () => {
    expect(keyPrefixProblem('')).toBeUndefined();
    expect(keyPrefixProblem('dev-anna:')).toBeUndefined();
  });

  it('refuses braces, which would change the Cluster hash tag', () => {
    expect(keyPrefixProblem('{x}')).toMatch(/must not contain \{ or \}/);
  });

  it('refuses white space, control characters and overlong prefixes', () => {
    expect(keyPrefixProblem('a b')).toMatch(/white space/);
    expect(keyPrefixProblem('a\nb')).toMatch(/white space/);
    expect(keyPrefixProblem('x'.repeat(65))).toMatch(/at most 64/);
  });
});
