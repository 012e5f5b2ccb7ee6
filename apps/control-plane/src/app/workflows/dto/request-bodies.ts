import type { Type } from '@nestjs/common';
import { ApiSchema } from '@nestjs/swagger';
import type { JsonSchema } from '@base-shift/steps';
import { CANCEL_WORKFLOW_REQUEST_SCHEMA, JOB_UPDATE_REQUEST_SCHEMA, WORKFLOW_REQUEST_SCHEMA } from '@base-shift/workflow';

/**
 * A class that @nestjs/swagger documents as `components.schemas[name]` = `schema`
 * verbatim (for `@ApiBody({ type })`): ApiSchema spreads its options, name
 * aside, over the generated component, and the class has no properties of its
 * own. The body itself is validated by the workflow lib with the same schema,
 * so the document cannot drift from the rule (workflow-api.spec.ts compares them).
 */
function documentedSchema(name: string, description: string, schema: JsonSchema): Type<unknown> {
  class DocumentedSchema {}
  ApiSchema({ name, description, ...schema })(DocumentedSchema);
  return DocumentedSchema;
}

export const CreateWorkflowBody = documentedSchema(
  'CreateWorkflowRequest',
  'A workflow to create: its jobs (each a template, a version or range, an input) and, optionally, a name, an input, a priority, a deadline and a retention.',
  WORKFLOW_REQUEST_SCHEMA,
);
export const UpdateJobBody = documentedSchema(
  'UpdateJobRequest',
  "A job's new status, set from outside: RUNNING, SUCCEEDED with an output, FAILED with an error.",
  JOB_UPDATE_REQUEST_SCHEMA,
);
export const CancelWorkflowBody = documentedSchema('CancelWorkflowRequest', 'Why the workflow is cancelled (optional).', CANCEL_WORKFLOW_REQUEST_SCHEMA);

/**
 * The example of the create body. Its job inputs are literal: a mapping object
 * ({"$ref": …}) inside an example is taken for a JSON Reference by OpenAPI tools.
 */
export const CREATE_WORKFLOW_EXAMPLE = {
  name: 'order o-1001',
  input: { orderId: 'o-1001', amount: 42.5, currency: 'EUR' },
  jobs: [
    { id: 'order_validation', templateId: 'order_validation', input: { orderId: { $from: 'input.orderId' } } },
    {
      id: 'payment_processing',
      templateId: 'payment_processing',
      version: '^1.0',
      input: { amount: { $from: 'input.amount' }, currency: { $from: 'input.currency' } },
    },
    { id: 'inventory_update', templateId: 'inventory_update', input: { orderId: { $from: 'jobs.order_validation.output.orderId' } } },
  ],
};
