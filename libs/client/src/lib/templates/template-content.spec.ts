import { canonicalJson, parseTemplateDocument, sameContent } from './template-content';
import type { JobTemplate, TemplateDocument } from './template-types';

const document: TemplateDocument = {
  templateId: 'payment_gateway_template',
  version: '1.2.0',
  steps: [{ name: 'validate', type: 'validation', config: { rules: ['check_cvv'] } }],
  inputSchema: { type: 'object', properties: { amount: { type: 'number' } } },
  outputSchema: {},
};

const stored: JobTemplate = {
  templateId: 'payment_gateway_template',
  id: 'payment_gateway_template',
  version: '1.2.0',
  name: 'payment_gateway_template',
  description: null,
  deprecated: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  resourceClass: 'default',
  priority: 0,
  maxAttempts: 3,
  timeoutSeconds: 300,
  requiredSecrets: [],
  steps: [{ type: 'validation', config: { rules: ['check_cvv'] }, name: 'validate' }],
  inputSchema: { properties: { amount: { type: 'number' } }, type: 'object' },
  outputSchema: {},
  cursor: 'c',
};

describe('template content', () => {
  it('compares only the members the document sets, with object keys in any order', () => {
    expect(sameContent(document, stored)).toBe(true);
    expect(sameContent({ ...document, version: '9.9.9' }, stored)).toBe(true);
    expect(sameContent({ ...document, priority: 5 }, stored)).toBe(false);
    expect(sameContent({ ...document, steps: [{ name: 'validate', type: 'validation', config: { rules: ['check_card_number'] } }] }, stored)).toBe(false);
  });

  it('keeps array order significant', () => {
    expect(canonicalJson({ b: [2, 1], a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":[2,1]}');
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('accepts the seed document as written and names every wrong member by its pointer', () => {
    expect(parseTemplateDocument(document)).toBe(document);
    expect(() => parseTemplateDocument({ templateId: '', steps: {}, inputSchema: [], version: 1 })).toThrow(
      '/templateId: must be a non-empty string; /version: must be a string; /steps: must be an array; /inputSchema: must be an object; /outputSchema: must be an object',
    );
    expect(() => parseTemplateDocument(['a'])).toThrow('/: must be an object (a template document)');
  });
});
