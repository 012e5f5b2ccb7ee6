import { findRefs, parseRef, resolveRefs } from './input-refs';

describe('parseRef', () => {
  it('reads the two roots', () => {
    expect(parseRef('input')).toEqual({ source: 'input', path: [] });
    expect(parseRef('input.order.items.0')).toEqual({ source: 'input', path: ['order', 'items', '0'] });
    expect(parseRef('jobs.order_validation.output.orderId')).toEqual({ source: 'job', jobId: 'order_validation', path: ['orderId'] });
  });

  it('explains malformed expressions', () => {
    expect(parseRef('jobs.a.input.x')).toEqual({ error: expect.stringContaining('expected "input[.<key>...]" or "jobs.<jobId>.output[.<key>...]"') });
    expect(parseRef('input..x')).toEqual({ error: expect.stringContaining('segments are letters') });
  });
});

describe('resolveRefs', () => {
  const sources = {
    input: { orderId: 'o-1', lines: [{ sku: 'A' }, { sku: 'B' }] },
    outputs: new Map([['order_validation', { orderId: 'o-1', total: 42, ok: true }]]),
  };

  it('replaces refs anywhere, in objects and arrays, with copies of the values', () => {
    const result = resolveRefs(
      { id: { $from: 'input.orderId' }, second: { $from: 'input.lines.1.sku' }, all: [{ $from: 'jobs.order_validation.output' }], fixed: 3 },
      '/jobs/1/input',
      sources,
    );
    expect(result).toEqual({ value: { id: 'o-1', second: 'B', all: [{ orderId: 'o-1', total: 42, ok: true }], fixed: 3 } });
  });

  it('names the field and the missing piece when a ref points at nothing', () => {
    const result = resolveRefs(
      {
        a: { $from: 'input.missing' },
        b: { $from: 'jobs.order_validation.output.total.cents' },
        c: { $from: 'jobs.later.output' },
        d: { $from: 'input.lines.5' },
      },
      '/jobs/1/input',
      sources,
    );
    expect(result).toEqual({
      problems: [
        { pointer: '/jobs/1/input/a', message: '$from "input.missing": input has no property "missing"' },
        {
          pointer: '/jobs/1/input/b',
          message: '$from "jobs.order_validation.output.total.cents": jobs.order_validation.output.total is number, not an object',
        },
        { pointer: '/jobs/1/input/c', message: '$from "jobs.later.output": job later has no output yet' },
        { pointer: '/jobs/1/input/d', message: '$from "input.lines.5": input.lines has no item 5 (length 2)' },
      ],
    });
  });

  it('keeps a "__proto__" key as plain data', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "x": {"$from": "input.orderId"}}');
    const result = resolveRefs(input, '/input', sources) as { value: Record<string, unknown> };
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(Object.hasOwn(result.value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('still reads $ref, the keyword before the rename (workflows stored then), naming it in messages', () => {
    expect(resolveRefs({ id: { $ref: 'input.orderId' } }, '/in', sources)).toEqual({ value: { id: 'o-1' } });
    expect(resolveRefs({ a: { $ref: 'input.nope' } }, '/in', sources)).toEqual({
      problems: [{ pointer: '/in/a', message: '$ref "input.nope": input has no property "nope"' }],
    });
    expect(findRefs({ a: { $ref: 'input.orderId' } }, '/in').refs).toEqual([
      { pointer: '/in/a', keyword: '$ref', expression: 'input.orderId', target: { source: 'input', path: ['orderId'] } },
    ]);
    // Both keywords in one object: $from is the reference, $ref an extra key.
    expect(findRefs({ both: { $from: 'input.orderId', $ref: 'input.x' } }, '/in').problems).toEqual([
      { pointer: '/in/both', message: 'a {"$from": ...} object must have no other keys' },
    ]);
  });

  it('does not follow inherited properties', () => {
    expect(resolveRefs({ a: { $from: 'input.toString' } }, '/x', sources)).toEqual({
      problems: [{ pointer: '/x/a', message: '$from "input.toString": input has no property "toString"' }],
    });
  });
});

describe('findRefs', () => {
  it('lists refs with their JSON Pointers, escaping "/" and "~" in keys', () => {
    const input = { a: [{ b: { $from: 'input.k' } }], 'odd key': { $from: 'input' }, 'a/b~c': { $from: 'input' } };
    expect(findRefs(input, '/jobs/0/input').refs.map((r) => r.pointer)).toEqual(['/jobs/0/input/a/0/b', '/jobs/0/input/odd key', '/jobs/0/input/a~1b~0c']);
  });
});
