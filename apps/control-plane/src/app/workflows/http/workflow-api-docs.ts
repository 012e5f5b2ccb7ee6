import { ApiParam } from '@nestjs/swagger';

/** Printable ASCII without spaces at the ends: safe to hash, log and echo. The controller checks it; the document states it. */
export const IDEMPOTENCY_KEY_SCHEMA = { type: 'string', minLength: 1, maxLength: 255, pattern: '^[!-~](?:[ -~]{0,253}[!-~])?$' } as const;

/** The `{id}` of every /workflows/{id}… route. */
export function ApiWorkflowId(): MethodDecorator {
  return ApiParam({
    name: 'id',
    description: 'The workflow id (as POST /workflows answered it).',
    schema: { type: 'string', format: 'uuid', example: '0194b7c2-5e1a-7c3d-9f00-1a2b3c4d5e6f' },
  });
}

export const CREATED_HEADERS = {
  Location: { description: 'The path of the new workflow: /workflows/{id}.', schema: { type: 'string' } },
};
