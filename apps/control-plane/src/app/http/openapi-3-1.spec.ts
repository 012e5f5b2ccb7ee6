import type { OpenAPIObject } from '@nestjs/swagger';
import { toOpenApi31 } from './openapi-3-1';

function documentWith(schemas: Record<string, unknown>, paths: Record<string, unknown> = {}): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths, components: { schemas } } as OpenAPIObject;
}

describe('toOpenApi31', () => {
  it('writes nullable as a null type, around a $ref or a combinator as a oneOf with null', () => {
    const document = toOpenApi31(
      documentWith({
        Page: {
          type: 'object',
          properties: {
            cursor: { type: 'string', nullable: true },
            state: { type: 'string', enum: ['a'], nullable: true },
            pods: { type: 'object', nullable: true, allOf: [{ $ref: '#/components/schemas/Pods' }], description: 'd' },
            plain: { type: 'integer', nullable: false },
          },
        },
      }),
    );
    expect(document.openapi).toBe('3.1.0');
    expect(document.components?.schemas?.['Page']).toEqual({
      type: 'object',
      properties: {
        cursor: { type: ['string', 'null'] },
        state: { type: ['string', 'null'], enum: ['a', null] },
        pods: { oneOf: [{ $ref: '#/components/schemas/Pods' }, { type: 'null' }], description: 'd' },
        plain: { type: 'integer' },
      },
    });
  });

  it("turns a schema's example into examples and boolean exclusive bounds into numbers, in parameters and bodies too", () => {
    const document = toOpenApi31(
      documentWith(
        {},
        {
          '/x': {
            get: {
              parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 0, exclusiveMinimum: true, example: 5 } }],
              responses: {
                '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { type: 'string', example: 'a' } } } } },
              },
            },
          },
        },
      ),
    );
    const get = (document.paths['/x'] as unknown as { get: unknown }).get as {
      parameters: Array<{ schema: unknown }>;
      responses: Record<string, { content: Record<string, { schema: unknown }> }>;
    };
    expect(get.parameters[0].schema).toEqual({ type: 'integer', exclusiveMinimum: 0, examples: [5] });
    expect(get.responses['200'].content['application/json'].schema).toEqual({ type: 'array', items: { type: 'string', examples: ['a'] } });
  });

  it('leaves the value of an Example Object alone, even when it looks like a schema', () => {
    const value = { example: 1, nullable: true };
    const document = toOpenApi31(
      documentWith(
        {},
        { '/x': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' }, examples: { a: { value } } } } }, responses: {} } } },
      ),
    );
    expect(JSON.stringify(document.paths)).toContain('"value":{"example":1,"nullable":true}');
  });
});
