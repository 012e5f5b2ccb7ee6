import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, launchChromium, mainNavigation, openConsolePage, screenshot, signInWithLink, waitForText, type ConsolePage } from './support/browser';
import { ConsoleStack, PARKED_POOL, orderWorkflow } from './support/console-stack';
import { LateApi } from './support/late-api';

interface Workflow {
  id: string;
  state: string;
  jobs: Array<{ id: string; state: string; error?: { message: string } }>;
}

/** One call to an API that is not up yet, and a single attempt: the job fails at once and is dead-lettered. */
function lateCallTemplate(url: string) {
  return {
    templateId: 'console_late_call',
    version: '1.0.0',
    maxAttempts: 1,
    steps: [{ name: 'call', type: 'external_api_call', config: { api_endpoint: url, method: 'POST' } }],
    inputSchema: {},
    outputSchema: {},
  };
}

/** A job for the pool no executor serves: it waits in the queue for as long as the test runs. */
const PARKED_TEMPLATE = {
  templateId: 'console_parked',
  version: '1.0.0',
  resourceClass: PARKED_POOL,
  priority: 5,
  steps: [{ name: 'wait', type: 'delay', config: { ms: 10 } }],
  inputSchema: {},
  outputSchema: {},
};

describe('the operator console in Chromium, against a built control plane and executor', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  let lateApi: LateApi;
  const opened: ConsolePage[] = [];

  async function open(options: Parameters<typeof openConsolePage>[2] = {}): Promise<ConsolePage> {
    const consolePage = await openConsolePage(browser, stack.baseUrl, options);
    opened.push(consolePage);
    return consolePage;
  }

  async function signedIn(options: Parameters<typeof openConsolePage>[2] = {}): Promise<Page> {
    const { page } = await open(options);
    await signInWithLink(page, stack.adminKey);
    return page;
  }

  beforeAll(async () => {
    stack = await ConsoleStack.start('console-e2e');
    lateApi = await LateApi.reserve();
    await stack.registerOrderTemplates();
    await stack.json('/templates', { method: 'POST', body: lateCallTemplate(lateApi.url) });
    await stack.json('/templates', { method: 'POST', body: PARKED_TEMPLATE });
    browser = await launchChromium();
  });

  afterEach(async () => {
    const pages = opened.splice(0);
    await Promise.all(pages.map((consolePage) => consolePage.close()));
    // Any console error or warning, uncaught error or request to another origin, on any page the test opened, fails it.
    expect(pages.flatMap((consolePage) => consolePage.unexpectedProblems())).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await lateApi?.stop();
    await stack?.stop();
  });

  it('signs in through the form, keeping the key in sessionStorage only; a wrong key is refused in an alert', async () => {
    const consolePage = await open();
    const { page } = consolePage;
    // The one refused key of this test: Chromium logs the 401 of that fetch itself.
    consolePage.allow(/Failed to load resource: the server responded with a status of 401/);
    await page.goto('/ui/sign-in');
    await page.getByLabel('API key').fill(`bsk_aaaaaaaaaaaa_${'A'.repeat(43)}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).not.toBe('');

    await page.getByLabel('API key').fill(stack.adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await mainNavigation(page).waitFor();
    for (const name of ['Workflows', 'Templates', 'Pools', 'Dead letters']) await mainNavigation(page).getByRole('link', { name }).waitFor();
    const storage = await page.evaluate(() => ({ session: sessionStorage.getItem('base-shift.key'), local: JSON.stringify({ ...localStorage }) }));
    expect(storage.session).toBe(stack.adminKey);
    expect(storage.local).not.toContain(stack.adminKey);
  });

  it('signs in with the one-time link, takes the key out of the address bar, and signs out', async () => {
    const { page } = await open();
    await signInWithLink(page, stack.adminKey);
    expect(page.url()).not.toContain('#key=');
    expect(page.url()).not.toContain(stack.adminKey);

    await mainNavigation(page).getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('base-shift.key'))).toBeNull();
  });

  it("shows the seed's order workflow reach COMPLETED live, without a reload: state, job graph, events", async () => {
    const orderId = `o-${Date.now().toString(36)}`;
    const page = await signedIn();
    // The charge waits while the payment API is frozen: the page opens on a RUNNING workflow.
    stack.pausePaymentApi();
    let workflow: Workflow;
    try {
      workflow = await stack.json<Workflow>('/workflows', { method: 'POST', body: orderWorkflow(orderId) });
      await page.goto('/ui/workflows');
      await page.getByRole('heading', { name: 'Workflows' }).waitFor();
      const table = page.getByRole('table', { name: 'Workflows' });
      await table.getByRole('link', { name: `order ${orderId}` }).click();
      await page.getByRole('heading', { level: 1, name: `order ${orderId}` }).waitFor();
      const state = page.getByTestId('workflow-state');
      await waitForText(state, 'RUNNING');
      // Set on this document: still there after COMPLETED proves the page was never reloaded.
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    } finally {
      stack.resumePaymentApi();
    }
    await waitForText(page.getByTestId('workflow-state'), 'COMPLETED', 60_000);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(page.url()).toBe(`${stack.baseUrl}/ui/workflows/${workflow.id}`);

    const graph = page.getByRole('figure', { name: 'Job graph' });
    for (const job of ['order_validation', 'payment_processing', 'inventory_update']) await graph.getByRole('button', { name: job, exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    // The events arrived over SSE while the page stayed open, up to the workflow's completion.
    await waitForText(page.getByRole('log', { name: 'Events' }), /COMPLETED/);
    await screenshot(page, 'workflow-light');

    const dark = await signedIn({ colorScheme: 'dark' });
    await dark.goto(`/ui/workflows/${workflow.id}`);
    await waitForText(dark.getByTestId('workflow-state'), 'COMPLETED');
    await dark.getByRole('figure', { name: 'Job graph' }).getByRole('button', { name: 'inventory_update', exact: true }).click();
    await dark.getByRole('region', { name: 'Job inventory_update' }).waitFor();
    await screenshot(dark, 'workflow-dark');

    const phone = await signedIn({ viewport: PHONE });
    await phone
      .getByRole('table', { name: 'Workflows' })
      .getByRole('link', { name: `order ${orderId}` })
      .waitFor();
    await waitForText(phone.getByRole('list', { name: 'Counts per state' }), /COMPLETED\s*[1-9]/);
    await screenshot(phone, 'workflows-phone');
  });

  describe('a job that fails (its API refuses the call, one attempt)', () => {
    let retried: Workflow;
    let deadLettered: Workflow;

    beforeAll(async () => {
      const create = (name: string) =>
        stack.json<Workflow>('/workflows', { method: 'POST', body: { name, jobs: [{ id: 'call', templateId: 'console_late_call' }] } });
      [retried, deadLettered] = [await create('late call (retried)'), await create('late call (dead letter)')];
      retried = (await stack.waitForWorkflow(retried.id, 'FAILED')) as unknown as Workflow;
      deadLettered = (await stack.waitForWorkflow(deadLettered.id, 'FAILED')) as unknown as Workflow;
    });

    it("opens the failed job's error, then retries the workflow (dialog, Confirm) and watches it run to COMPLETED once the API is up", async () => {
      const message = retried.jobs.find((job) => job.id === 'call')?.error?.message;
      expect(message).toEqual(expect.any(String));
      const page = await signedIn({ viewport: DESKTOP });
      await page.goto(`/ui/workflows/${retried.id}`);
      await waitForText(page.getByTestId('workflow-state'), 'FAILED');
      await page.getByRole('figure', { name: 'Job graph' }).getByRole('button', { name: 'call', exact: true }).click();
      const job = page.getByRole('region', { name: 'Job call' });
      await job.waitFor();
      await waitForText(job.getByTestId('job-error'), new RegExp(escapeRegExp((message ?? '').slice(0, 60))));
      await job.getByTestId('job-error').scrollIntoViewIfNeeded();
      await screenshot(page, 'failed-job-light');

      // Escape keeps the workflow as it is; Confirm retries it.
      await page.getByRole('button', { name: 'Retry workflow' }).click();
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      expect((await stack.json<Workflow>(`/workflows/${retried.id}`)).state).toBe('FAILED');

      await lateApi.start();
      await page.getByRole('button', { name: 'Retry workflow' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await waitForText(page.getByTestId('workflow-state'), 'COMPLETED');
      expect((await stack.json<Workflow>(`/workflows/${retried.id}`)).state).toBe('COMPLETED');
    });

    it('lists the dead-lettered job on the Dead letters page, inspects its error and requeues it (dialog, Confirm)', async () => {
      await lateApi.start();
      const dead = await stack.json<{ items: Array<{ id: string }> }>('/pools/default/dead-letters');
      const letter = dead.items.find((item) => item.id.startsWith(deadLettered.id));
      expect(letter).toBeDefined();
      const jobId = letter?.id ?? '';

      const page = await signedIn();
      await mainNavigation(page).getByRole('link', { name: 'Dead letters' }).click();
      await page.getByRole('heading', { name: 'Dead letters' }).waitFor();
      await page.getByRole('combobox', { name: 'Pool' }).waitFor();
      const row = page.getByRole('table', { name: 'Dead letters' }).getByRole('row').filter({ hasText: jobId });
      await row.waitFor();
      // Inspect: the job's last error, read from the API, in a dialog that Escape closes.
      await row.getByRole('button', { name: 'Inspect' }).click();
      const inspected = page.getByRole('dialog');
      await waitForText(inspected, /ECONNREFUSED/);
      await page.keyboard.press('Escape');
      await inspected.waitFor({ state: 'hidden' });
      await row.getByRole('button', { name: 'Requeue' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await row.waitFor({ state: 'detached' });
      // Requeued, it ran against the API that is up now: no longer a dead letter.
      const after = await stack.json<{ items: Array<{ id: string }> }>('/pools/default/dead-letters');
      expect(after.items.map((item) => item.id)).not.toContain(jobId);
    });
  });

  it('visits every page in dark mode without a console error: Workflows, a workflow, Templates, a template and Compare, Pools, a pool, Dead letters', async () => {
    // A second version to compare with the first.
    await stack.graphql(
      'mutation Publish($id: ID!, $changes: JobTemplateChangesInput) { publishJobTemplateVersion(id: $id, version: "1.1.0", changes: $changes) { version } }',
      {
        id: 'console_parked',
        changes: { description: 'Waits in the parked pool, twice as patiently.', maxAttempts: 2 },
      },
    );
    const parked = await stack.json<{ id: string }>('/workflows', {
      method: 'POST',
      body: { name: 'parked order', jobs: [{ id: 'wait', templateId: 'console_parked' }] },
    });
    const page = await signedIn({ colorScheme: 'dark' });
    const nav = mainNavigation(page);

    await nav.getByRole('link', { name: 'Workflows' }).click();
    await page.getByRole('heading', { name: 'Workflows' }).waitFor();
    const workflows = page.getByRole('table', { name: 'Workflows' });
    await workflows.getByRole('link').first().click();
    await page.getByTestId('workflow-state').waitFor();
    await page.getByRole('figure', { name: 'Job graph' }).waitFor();

    await nav.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { name: 'Templates' }).waitFor();
    await page
      .getByRole('table', { name: 'Templates' })
      .getByRole('link', { name: /console_parked/ })
      .first()
      .click();
    await page.getByRole('table', { name: 'Versions' }).waitFor();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('combobox', { name: 'From version' }).selectOption('1.0.0');
    await page.getByRole('combobox', { name: 'To version' }).selectOption('1.1.0');
    await waitForText(page.getByRole('region', { name: 'Diff' }), /twice as patiently/);
    await screenshot(page, 'template-compare-dark');

    await nav.getByRole('link', { name: 'Pools' }).click();
    await page.getByRole('heading', { name: 'Pools' }).waitFor();
    await page.getByRole('table', { name: 'Pools' }).getByRole('link', { name: PARKED_POOL, exact: true }).click();
    const queued = page.getByRole('table', { name: 'Queued jobs' });
    // The queue knows a job's workflow by id (GET /pools/{pool}/jobs shows no names).
    const row = queued.getByRole('row').filter({ hasText: parked.id });
    await row.waitFor();
    await queued.getByRole('columnheader', { name: 'Effective priority' }).waitFor();
    // Base 5 plus 0.1 per second waited, redrawn every second without a reload: it rises while we watch.
    const effective = row.getByRole('cell').last();
    const before = Number(await effective.textContent());
    expect(before).toBeGreaterThanOrEqual(5);
    await waitForText(effective, (text) => Number(text) > before, 5000);
    await screenshot(page, 'pool-queue-dark');

    await nav.getByRole('link', { name: 'Dead letters' }).click();
    await page.getByRole('heading', { name: 'Dead letters' }).waitFor();
    await page.getByRole('combobox', { name: 'Pool' }).waitFor();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
