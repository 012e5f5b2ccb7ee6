import { childPointer, pointerSegment, pointerTokens } from './json-pointer';
import { formatProblem } from './validation-problem';

describe('JSON Pointers (RFC 6901)', () => {
  it('escapes ~ and / in a reference token', () => {
    expect(pointerSegment('a/b~c')).toBe('a~1b~0c');
    expect(pointerSegment(3)).toBe('3');
  });

  it('builds a child pointer from a parent and keys', () => {
    expect(childPointer('', 'jobs', 1, 'dependsOn', 0)).toBe('/jobs/1/dependsOn/0');
    expect(childPointer('/input', 'card/number')).toBe('/input/card~1number');
  });

  it('splits a pointer back into its unescaped tokens', () => {
    expect(pointerTokens('')).toEqual([]);
    expect(pointerTokens('/input/card~1number/~0x')).toEqual(['input', 'card/number', '~x']);
    expect(pointerTokens(childPointer('', 'a/b', '~', 2))).toEqual(['a/b', '~', '2']);
  });

  it('formats a problem with its pointer, the root as /', () => {
    expect(formatProblem({ pointer: '/steps/1/config', message: 'is required' })).toBe('/steps/1/config: is required');
    expect(formatProblem({ pointer: '', message: 'must be an object' })).toBe('/: must be an object');
  });
});
