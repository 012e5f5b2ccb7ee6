import { referenceExpression, referenceKeyword } from './reference-keyword';

describe('reference objects', () => {
  it('recognise $from, and $ref as it was written before the rename', () => {
    expect(referenceKeyword({ $from: 'input.a' })).toBe('$from');
    expect(referenceKeyword({ $ref: 'input.a' })).toBe('$ref');
    expect(referenceKeyword({ $from: 'input.a', $ref: 'input.b' })).toBe('$from');
    expect(referenceExpression({ $from: 'jobs.a.output.b' })).toBe('jobs.a.output.b');
    expect(referenceExpression({ $ref: 'input' })).toBe('input');
  });

  it('leave plain data alone', () => {
    for (const value of [null, 'input.a', ['$from'], { from: 'input.a' }, { nested: { $from: 'x' } }]) expect(referenceKeyword(value)).toBeUndefined();
    expect(referenceExpression({ $from: 'input.a', default: 1 })).toBeUndefined();
    expect(referenceExpression({ $from: 42 })).toBeUndefined();
  });
});
