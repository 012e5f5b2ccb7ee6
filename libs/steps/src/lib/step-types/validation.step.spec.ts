import { validateStepConfig } from '../registry/step-registry';

const check = (rules: unknown) => validateStepConfig('validation', { rules }, '/steps/0');

describe('validation step config', () => {
  it('accepts named rules as strings or objects, and the generic rules', () => {
    expect(
      check([
        'check_cvv',
        { rule: 'check_card_number', field: 'payment.card.number' },
        { rule: 'required', field: 'orderId' },
        { rule: 'regex', field: 'currency', pattern: '^[A-Z]{3}$' },
        { rule: 'range', field: 'amount', min: 0.01 },
        { rule: 'schema', field: 'items', schema: { type: 'array', minItems: 1 } },
      ]),
    ).toEqual([]);
  });

  it('names the known rules when a rule is unknown', () => {
    expect(check(['check_pin', { rule: 'luhn', field: 'x' }])).toEqual([
      { pointer: '/steps/0/config/rules/0', message: 'must be one of check_card_number, check_expiry_date, check_cvv' },
      {
        pointer: '/steps/0/config/rules/1/rule',
        message: 'must be one of check_card_number, check_expiry_date, check_cvv, required, regex, range, schema',
      },
    ]);
  });

  it('checks each rule object against its own shape', () => {
    expect(
      check([{ rule: 'required' }, { rule: 'regex', field: 'a', pattern: '(' }, { rule: 'required', field: 'a', extra: 1 }, { rule: 'range', field: '.a' }]),
    ).toEqual([
      { pointer: '/steps/0/config/rules/0/field', message: 'is required' },
      { pointer: '/steps/0/config/rules/1/pattern', message: 'must be a valid regular expression (RE2 syntax, run in linear time)' },
      { pointer: '/steps/0/config/rules/2/extra', message: 'is not allowed (allowed: rule, field)' },
      { pointer: '/steps/0/config/rules/3/field', message: 'must be a dot path into the step input, e.g. "cardDetails.number" or "items.0.sku"' },
    ]);
  });

  it('needs at least one rule', () => {
    expect(check([])).toEqual([{ pointer: '/steps/0/config/rules', message: 'must contain at least 1 item' }]);
  });

  it('checks what the schema cannot: range bounds and embedded JSON Schemas', () => {
    expect(
      check([
        { rule: 'range', field: 'a' },
        { rule: 'range', field: 'a', min: 5, max: 1 },
        { rule: 'schema', schema: { type: 'strin' } },
        { rule: 'regex', field: 'a', pattern: '^(?!admin)' },
      ]),
    ).toEqual([
      { pointer: '/steps/0/config/rules/0', message: 'a range rule needs min, max or both' },
      { pointer: '/steps/0/config/rules/1/min', message: 'must be <= max (1)' },
      {
        pointer: '/steps/0/config/rules/2/schema/type',
        message: 'must be a JSON Schema type (string, number, integer, boolean, object, array, null) or a list of them',
      },
      {
        pointer: '/steps/0/config/rules/3/pattern',
        message: expect.stringMatching(/^is not a supported regular expression \(RE2 syntax: no backreferences or lookaround\)/),
      },
    ]);
  });
});
