import { createSchemaAjv, jsonSchemaProblems } from './schema-ajv';
import { compileLinearRegExp } from './linear-regexp';

const HOSTILE = `${'a'.repeat(40)}!`;

describe('user regular expressions', () => {
  it('runs a catastrophic-backtracking pattern in linear time', () => {
    const started = performance.now();
    expect(compileLinearRegExp('^(a+)+$').test(HOSTILE)).toBe(false);
    expect(compileLinearRegExp('^(a+)+$').test('aaa')).toBe(true);
    console.info(`^(a+)+$ on ${HOSTILE.length} chars: ${(performance.now() - started).toFixed(1)} ms`);
  });

  it('validates pattern and patternProperties through RE2 in user schemas', () => {
    const validate = createSchemaAjv().compile({
      type: 'object',
      properties: { name: { type: 'string', pattern: '^(a+)+$' } },
      patternProperties: { '^x-(a+)+$': { type: 'number' } },
    });
    expect(validate({ name: HOSTILE })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/name', keyword: 'pattern' });
    expect(validate({ name: 'aaaa', 'x-aa': 1 })).toBe(true);
    expect(validate({ name: 'aaaa', 'x-aa': 'one' })).toBe(false);
  });

  it('refuses backreferences and lookaround at the JSON Pointer of the pattern', () => {
    const problems = jsonSchemaProblems(
      {
        type: 'object',
        properties: { a: { type: 'string', pattern: '(a)\\1' }, b: { type: 'string', pattern: '^(?=x)' } },
        patternProperties: { 'a/(?!b)': true },
        default: { pattern: '(?=ignored: data, not a schema)' },
      },
      '/inputSchema',
    );
    expect(problems.map((problem) => problem.pointer)).toEqual([
      '/inputSchema/properties/a/pattern',
      '/inputSchema/properties/b/pattern',
      '/inputSchema/patternProperties/a~1(?!b)',
    ]);
    expect(problems[0].message).toMatch(/^is not a supported regular expression \(RE2 syntax/);
  });
});
