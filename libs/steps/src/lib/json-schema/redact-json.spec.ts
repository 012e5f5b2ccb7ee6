import type { JsonObject } from '@base-shift/core';
import { redactJson } from './redact-json';

describe('redactJson', () => {
  const input: JsonObject = {
    cardNumber: '4111111111111111',
    amount: 10,
    holder: { name: 'Ada', pin: '1234' },
    cards: [{ number: '1', kind: 'visa' }, { number: '2' }],
  };

  it('removes the members a path names, at any depth', () => {
    expect(redactJson(input, [['cardNumber'], ['holder', 'pin']])).toEqual({ amount: 10, holder: { name: 'Ada' }, cards: input.cards });
  });

  it('matches every child with null, and array items by index', () => {
    expect(redactJson(input, [['cards', null, 'number']])).toEqual({ ...input, cards: [{ kind: 'visa' }, {}] });
    expect(redactJson(input, [['cards', '0']])).toEqual({ ...input, cards: [{ number: '2' }] });
    expect(redactJson(input, [[null]])).toEqual({});
  });

  it('returns undefined when the whole value is sensitive', () => {
    expect(redactJson(input, [[]])).toBeUndefined();
  });

  it('returns the value itself when nothing matched, and never changes its argument', () => {
    const copy = structuredClone(input);
    expect(redactJson(input, [['missing'], ['amount', 'deeper']])).toBe(input);
    expect(redactJson(input, [])).toBe(input);
    redactJson(input, [['cardNumber']]);
    expect(input).toEqual(copy);
  });

  it('keeps a "__proto__" key as data', () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "secret": 2}');
    const redacted = redactJson(value, [['secret']]) as Record<string, unknown>;
    expect(Object.keys(redacted)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
  });
});
