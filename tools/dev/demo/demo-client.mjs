// What the demo does against a control plane, over its public APIs only:
// register the sample templates through GraphQL (skipping those already there),
// run the seed's three-job order workflow over REST, and follow its progress
// through the Server-Sent Events stream. Used by tools/dev/start.mjs and
// tools/demo-remote.mjs.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const SAMPLES_DIR = fileURLToPath(new URL('../../../apps/control-plane/src/app/templates/samples/', import.meta.url));

/** The seed's payment_gateway_template, then the order workflow's three templates (the app's sample files). */
export const SAMPLE_TEMPLATE_FILES = ['payment-gateway-template.json', 'order-validation.json', 'payment-processing.json', 'inventory-update.json'];

/**
 * The sample templates; with `paymentApiUrl`, payment_processing charges through
 * that payment API instead of https://payments.example.com (a URL is never
 * filled from a secret, so the template names the API it calls).
 */
export function sampleTemplates({ paymentApiUrl } = {}) {
  const templates = SAMPLE_TEMPLATE_FILES.map((file) => JSON.parse(fs.readFileSync(`${SAMPLES_DIR}${file}`, 'utf8')));
  if (paymentApiUrl) {
    for (const step of templates.find((t) => t.templateId === 'payment_processing').steps) {
      if (step.type === 'external_api_call') step.config.api_endpoint = `${paymentApiUrl.replace(/\/+$/, '')}/payments`;
    }
  }
  return templates;
}

/** The seed's workflow (the app's order-workflow.json): validate the order, charge it, reserve the stock; inputs wired with $from. */
export function orderWorkflow(orderId = `o-${Date.now().toString(36)}`) {
  const request = JSON.parse(fs.readFileSync(`${SAMPLES_DIR}order-workflow.json`, 'utf8'));
  return { ...request, name: `order ${orderId}`, input: { ...request.input, orderId } };
}

/**
 * The seed's payment_gateway_template as written: its validation rules read
 * cardDetails.number (Luhn), cardDetails.expiryDate (MM/YY, not past) and
 * cardDetails.cvv, then it POSTs the input to https://payment.gateway.com/process
 * with the pool's API_KEY secret.
 */
export function paymentGatewayWorkflow(reference = `p-${Date.now().toString(36)}`) {
  return {
    name: `payment ${reference}`,
    input: { amount: 19.99, currency: 'EUR', cardDetails: { number: '4111 1111 1111 1111', expiryDate: '12/30', cvv: '123' } },
    jobs: [
      {
        id: 'payment',
        templateId: 'payment_gateway_template',
        input: { amount: { $from: 'input.amount' }, currency: { $from: 'input.currency' }, cardDetails: { $from: 'input.cardDetails' } },
      },
    ],
  };
}

export class DemoClient {
  /**
   * @param {string} baseUrl the control plane, e.g. http://127.0.0.1:3000
   * @param {string | undefined} apiKey sent as `Authorization: Bearer <key>` (needs workflows:read/write and templates:read/write, or admin)
   */
  constructor(baseUrl, say = (line) => process.stdout.write(`${line}\n`), apiKey = undefined) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.say = say;
    this.auth = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  }

  /** Creates each template unless a version of it is already stored; resolves to { created, skipped } ids. */
  async registerTemplates(templates = sampleTemplates()) {
    const created = [];
    const skipped = [];
    for (const { templateId, ...rest } of templates) {
      const existing = await this.graphql('query Existing($id: ID!) { jobTemplate(id: $id) { id version } }', { id: templateId });
      if (existing.data?.jobTemplate) {
        skipped.push(templateId);
        this.say(`template ${templateId}: already registered (${existing.data.jobTemplate.version}), kept`);
        continue;
      }
      const result = await this.graphql(
        'mutation Register($input: CreateJobTemplateInput!) { createJobTemplate(input: $input) { id version requiredSecrets } }',
        {
          input: { id: templateId, ...rest },
        },
      );
      const error = result.errors?.[0];
      // Someone registered it between our check and our create: that is what we wanted.
      if (error?.extensions?.domainCode === 'TEMPLATE.ALREADY_EXISTS') {
        skipped.push(templateId);
        this.say(`template ${templateId}: already registered, kept`);
        continue;
      }
      if (error || !result.data) throw new Error(`registering template ${templateId} failed: ${error?.message ?? JSON.stringify(result)}`);
      const { version, requiredSecrets } = result.data.createJobTemplate;
      created.push(templateId);
      this.say(
        `template ${templateId}: registered ${version}${requiredSecrets.length > 0 ? ` (needs secrets ${requiredSecrets.join(', ')} on the executors)` : ''}`,
      );
    }
    return { created, skipped };
  }

  /**
   * Starts the workflow, prints every transition as it happens (SSE, which ends
   * when the workflow does) and resolves to the final workflow.
   */
  async runWorkflow(body = orderWorkflow()) {
    const response = await fetch(`${this.baseUrl}/workflows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.auth },
      body: JSON.stringify(body),
    });
    const created = await response.json();
    if (response.status !== 201) throw new Error(`POST /workflows answered ${response.status}: ${created.detail ?? JSON.stringify(created)}`);
    this.say(`workflow ${created.id} (${created.name ?? 'unnamed'}): ${created.jobs.map((job) => job.id).join(' -> ')}`);
    await this.follow(created.id);
    const final = await this.getJson(`/workflows/${created.id}`);
    this.say(`workflow ${final.id}: ${final.state}${final.reason ? ` (${final.reason})` : ''}`);
    for (const job of final.jobs) {
      this.say(`  ${job.id.padEnd(20)} ${job.state.padEnd(10)} attempts ${job.attempts}${job.output ? `  output ${JSON.stringify(job.output)}` : ''}`);
    }
    return final;
  }

  /** Prints the workflow's transitions from its event stream until the stream ends. */
  async follow(id) {
    const response = await fetch(`${this.baseUrl}/workflows/${id}/events`, { headers: { accept: 'text/event-stream', ...this.auth } });
    if (!response.ok || !response.body) throw new Error(`GET /workflows/${id}/events answered ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('\n');
        if (data) this.say(describeTransition(JSON.parse(data)));
      }
    }
  }

  async graphql(query, variables) {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.auth },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(`POST /graphql answered ${response.status}: ${text.slice(0, 200)}`);
    }
  }

  async getJson(path) {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.auth });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return response.json();
  }
}

/** One transition as a line: `  12:00:01.123  job payment_processing  QUEUED -> RUNNING  (attempt 1)`. */
export function describeTransition(entry) {
  const time = new Date(entry.at).toISOString().slice(11, 23);
  const subject = entry.kind === 'job' ? `job ${entry.jobId}` : 'workflow';
  const move = entry.from ? `${entry.from} -> ${entry.to}` : entry.to;
  const extra = [entry.attempt ? `attempt ${entry.attempt}` : '', entry.reason ?? ''].filter(Boolean).join(', ');
  return `  ${time}  ${subject.padEnd(26)} ${move}${extra ? `  (${extra})` : ''}`;
}
