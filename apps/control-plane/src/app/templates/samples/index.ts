import type { TemplateDraft } from '@base-shift/templates';
import inventoryUpdate from './inventory-update.json';
import orderValidation from './order-validation.json';
import paymentGateway from './payment-gateway-template.json';
import paymentProcessing from './payment-processing.json';

/**
 * Ready-made templates (plain data, no CLI): the seed's example and the three
 * templates of the demo order workflow. `${PAYMENT_API_URL}` and
 * `${PAYMENT_API_KEY}` are filled by the executor from its secrets, so the
 * same template runs against the local fake payment API or a real one.
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
