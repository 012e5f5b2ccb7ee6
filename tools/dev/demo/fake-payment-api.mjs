// A tiny stand-in for a payment gateway, for the demo: POST /payments with
// `Authorization: Bearer <key>` and a JSON body {orderId, amount, currency, card}
// (the order workflow's payment_processing), or POST /process with {amount,
// currency, cardDetails} (the seed's payment_gateway_template), answers
// {transactionId, status: "CAPTURED"}; the same Idempotency-Key gets the same
// transaction (the executor sends one per job and step). Loopback only; over
// HTTPS when given a certificate (`tls: {key, cert}`), as the seed's
// https://payment.gateway.com is.
//
//   import { startFakePaymentApi } from './fake-payment-api.mjs'   (tools/dev/start.mjs)
//   node tools/dev/demo/fake-payment-api.mjs --key <key> [--port N]  prints {"url": ...}, runs until SIGTERM
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAX_BODY_BYTES = 64 * 1024;

// What each route expects besides amount and currency.
const ROUTES = {
  '/payments': (body) => [
    ...(typeof body.orderId !== 'string' || body.orderId === '' ? ['orderId must be a non-empty string'] : []),
    ...(typeof body.card !== 'object' || body.card === null ? ['card must be an object'] : []),
  ],
  '/process': (body) => (typeof body.cardDetails !== 'object' || body.cardDetails === null ? ['cardDetails must be an object'] : []),
};

/** Starts the API on 127.0.0.1 (HTTPS with `tls`); resolves to { url, port, charges, stop() }. */
export async function startFakePaymentApi({ apiKey, port = 0, onCharge = () => {}, tls }) {
  if (!apiKey) throw new Error('startFakePaymentApi: apiKey is required');
  const expected = Buffer.from(`Bearer ${apiKey}`);
  const byKey = new Map();
  const charges = [];
  const handle = (request, response) => {
    const reply = (status, body) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const route = Object.hasOwn(ROUTES, request.url) ? ROUTES[request.url] : undefined;
    if (request.method !== 'POST' || !route) return reply(404, { error: `no route ${request.method} ${request.url}` });
    const offered = Buffer.from(request.headers['authorization'] ?? '');
    if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) return reply(401, { error: 'missing or wrong API key' });
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      text += chunk;
      if (text.length > MAX_BODY_BYTES) request.destroy();
    });
    request.on('end', () => {
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        return reply(400, { error: 'the body is not JSON' });
      }
      const problems = paymentProblems(body, route);
      if (problems.length > 0) return reply(422, { error: 'invalid payment', problems });
      const key = request.headers['idempotency-key'];
      const known = key && byKey.get(key);
      if (known) return reply(200, known);
      const charge = {
        transactionId: `tx_${randomBytes(6).toString('hex')}`,
        status: 'CAPTURED',
        ...(body.orderId !== undefined && { orderId: body.orderId }),
        amount: body.amount,
        currency: body.currency,
      };
      if (key) byKey.set(key, charge);
      charges.push(charge);
      onCharge(charge);
      reply(201, charge);
    });
  };
  const server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, handle) : createServer(handle);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${server.address().port}`,
    port: server.address().port,
    charges,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function paymentProblems(body, route) {
  if (typeof body !== 'object' || body === null) return ['the body must be an object'];
  const problems = [];
  if (typeof body.amount !== 'number' || !(body.amount > 0)) problems.push('amount must be a positive number');
  if (typeof body.currency !== 'string' || !/^[A-Z]{3}$/.test(body.currency)) problems.push('currency must be an ISO 4217 code');
  return [...problems, ...route(body)];
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const api = await startFakePaymentApi({
    apiKey: option('--key') ?? process.env.PAYMENT_API_KEY,
    port: Number(option('--port') ?? 0),
    onCharge: (charge) => process.stdout.write(`${JSON.stringify({ charge })}\n`),
  });
  process.stdout.write(`${JSON.stringify({ url: api.url })}\n`);
  const stop = () => api.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
