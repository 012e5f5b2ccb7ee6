import { evaluateMapping, MappingError } from './mapping';

const context = { input: { amount: 12.5, items: [{ sku: 'A-1' }], note: null }, job: { input: { orderId: 'o-7' } } };

describe('mapping evaluation', () => {
  it('replaces references from the step input and the job input, copying literals', () => {
    expect(
      evaluateMapping(
        {
          orderId: { $from: 'job.input.orderId' },
          total: { $from: 'input.amount' },
          first: { $from: 'input.items.0.sku' },
          note: { $from: 'input.note' },
          fixed: ['x', 1, true],
        },
        context,
      ),
    ).toEqual({ orderId: 'o-7', total: 12.5, first: 'A-1', note: null, fixed: ['x', 1, true] });
  });

  it('still reads $ref, the keyword before the rename (templates stored then)', () => {
    expect(evaluateMapping({ total: { $ref: 'input.amount' }, orderId: { $ref: 'job.input.orderId', default: 'none' } }, context)).toEqual({
      total: 12.5,
      orderId: 'o-7',
    });
  });

  it('returns the whole input for the bare root', () => {
    expect(evaluateMapping({ $from: 'input' }, context)).toEqual(context.input);
  });

  it('uses the default when nothing is at the path, and fails naming the path without one', () => {
    expect(evaluateMapping({ $from: 'input.missing.deeper', default: 0 }, context)).toBe(0);
    expect(() => evaluateMapping({ a: { $from: 'input.items.3.sku' } }, context)).toThrow(new MappingError('input.items.3.sku'));
  });
});
