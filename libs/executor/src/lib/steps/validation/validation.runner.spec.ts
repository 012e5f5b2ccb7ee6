import type { JsonValue } from '@base-shift/core';
import type { ValidationStepConfig } from '@base-shift/steps';
import { ValidationRuleFailedError } from '../../errors/executor-errors';
import { cardNumberProblem, cvvProblem, expiryDateProblem, luhnValid } from './card-rules';
import { validationRunner } from './validation.runner';

const context = { signal: new AbortController().signal, jobInput: null, idempotencyKey: 'k' };
const run = (config: ValidationStepConfig, input: JsonValue) => validationRunner.run(config, input, context);
const card = { number: '4111 1111 1111 1111', expiryDate: '12/99', cvv: '123' };

describe('card rules', () => {
  it('checks the Luhn sum', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
    expect(cardNumberProblem('4111-1111-1111-1111')).toBeUndefined();
    expect(cardNumberProblem('4111 1111 1111 1112')).toBe('fails the Luhn checksum');
    expect(cardNumberProblem('41111')).toBe('must be 12 to 19 digits (spaces and dashes allowed)');
    expect(cardNumberProblem({})).toBe('must be a card number (a string of digits)');
  });

  it('accepts an expiry date through the end of its month', () => {
    const now = new Date(Date.UTC(2026, 4, 31, 23, 59)); // 31 May 2026
    expect(expiryDateProblem('05/26', now)).toBeUndefined();
    expect(expiryDateProblem('5/2026', now)).toBeUndefined();
    expect(expiryDateProblem('04/26', now)).toBe('is in the past (the card has expired)');
    expect(expiryDateProblem('13/30', now)).toBe('must have a month between 01 and 12');
    expect(expiryDateProblem('2026-05', now)).toBe('must be an expiry date MM/YY or MM/YYYY');
  });

  it('wants 3 or 4 digits for the CVV', () => {
    expect(cvvProblem('123')).toBeUndefined();
    expect(cvvProblem('1234')).toBeUndefined();
    expect(cvvProblem(123)).toBeUndefined();
    expect(cvvProblem('12')).toBe('must be 3 or 4 digits');
    expect(cvvProblem('12a')).toBe('must be 3 or 4 digits');
  });
});

describe('validation step', () => {
  it('passes the input through when every rule holds', async () => {
    const input = { amount: 10, currency: 'EUR', cardDetails: card };
    await expect(run({ rules: ['check_card_number', 'check_expiry_date', 'check_cvv'] }, input)).resolves.toBe(input);
  });

  it('fails permanently with the rule and field named, never the value', async () => {
    const error = (await run({ rules: ['check_card_number'] }, { cardDetails: { ...card, number: '4111111111111112' } }).catch(
      (e: unknown) => e,
    )) as ValidationRuleFailedError;
    expect(error).toBeInstanceOf(ValidationRuleFailedError);
    expect(error.retryable).toBe(false);
    expect(error.code).toBe('EXECUTOR.VALIDATION_FAILED');
    expect(error.message).toBe('rule check_card_number failed for field cardDetails.number: fails the Luhn checksum');
    expect(JSON.stringify([error.message, error.details])).not.toContain('4111111111111112');
  });

  it('reads named rules from another field when told to', async () => {
    await expect(run({ rules: [{ rule: 'check_cvv', field: 'security.code' }] }, { security: { code: '99' } })).rejects.toThrow(
      'rule check_cvv failed for field security.code: must be 3 or 4 digits',
    );
  });

  it('applies the generic rules', async () => {
    const input = { name: 'Ada', amount: 250, items: [{ sku: 'AB-1' }], email: '' };
    await expect(
      run(
        {
          rules: [
            { rule: 'required', field: 'name' },
            { rule: 'regex', field: 'items.0.sku', pattern: '^[A-Z]{2}-\\d+$' },
            { rule: 'range', field: 'amount', min: 1, max: 1000 },
            { rule: 'schema', schema: { type: 'object', required: ['amount'] } },
          ],
        },
        input,
      ),
    ).resolves.toBe(input);
    await expect(run({ rules: [{ rule: 'required', field: 'email' }] }, input)).rejects.toThrow('rule required failed for field email: is required');
    await expect(run({ rules: [{ rule: 'regex', field: 'name', pattern: '^\\d+$' }] }, input)).rejects.toThrow(
      'rule regex failed for field name: must match the pattern ^\\d+$',
    );
    await expect(run({ rules: [{ rule: 'range', field: 'amount', max: 100 }] }, input)).rejects.toThrow('rule range failed for field amount: must be <= 100');
    await expect(run({ rules: [{ rule: 'range', field: 'missing', min: 0 }] }, input)).rejects.toThrow('rule range failed for field missing: is missing');
    await expect(run({ rules: [{ rule: 'schema', field: 'amount', schema: { type: 'string' } }] }, input)).rejects.toThrow(
      'rule schema failed for field amount: does not match the schema: must be a string',
    );
  });

  it('runs a regex rule in linear time, even a catastrophic-backtracking one', async () => {
    const started = performance.now();
    await expect(run({ rules: [{ rule: 'regex', field: 'name', pattern: '^(a+)+$' }] }, { name: `${'a'.repeat(40)}!` })).rejects.toThrow(
      'rule regex failed for field name: must match the pattern ^(a+)+$',
    );
    await expect(run({ rules: [{ rule: 'regex', field: 'name', pattern: '^(a+)+$' }] }, { name: 'a'.repeat(40) })).resolves.toEqual({ name: 'a'.repeat(40) });
    console.info(`regex rule ^(a+)+$ on 41 chars: ${(performance.now() - started).toFixed(1)} ms`);
  });

  it('stops at the first failed rule', async () => {
    await expect(
      run(
        {
          rules: [
            { rule: 'required', field: 'a' },
            { rule: 'required', field: 'b' },
          ],
        },
        {},
      ),
    ).rejects.toThrow('field a');
  });
});
