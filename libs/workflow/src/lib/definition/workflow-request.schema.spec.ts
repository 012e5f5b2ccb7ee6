import { createDocumentValidator, jsonSchemaProblems, type JsonSchema } from '@base-shift/steps';
import { CANCEL_WORKFLOW_REQUEST_SCHEMA, JOB_UPDATE_REQUEST_SCHEMA } from './job-requests.schema';
import { WORKFLOW_REQUEST_SCHEMA } from './workflow-request.schema';

const check = createDocumentValidator(WORKFLOW_REQUEST_SCHEMA);

const seed = {
  name: 'order o-1001',
  input: { orderId: 'o-1001', amount: 99.5, currency: 'EUR', items: [{ sku: 'A-1', quantity: 2 }] },
  priority: 10,
  timeoutSeconds: 3600,
  jobs: [
    { id: 'order_validation', templateId: 'order_validation', input: { orderId: { $from: 'input.orderId' }, items: { $from: 'input.items' } } },
    { id: 'payment_processing', templateId: 'payment_processing', version: '^1.0', priority: 20, input: { amount: { $from: 'input.amount' } } },
    {
      id: 'inventory_update',
      templateId: 'inventory_update',
      dependsOn: ['payment_processing'],
      input: { items: { $from: 'jobs.order_validation.output.items' } },
    },
  ],
};
const withJob = (extra: Record<string, unknown>) => ({ jobs: [{ id: 'a', templateId: 'order_validation', ...extra }] });
const jobs = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `j${i}`, templateId: 't' }));

describe('WORKFLOW_REQUEST_SCHEMA', () => {
  it('accepts the seed order workflow and every limit at its edge', () => {
    expect(check(seed)).toEqual([]);
    expect(check({ jobs: [{ id: 'a', templateId: 't' }] })).toEqual([]);
    expect(check({ name: 'n'.repeat(200), priority: -1000, timeoutSeconds: 2_592_000, jobs: jobs(200) })).toEqual([]);
    expect(check(withJob({ id: `a${'b'.repeat(63)}`, templateId: `9${'x'.repeat(127)}`, version: 'v'.repeat(100), priority: 1000, dependsOn: [] }))).toEqual(
      [],
    );
    expect(check(withJob({ priority: 2.5 }))).toEqual([]);
  });

  it.each<[string, unknown, string, string]>([
    ['a body that is no object', [], '', 'must be an object'],
    ['a body without jobs', {}, '/jobs', 'is required'],
    ['an empty job list', { jobs: [] }, '/jobs', 'must contain at least 1 item'],
    ['201 jobs', { jobs: jobs(201) }, '/jobs', 'must contain at most 200 items'],
    [
      'an unknown workflow property',
      { ...seed, state: 'RUNNING' },
      '/state',
      'is not allowed (allowed: name, input, priority, timeoutSeconds, retentionSeconds, jobs)',
    ],
    ['a blank name', { ...seed, name: '  ' }, '/name', 'must match the pattern \\S'],
    ['a name of 201 characters', { ...seed, name: 'n'.repeat(201) }, '/name', 'must be at most 200 characters long'],
    ['an input that is no object', { ...seed, input: [1] }, '/input', 'must be an object'],
    ["a priority above the templates' range", { ...seed, priority: 1001 }, '/priority', 'must be <= 1000'],
    ['a priority below it', { ...seed, priority: -1001 }, '/priority', 'must be >= -1000'],
    ['a priority that is no number', { ...seed, priority: 'high' }, '/priority', 'must be a number'],
    ['a timeout of 0 seconds', { ...seed, timeoutSeconds: 0 }, '/timeoutSeconds', 'must be >= 1'],
    ['a timeout over 30 days', { ...seed, timeoutSeconds: 2_592_001 }, '/timeoutSeconds', 'must be <= 2592000'],
    ['a fractional timeout', { ...seed, timeoutSeconds: 1.5 }, '/timeoutSeconds', 'must be an integer'],
    ['a job that is no object', { jobs: ['a'] }, '/jobs/0', 'must be an object'],
    ['a job id starting with a digit', withJob({ id: '9x' }), '/jobs/0/id', 'must match the pattern ^[A-Za-z][A-Za-z0-9_-]{0,63}$'],
    ['a job id of 65 characters', withJob({ id: 'a'.repeat(65) }), '/jobs/0/id', 'must match the pattern ^[A-Za-z][A-Za-z0-9_-]{0,63}$'],
    ['a job without templateId', { jobs: [{ id: 'a' }] }, '/jobs/0/templateId', 'is required'],
    [
      'a template id of 129 characters',
      withJob({ templateId: 't'.repeat(129) }),
      '/jobs/0/templateId',
      'must match the pattern ^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$',
    ],
    ['a template id starting with "_"', withJob({ templateId: '_t' }), '/jobs/0/templateId', 'must match the pattern ^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$'],
    ['a blank version', withJob({ version: ' ' }), '/jobs/0/version', 'must match the pattern \\S'],
    ['a version of 101 characters', withJob({ version: '1'.repeat(101) }), '/jobs/0/version', 'must be at most 100 characters long'],
    ['a job input that is no object', withJob({ input: 'x' }), '/jobs/0/input', 'must be an object'],
    ['a job priority of null', withJob({ priority: null }), '/jobs/0/priority', 'must be a number'],
    ['a job priority out of range', withJob({ priority: 1001 }), '/jobs/0/priority', 'must be <= 1000'],
    ['dependsOn that is no list', withJob({ dependsOn: 'b' }), '/jobs/0/dependsOn', 'must be an array'],
    ['dependsOn naming no job id', withJob({ dependsOn: ['b', 7] }), '/jobs/0/dependsOn/1', 'must be a string'],
    [
      'dependsOn listing 201 jobs',
      withJob({ dependsOn: Array.from({ length: 201 }, (_, i) => `j${i}`) }),
      '/jobs/0/dependsOn',
      'must contain at most 200 items',
    ],
    ['an unknown job property', withJob({ color: 'red' }), '/jobs/0/color', 'is not allowed (allowed: id, templateId, version, input, priority, dependsOn)'],
  ])('refuses %s, naming the pointer and the rule', (_case, body, pointer, message) => {
    expect(check(body)).toEqual([{ pointer, message }]);
  });
});

// What OpenAPI 3.0's Schema Object allows (the version @nestjs/swagger emits); JSON Schema
// 2020-12 shares all of them but `nullable`, `discriminator`, `xml` and `example`, which we avoid.
const OPENAPI_30_KEYWORDS = new Set([
  'title',
  'description',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'format',
  'type',
  'enum',
  'multipleOf',
  'maximum',
  'minimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
]);

function outsideOpenApi30(schema: JsonSchema, at = '#'): string[] {
  return Object.entries(schema).flatMap(([keyword, value]) => {
    const here = `${at}/${keyword}`;
    if (!OPENAPI_30_KEYWORDS.has(keyword)) return [here];
    if (keyword === 'type' && typeof value !== 'string') return [`${here} (one type only)`];
    if (keyword === 'properties') return Object.entries(value as Record<string, JsonSchema>).flatMap(([name, sub]) => outsideOpenApi30(sub, `${here}/${name}`));
    if (['allOf', 'oneOf', 'anyOf'].includes(keyword)) return (value as JsonSchema[]).flatMap((sub, i) => outsideOpenApi30(sub, `${here}/${i}`));
    if (['items', 'not', 'additionalProperties'].includes(keyword) && typeof value === 'object') return outsideOpenApi30(value as JsonSchema, here);
    return [];
  });
}

describe.each([
  ['WORKFLOW_REQUEST_SCHEMA', WORKFLOW_REQUEST_SCHEMA],
  ['JOB_UPDATE_REQUEST_SCHEMA', JOB_UPDATE_REQUEST_SCHEMA],
  ['CANCEL_WORKFLOW_REQUEST_SCHEMA', CANCEL_WORKFLOW_REQUEST_SCHEMA],
])('%s', (_name, schema) => {
  it('is a JSON Schema 2020-12 and an OpenAPI 3.0 Schema Object, so the API can publish what it checks', () => {
    expect(jsonSchemaProblems(schema, '')).toEqual([]);
    expect(outsideOpenApi30(schema)).toEqual([]);
  });
});
