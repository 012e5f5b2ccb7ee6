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
      { id: { $ref: 'input.orderId' }, second: { $ref: 'input.lines.1.sku' }, all: [{ $ref: 'jobs.order_validation.output' }], fixed: 3 },
      '/jobs/1/input',
      sources,
    );
    expect(result).toEqual({ value: { id: 'o-1', second: 'B', all: [{ orderId: 'o-1', total: 42, ok: true }], fixed: 3 } });
  });

  it('names the field and the missing piece when a ref points at nothing', () => {
    const result = resolveRefs(
      { a: { $ref: 'input.missing' }, b: { $ref: 'jobs.order_validation.output.total.cents' }, c: { $ref: 'jobs.later.output' }, d: { $ref: 'input.lines.5' } },
      '/jobs/1/input',
      sources,
    );
    expect(result).toEqual({
      problems: [
        { pointer: '/jobs/1/input/a', message: '$ref "input.missing": input has no property "missing"' },
        { pointer: '/jobs/1/input/b', message: '$ref "jobs.order_validation.output.total.cents": jobs.order_validation.output.total is number, not an object' },
        { pointer: '/jobs/1/input/c', message: '$ref "jobs.later.output": job later has no output yet' },
        { pointer: '/jobs/1/input/d', message: '$ref "input.lines.5": input.lines has no item 5 (length 2)' },
      ],
    });
  });

  it('keeps a "__proto__" key as plain data', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "x": {"$ref": "input.orderId"}}');
    const result = resolveRefs(input, '/input', sources) as { value: Record<string, unknown> };
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(Object.hasOwn(result.value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not follow inherited properties', () => {
    expect(resolveRefs({ a: { $ref: 'input.toString' } }, '/x', sources)).toEqual({
      problems: [{ pointer: '/x/a', message: '$ref "input.toString": input has no property "toString"' }],
    });
  });
});

describe('findRefs', () => {
  it('lists refs with their JSON Pointers, escaping "/" and "~" in keys', () => {
    const input = { a: [{ b: { $ref: 'input.k' } }], 'odd key': { $ref: 'input' }, 'a/b~c': { $ref: 'input' } };
    expect(findRefs(input, '/jobs/0/input').refs.map((r) => r.pointer)).toEqual(['/jobs/0/input/a/0/b', '/jobs/0/input/odd key', '/jobs/0/input/a~1b~0c']);
  });
});
