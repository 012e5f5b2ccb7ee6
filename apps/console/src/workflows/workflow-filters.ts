// The workflow list's filters: kept in the address (so a filtered list can be
// shared and survives a reload), mapped to what GET /workflows takes (state,
// cursor, limit), and the rest — id search, template, time range — applied to
// the pages it answers, which come newest first.
import type { WorkflowState, WorkflowSummary } from '../api/types';
import { WORKFLOW_STATES } from '../api/types';

export interface WorkflowFilters {
  state?: WorkflowState;
  /** Part of the id or of the name. */
  search?: string;
  /** A templateId one of the jobs runs. */
  template?: string;
  /** datetime-local values (local time), bounds of createdAt. */
  from?: string;
  to?: string;
}

const KEYS = ['state', 'search', 'template', 'from', 'to'] as const;

export function filtersFromSearch(params: URLSearchParams): WorkflowFilters {
  const filters: WorkflowFilters = {};
  const state = params.get('state');
  if (state && (WORKFLOW_STATES as readonly string[]).includes(state)) filters.state = state as WorkflowState;
  for (const key of KEYS.slice(1)) {
    const value = params.get(key)?.trim();
    if (value) filters[key as Exclude<(typeof KEYS)[number], 'state'>] = value;
  }
  return filters;
}

export function filtersToSearch(filters: WorkflowFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

/**
 * The query of GET /workflows: the server filters by state; a filter it cannot
 * apply asks for full pages to scan — except the template, which costs one GET
 * per candidate (its jobs), so it scans page-sized pages.
 */
export function listQuery(filters: WorkflowFilters, cursor: string | undefined, pageSize: number): { limit: number; state?: WorkflowState; cursor?: string } {
  return {
    limit: needsScan(filters) && !filters.template ? 100 : pageSize,
    ...(filters.state && { state: filters.state }),
    ...(cursor && { cursor }),
  };
}

/** Whether some filter is applied in the browser (so pages are scanned rather than shown as they come). */
export function needsScan(filters: WorkflowFilters): boolean {
  return Boolean(filters.search || filters.template || filters.from || filters.to);
}

/** Whether a workflow matches the id search and the time range (the template needs its jobs: `templates`). */
export function matchesFilters(workflow: WorkflowSummary, filters: WorkflowFilters, templates?: readonly string[]): boolean {
  const search = filters.search?.toLowerCase();
  if (search && !workflow.id.toLowerCase().includes(search) && !(workflow.name ?? '').toLowerCase().includes(search)) return false;
  const created = Date.parse(workflow.createdAt);
  if (filters.from && created < localTime(filters.from)) return false;
  if (filters.to && created > localTime(filters.to)) return false;
  const template = filters.template?.toLowerCase();
  if (template && templates && !templates.some((templateId) => templateId.toLowerCase() === template)) return false;
  return true;
}

/** Pages come newest first: once one is older than `from`, no later page can match. */
export function beforeRange(workflow: WorkflowSummary, filters: WorkflowFilters): boolean {
  return filters.from !== undefined && Date.parse(workflow.createdAt) < localTime(filters.from);
}

function localTime(value: string): number {
  // datetime-local has no zone: the browser's local time, as the person typed it.
  return new Date(value).getTime();
}
