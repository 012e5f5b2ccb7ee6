import { readDotPath } from './dot-path';

describe('readDotPath', () => {
  const value = { cardDetails: { number: '4111' }, items: [{ sku: 'A-1' }], note: null };

  it('reads property names and array indexes', () => {
    expect(readDotPath(value, 'cardDetails.number')).toBe('4111');
    expect(readDotPath(value, 'items.0.sku')).toBe('A-1');
    expect(readDotPath(value, 'note')).toBeNull();
  });

  it('finds nothing past a missing part, in a primitive, or by name in an array', () => {
    expect(readDotPath(value, 'cardDetails.cvv')).toBeUndefined();
    expect(readDotPath(value, 'items.3.sku')).toBeUndefined();
    expect(readDotPath(value, 'cardDetails.number.length')).toBeUndefined();
    expect(readDotPath(value, 'items.length')).toBeUndefined();
    expect(readDotPath(value, 'toString')).toBeUndefined();
  });
});
