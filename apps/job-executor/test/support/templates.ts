/** The seed's payment_gateway_template, exactly as the plan shows it, pointed at `endpoint`. */
export function paymentGatewayTemplate(endpoint: string): Record<string, unknown> {
  return {
    templateId: 'payment_gateway_template',
    version: '1.2.0',
    steps: [
      { name: 'validate_payment_details', type: 'validation', config: { rules: ['check_card_number', 'check_expiry_date', 'check_cvv'] } },
      {
        name: 'process_payment',
        type: 'external_api_call',
        config: { api_endpoint: endpoint, method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ${API_KEY}' } },
      },
    ],
    inputSchema: {
      type: 'object',
      properties: { amount: { type: 'number' }, currency: { type: 'string' }, cardDetails: { type: 'object' } },
      required: ['amount', 'currency', 'cardDetails'],
    },
    outputSchema: {
      type: 'object',
      properties: { transactionId: { type: 'string' }, status: { type: 'string' } },
      required: ['transactionId', 'status'],
    },
  };
}

export const PAYMENT_INPUT = { amount: 42.5, currency: 'EUR', cardDetails: { number: '4111 1111 1111 1111', expiryDate: '12/99', cvv: '123' } };

/** A one-step external_api_call template. */
export function apiCallTemplate(templateId: string, config: Record<string, unknown>, outputSchema: Record<string, unknown> = {}): Record<string, unknown> {
  return { templateId, version: '1.0.0', steps: [{ name: 'call', type: 'external_api_call', config }], inputSchema: {}, outputSchema };
}

/** A template that waits `ms` and echoes its input. */
export function delayTemplate(ms: number, templateId = `delay_${ms}`): Record<string, unknown> {
  return { templateId, version: '1.0.0', steps: [{ name: 'wait', type: 'delay', config: { ms } }], inputSchema: {}, outputSchema: {} };
}
