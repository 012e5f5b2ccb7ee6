import { describe, expect, it } from 'vitest';
import type { WorkflowSummary } from '../api/types';
import { fakeClient } from '../testing/fake-client';
import { fetchWorkflowPage, type TemplateCache } from './fetch-workflows';

const at = (minute: number) => new Date(2026, 0, 31, 10, minute).toISOString();
const summary = (id: string, minute: number): WorkflowSummary => ({ id, state: 'COMPLETED', currentJob: 'a', createdAt: at(minute), updatedAt: at(minute) });

// Newest first, two pages: w5 w4 w3 | w2 w1.
const pages: Record<string, { items: WorkflowSummary[]; nextCursor: string | null }> = {
  first: { items: [summary('w5', 50), summary('w4', 40), summary('w3', 30)], nextCursor: 'p2' },
  p2: { items: [summary('w2', 20), summary('w1', 10)], nextCursor: null },
};
const templatesOf: Record<string, string> = { w5: 'charge', w4: 'ship', w3: 'charge', w2: 'charge', w1: 'ship' };

function client() {
  return fakeClient({
    'GET /workflows': ({ params }) => pages[String(params?.query?.['cursor'] ?? 'first')],
    'GET /workflows/{id}': ({ params }) => {
      const id = params?.path?.['id'] ?? '';
      return { id, jobs: [{ id: 'job', templateId: templatesOf[id] }] };
    },
  });
}

describe('fetchWorkflowPage', () => {
  it('scans pages for the template, reading each candidate once', async () => {
    const fake = client();
    const cache: TemplateCache = new Map();
    const page = await fetchWorkflowPage(fake.client, { template: 'charge' }, undefined, 20, cache);
    expect(page).toEqual({ items: [summary('w5', 50), summary('w3', 30), summary('w2', 20)], nextCursor: null });
    await fetchWorkflowPage(fake.client, { template: 'charge' }, undefined, 20, cache);
    expect(fake.calls.filter((call) => call.path === '/workflows/{id}')).toHaveLength(5);
  });

  it('stops at the first workflow older than the time range', async () => {
    const fake = client();
    const page = await fetchWorkflowPage(fake.client, { from: '2026-01-31T10:35', to: '2026-01-31T10:45' }, undefined, 20, new Map());
    expect(page).toEqual({ items: [summary('w4', 40)], nextCursor: null });
    expect(fake.calls).toHaveLength(1);
  });

  it('hands over the page as it is when the server applies every filter', async () => {
    const fake = client();
    expect(await fetchWorkflowPage(fake.client, {}, undefined, 20, new Map())).toEqual(pages['first']);
  });
});
