// Pages of the workflow list with every filter applied. GET /workflows filters
// by state only; the id search, the time range and the template are applied
// here, scanning up to MAX_SCAN pages so a filtered page is not empty just
// because the matches sit a page further.
import type { BaseShiftClient } from '@base-shift/client';
import { required } from '@base-shift/client';
import type { WorkflowState, WorkflowSummary } from '../api/types';
import { beforeRange, listQuery, matchesFilters, needsScan, type WorkflowFilters } from './workflow-filters';

/** Pages scanned per page shown: five of 100, or three of 20 with the template filter (one GET per candidate, within the key's rate limit). */
const MAX_SCAN = 5;
const MAX_TEMPLATE_SCAN = 3;
const CONCURRENCY = 4;

export interface WorkflowListPage {
  items: WorkflowSummary[];
  nextCursor: string | null;
}

/** templateIds of a workflow's jobs, by workflow id: they never change, so one GET each is enough. */
export type TemplateCache = Map<string, string[]>;

export async function fetchWorkflowPage(
  client: BaseShiftClient,
  filters: WorkflowFilters,
  cursor: string | undefined,
  pageSize: number,
  templates: TemplateCache,
  signal?: AbortSignal,
): Promise<WorkflowListPage> {
  const items: WorkflowSummary[] = [];
  let next: string | undefined = cursor;
  for (let pages = 0; pages < (filters.template ? MAX_TEMPLATE_SCAN : MAX_SCAN); pages++) {
    const page = required(await client.rest.GET('/workflows', { params: { query: listQuery(filters, next, pageSize) }, ...(signal && { signal }) }));
    if (!needsScan(filters)) return page;
    const inRange = page.items.findIndex((item) => beforeRange(item, filters));
    const candidates = (inRange === -1 ? page.items : page.items.slice(0, inRange)).filter((item) => matchesFilters(item, filters));
    if (filters.template) await readTemplates(client, candidates, templates, signal);
    items.push(...candidates.filter((item) => !filters.template || matchesFilters(item, filters, templates.get(item.id))));
    if (inRange !== -1 || !page.nextCursor) return { items, nextCursor: null };
    next = page.nextCursor;
    if (items.length >= pageSize) break;
  }
  return { items, nextCursor: next ?? null };
}

/** Reads the jobs of the workflows not in the cache yet, a few at a time. */
async function readTemplates(client: BaseShiftClient, workflows: readonly WorkflowSummary[], cache: TemplateCache, signal?: AbortSignal): Promise<void> {
  const unknown = workflows.filter((workflow) => !cache.has(workflow.id));
  for (let start = 0; start < unknown.length; start += CONCURRENCY) {
    await Promise.all(
      unknown.slice(start, start + CONCURRENCY).map(async ({ id }) => {
        const workflow = required(await client.rest.GET('/workflows/{id}', { params: { path: { id } }, ...(signal && { signal }) }));
        cache.set(id, [...new Set(workflow.jobs.map((job) => job.templateId))]);
      }),
    );
  }
}

export type StateCounts = Record<WorkflowState, { count: number; more: boolean }>;

/** How many workflows are in each state: one page of up to 100 per state ("100+" when there are more). */
export async function fetchStateCounts(client: BaseShiftClient, states: readonly WorkflowState[], signal?: AbortSignal): Promise<StateCounts> {
  const pages = await Promise.all(
    states.map(async (state) => {
      const page = required(await client.rest.GET('/workflows', { params: { query: { state, limit: 100 } }, ...(signal && { signal }) }));
      return [state, { count: page.items.length, more: page.nextCursor !== null }] as const;
    }),
  );
  return Object.fromEntries(pages) as StateCounts;
}
