import { evaluateMapping, MappingError } from './mapping';

const context = { input: { amount: 12.5, items: [{ sku: 'A-1' }], note: null }, job: { input: { orderId: 'o-7' } } };

describe('mapping evaluation', () => {
  it('replaces $refs from the step input and the job input, copying literals', () => {
    expect(
      evaluateMapping(
        {
          orderId: { $ref: 'job.input.orderId' },
          total: { $ref: 'input.amount' },
          first: { $ref: 'input.items.0.sku' },
          note: { $ref: 'input.note' },
          fixed: ['x', 1, true],
        },
        context,
      ),
    ).toEqual({ orderId: 'o-7', total: 12.5, first: 'A-1', note: null, fixed: ['x', 1, true] });
  });

  it('returns the whole input for the bare root', () => {
    expect(evaluateMapping({ $ref: 'input' }, context)).toEqual(context.input);
  });

  it('uses the default when nothing is at the path, and fails naming the path without one', () => {
    expect(evaluateMapping({ $ref: 'input.missing.deeper', default: 0 }, context)).toBe(0);
    expect(() => evaluateMapping({ a: { $ref: 'input.items.3.sku' } }, context)).toThrow(new MappingError('input.items.3.sku'));
  });
});
