import type { TemplateDraft } from '@base-shift/templates';
import inventoryUpdate from './inventory-update.json';
import orderValidation from './order-validation.json';
import orderWorkflow from './order-workflow.json';
import paymentGateway from './payment-gateway-template.json';
import paymentProcessing from './payment-processing.json';

/**
 * Ready-made templates (plain data, no CLI): the seed's example and the three
 * templates of the demo order workflow. `${PAYMENT_API_KEY}` is filled by the
 * executor from its pool's secrets, and only for the hosts the pool binds it
 * to; the URL is literal (a URL never comes from a secret), so a payment API
 * elsewhere than https://payments.example.com gets its own copy of the
 * template (`paymentProcessingTemplate`).
 */
export const PAYMENT_GATEWAY_TEMPLATE = paymentGateway as unknown as TemplateDraft;
export const ORDER_VALIDATION_TEMPLATE = orderValidation as unknown as TemplateDraft;
export const PAYMENT_PROCESSING_TEMPLATE = paymentProcessing as unknown as TemplateDraft;
export const INVENTORY_UPDATE_TEMPLATE = inventoryUpdate as unknown as TemplateDraft;

/** In workflow order after the seed's example. */
export const SAMPLE_TEMPLATES: readonly TemplateDraft[] = [
  PAYMENT_GATEWAY_TEMPLATE,
  ORDER_VALIDATION_TEMPLATE,
  PAYMENT_PROCESSING_TEMPLATE,
  INVENTORY_UPDATE_TEMPLATE,
];

/** PAYMENT_PROCESSING_TEMPLATE charging through the payment API at `baseUrl` (the demo's fake one, a test's loopback server). */
export function paymentProcessingTemplate(baseUrl: string): TemplateDraft {
  const template = structuredClone(PAYMENT_PROCESSING_TEMPLATE);
  const charge = template.steps.find((step) => step.type === 'external_api_call');
  if (charge) charge.config = { ...charge.config, api_endpoint: `${baseUrl.replace(/\/+$/, '')}/payments` };
  return template;
}

/**
 * The demo's order workflow over the three order templates (validate, charge, reserve; inputs wired with
 * `$from`), for order o-1001: the demo (tools/dev/demo), the console's end-to-end test and the workflow
 * tests fill in an order id of their own (name `order <id>`, input.orderId).
 */
export const ORDER_WORKFLOW_REQUEST = orderWorkflow;
