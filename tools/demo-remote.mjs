#!/usr/bin/env node
// The demo against an existing Base Shift deployment:
//
//   npx node tools/demo-remote.mjs <control-plane-url> [--api-key <key>] [--order-id <id>]
//
// The API key (or BASE_SHIFT_API_KEY) needs templates:read, templates:write,
// workflows:read and workflows:write (or admin); `tools/start` prints one.
//
// registers the seed's payment_gateway_template and the order templates
// (order_validation, payment_processing, inventory_update) through GraphQL,
// skipping any already registered, runs the seed's three-job order workflow,
// prints its progress as it goes and its final state. Exits 0 when the workflow
// COMPLETED, 1 otherwise.
//
// The deployment's executors must be able to reach a payment API: set
// PAYMENT_API_URL here (the payment_processing template is registered with that
// URL; default https://payments.example.com), give the pool PAYMENT_API_KEY in
// its Secret, bind it to the API's host (the pool's `secrets`), and add
// EGRESS_ALLOW if the API is on a private address. `tools/start` does all of
// this on one machine with a fake payment API.
import { DemoClient, orderWorkflow, sampleTemplates } from './dev/demo/demo-client.mjs';

const USAGE = 'usage: node tools/demo-remote.mjs <control-plane-url> [--api-key <key>] [--order-id <id>] (or BASE_SHIFT_API_KEY=<key>)';
const VALUED = ['--order-id', '--api-key'];

async function main(args) {
  const url = args.find((arg, index) => !arg.startsWith('--') && !VALUED.includes(args[index - 1]));
  const orderIdIndex = args.indexOf('--order-id');
  const apiKeyIndex = args.indexOf('--api-key');
  if (!url || !/^https?:\/\//.test(url)) throw new UsageError(url ? `not an http(s) URL: ${url}` : 'missing the control plane URL');
  if (orderIdIndex >= 0 && !args[orderIdIndex + 1]) throw new UsageError('--order-id needs a value');
  if (apiKeyIndex >= 0 && !args[apiKeyIndex + 1]) throw new UsageError('--api-key needs a value');
  const apiKey = apiKeyIndex >= 0 ? args[apiKeyIndex + 1] : process.env.BASE_SHIFT_API_KEY;
  if (!apiKey) throw new UsageError('missing the API key: give --api-key <key> or BASE_SHIFT_API_KEY');
  const client = new DemoClient(url, (line) => process.stdout.write(`${line}\n`), apiKey);
  await client.registerTemplates(sampleTemplates({ paymentApiUrl: process.env.PAYMENT_API_URL }));
  const final = await client.runWorkflow(orderWorkflow(orderIdIndex >= 0 ? args[orderIdIndex + 1] : undefined));
  return final.state === 'COMPLETED' ? 0 : 1;
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`demo-remote: ${error.message}\n${error instanceof UsageError ? `${USAGE}\n` : ''}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
