import type { JsonValue } from '@base-shift/core';
import { pathsOverlap, referencedInputPaths, sensitiveInput } from './sensitive-input';

describe('sensitiveInput', () => {
  const writeOnly = [['cardNumber'], ['holder', 'pin']];

  it('maps a $ref at a writeOnly field to the workflow-input path it reads', () => {
    const job = { cardNumber: { $from: 'input.payment.card' }, amount: { $from: 'input.amount' } };
    expect(sensitiveInput(job, writeOnly)).toEqual({ inputPaths: [['payment', 'card']], literalPaths: [] });
  });

  it('a $ref above a writeOnly field makes the rest of the path sensitive under its target', () => {
    expect(sensitiveInput({ holder: { $from: 'input.customer' } }, writeOnly).inputPaths).toEqual([['customer', 'pin']]);
    expect(sensitiveInput({ $from: 'input' }, writeOnly).inputPaths).toEqual([['cardNumber'], ['holder', 'pin']]);
    expect(sensitiveInput({ cards: { $from: 'input.cards' } }, [['cards', null, 'number']]).inputPaths).toEqual([['cards', null, 'number']]);
  });

  it('a literal at a writeOnly field is sensitive, and so is every input $ref below it', () => {
    const job = { cardNumber: '4111111111111111', holder: { pin: { code: { $from: 'input.pin' }, from: { $from: 'jobs.a.output.pin' } } } };
    expect(sensitiveInput(job, writeOnly)).toEqual({ inputPaths: [['pin']], literalPaths: [['cardNumber'], ['holder', 'pin']] });
  });

  it('follows every array item for null steps and ignores refs to job outputs', () => {
    const job: JsonValue = { cards: [{ number: '1' }, { number: { $from: 'input.n' } }, { kind: 'x' }], other: { $from: 'jobs.a.output' } };
    expect(
      sensitiveInput(job, [
        ['cards', null, 'number'],
        ['other', 'secret'],
      ]),
    ).toEqual({
      inputPaths: [['n']],
      literalPaths: [['cards', '0', 'number']],
    });
  });

  it('finds nothing when the fields are absent', () => {
    expect(sensitiveInput({ amount: 1 }, writeOnly)).toEqual({ inputPaths: [], literalPaths: [] });
    expect(sensitiveInput({ amount: 1 }, [])).toEqual({ inputPaths: [], literalPaths: [] });
  });
});

describe('referencedInputPaths and pathsOverlap', () => {
  it('lists the input paths a job reads', () => {
    expect(referencedInputPaths({ a: { $from: 'input.x.y' }, b: [{ $from: 'input' }], c: { $from: 'jobs.j.output.z' } })).toEqual([['x', 'y'], []]);
  });

  it('overlap: at, above or below, with null matching any step', () => {
    expect(pathsOverlap(['a'], ['a', 'b'])).toBe(true);
    expect(pathsOverlap([], ['a'])).toBe(true);
    expect(pathsOverlap(['a', null, 'c'], ['a', '0', 'c'])).toBe(true);
    expect(pathsOverlap(['a', 'b'], ['a', 'c'])).toBe(false);
  });
});
