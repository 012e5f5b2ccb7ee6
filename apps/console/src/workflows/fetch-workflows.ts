// Pages of the workflow list with every filter applied. GET /workflows filters
// by state only; the id search, the time range and the template are applied
// here, scanning up to MAX_SCAN pages so a filtered page is not empty just
// because the matches sit a page further.
import type { BaseShiftClient } from '@base-shift/client';
import { required } from '@base-shift/client';
import type { WorkflowState, WorkflowSummary } from '../api/types';
import { beforeRange, listQuery, matchesFilters, needsScan, type WorkflowFilters } from './workflow-filters';

const MAX_SCAN = 5;

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
  for (let pages = 0; pages < MAX_SCAN; pages++) {
    const page = required(await client.rest.GET('/workflows', { params: { query: listQuery(filters, next, pageSize) }, ...(signal && { signal }) }));
    if (!needsScan(filters)) return page;
    for (const item of page.items) {
      if (beforeRange(item, filters)) return { items, nextCursor: null };
      if (!matchesFilters(item, filters)) continue;
      if (filters.template && !matchesFilters(item, filters, await templatesOf(client, item.id, templates, signal))) continue;
      items.push(item);
    }
    if (!page.nextCursor) return { items, nextCursor: null };
    next = page.nextCursor;
    if (items.length >= pageSize) break;
  }
  return { items, nextCursor: next ?? null };
}

async function templatesOf(client: BaseShiftClient, id: string, cache: TemplateCache, signal?: AbortSignal): Promise<string[]> {
  const known = cache.get(id);
  if (known) return known;
  const workflow = required(await client.rest.GET('/workflows/{id}', { params: { path: { id } }, ...(signal && { signal }) }));
  const ids = [...new Set(workflow.jobs.map((job) => job.templateId))];
  cache.set(id, ids);
  return ids;
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
