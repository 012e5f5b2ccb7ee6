import { isPoolName, isTemplateId } from './name-rules';

describe('pool names', () => {
  it.each(['default', 'manual', 'Large_Memory.v2', 'a', 'a'.repeat(63)])('accepts %s', (name) => {
    expect(isPoolName(name)).toBe(true);
  });

  it.each(['', 'bad pool', '-bad', 'bad-', '_x', 'x.', 'a'.repeat(64), 'gpu/large', 'ümlaut', 7, undefined])(
    'refuses %j, which is no Kubernetes label value',
    (name) => {
      expect(isPoolName(name)).toBe(false);
    },
  );
});

describe('template ids', () => {
  it.each(['payment_gateway_template', 'order-validation.v2', '9lives', 'a'.repeat(128)])('accepts %s', (id) => {
    expect(isTemplateId(id)).toBe(true);
  });

  it.each(['', '_private', '.hidden', '-x', 'a'.repeat(129), 'with space', 'a/b', null])('refuses %j', (id) => {
    expect(isTemplateId(id)).toBe(false);
  });
});
