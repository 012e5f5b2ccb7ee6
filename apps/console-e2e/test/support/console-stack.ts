import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { generateApiKey } from '@base-shift/auth';
import { BuiltApps, uniqueName } from '@base-shift/testing';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const CONSOLE_BUILD = path.join(REPO_ROOT, 'dist/apps/console');
const SAMPLES_DIR = path.join(REPO_ROOT, 'apps/control-plane/src/app/templates/samples');
/** A pool the control plane knows and no executor serves. */
export const PARKED_POOL = 'parked';
/** The order workflow's templates, in the order the demo registers them. */
const ORDER_TEMPLATE_FILES = ['order-validation.json', 'payment-processing.json', 'inventory-update.json'];

/**
 * A built control plane serving the built console (dist/apps/console, found next to its own build, as in
 * the image) and a built executor with an admin key (BuiltApps; `baseUrl` serves the API and, under /ui,
 * the console); and the demo's fake payment API (tools/dev/demo/fake-payment-api.mjs), its key in the
 * executor's secrets directory and bound to 127.0.0.1, so the seed's order workflow runs as `tools/start` runs it.
 */
export class ConsoleStack extends BuiltApps {
  private constructor(
    apps: BuiltApps,
    readonly paymentApi: ChildProcess,
    readonly paymentApiUrl: string,
  ) {
    super(apps);
  }

  /** `controlPlaneEnv` adds to (or overrides) the control plane's environment, e.g. OIDC settings. */
  static async start(label: string, controlPlaneEnv: Record<string, string> = {}): Promise<ConsoleStack> {
    if (!existsSync(path.join(CONSOLE_BUILD, 'index.html'))) {
      throw new Error(`the console is not built (${CONSOLE_BUILD} has no index.html): run \`npx nx build console\` (\`nx test console-e2e\` does)`);
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'console-e2e-'));
    const paymentKey = `e2e_${uniqueName('payment').replace(/[^A-Za-z0-9]/g, '')}`;
    const secretsDir = path.join(dir, 'secrets');
    mkdirSync(secretsDir, { mode: 0o700 });
    writeFileSync(path.join(secretsDir, 'PAYMENT_API_KEY'), paymentKey, { mode: 0o600 });
    const { child: paymentApi, url: paymentApiUrl } = await startFakePaymentApi(paymentKey);
    try {
      const apps = await BuiltApps.launch(label, {
        adminKey: generateApiKey(),
        dir,
        controlPlaneEnv: {
          HOST: '127.0.0.1',
          // No executor serves PARKED_POOL: a job sent there stays queued, its effective priority rising as it waits.
          POOLS: `default,${PARKED_POOL}`,
          ...controlPlaneEnv,
        },
        executorEnv: {
          EGRESS_ALLOW: '127.0.0.1',
          SECRETS_DIR: secretsDir,
          SECRET_BINDINGS: JSON.stringify([{ name: 'PAYMENT_API_KEY', allowedHosts: ['127.0.0.1'] }]),
        },
      });
      return new ConsoleStack(apps, paymentApi, paymentApiUrl);
    } catch (error) {
      paymentApi.kill('SIGTERM');
      throw error;
    }
  }

  /** The seed's order workflow templates, payment_processing charging through the fake payment API (as tools/start does). */
  async registerOrderTemplates(): Promise<void> {
    for (const file of ORDER_TEMPLATE_FILES) {
      const template = JSON.parse(readFileSync(path.join(SAMPLES_DIR, file), 'utf8')) as { steps: Array<{ type: string; config: Record<string, unknown> }> };
      for (const step of template.steps) {
        if (step.type === 'external_api_call') step.config['api_endpoint'] = `${this.paymentApiUrl}/payments`;
      }
      await this.json('/templates', { method: 'POST', body: template });
    }
  }

  /**
   * Freezes the payment API (SIGSTOP): the kernel still accepts the executor's connection, so the charge
   * waits, and the workflow stays RUNNING, until `resumePaymentApi`.
   */
  pausePaymentApi(): void {
    this.paymentApi.kill('SIGSTOP');
  }

  resumePaymentApi(): void {
    this.paymentApi.kill('SIGCONT');
  }

  override async stop(): Promise<void> {
    this.resumePaymentApi();
    this.paymentApi.kill('SIGTERM');
    await super.stop();
  }
}

/** The seed's order workflow (samples/order-workflow.json, as the demo runs it) for order `orderId`: inputs wired with $from. */
export function orderWorkflow(orderId: string): Record<string, unknown> {
  const request = JSON.parse(readFileSync(path.join(SAMPLES_DIR, 'order-workflow.json'), 'utf8')) as { input: Record<string, unknown> };
  return { ...request, name: `order ${orderId}`, input: { ...request.input, orderId } };
}

/** The demo's fake payment API as its own process (it prints {"url": ...} once listening). */
async function startFakePaymentApi(key: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'tools/dev/demo/fake-payment-api.mjs'), '--key', key], {
    env: { PATH: process.env['PATH'] ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the fake payment API did not start within 10 s')), 10_000);
    child.once('exit', (code) => reject(new Error(`the fake payment API exited (${code}) before listening`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
  });
  // Keep reading its charge lines so its stdout never fills up.
  lines.on('line', () => undefined);
  return { child, url };
}
