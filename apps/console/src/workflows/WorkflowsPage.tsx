// Every workflow, newest first: filters kept in the address, live counts per
// state, pages through the API's cursors. The list and the counts refresh on
// their own, so a workflow's state moves without a reload.
import { useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useClient } from '../auth/auth-context';
import { WORKFLOW_STATES } from '../api/types';
import { AsyncSection } from '../ui/AsyncSection';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/feedback';
import { formatTime } from '../ui/format';
import { Pager } from '../ui/Pager';
import { StateBadge } from '../ui/StateBadge';
import { useAsync } from '../ui/use-async';
import { useCursorPages } from '../ui/use-cursor-pages';
import { fetchStateCounts, fetchWorkflowPage, type TemplateCache } from './fetch-workflows';
import { filtersFromSearch, filtersToSearch, needsScan, type WorkflowFilters } from './workflow-filters';

const PAGE_SIZE = 20;
const REFRESH_MS = 3000;

export function WorkflowsPage() {
  const client = useClient();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const filterKey = params.toString();
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const templates = useRef<TemplateCache>(new Map());

  const list = useAsync((signal) => fetchWorkflowPage(client, filters, cursor, PAGE_SIZE, templates.current, signal), [client, filterKey, cursor], REFRESH_MS);
  const counts = useAsync((signal) => fetchStateCounts(client, WORKFLOW_STATES, signal), [client], REFRESH_MS);

  function setFilter(change: Partial<WorkflowFilters>) {
    pages.reset();
    setParams(filtersToSearch({ ...filters, ...change }), { replace: true });
  }

  return (
    <>
      <div className="page-head">
        <h1>Workflows</h1>
      </div>

      <ul aria-label="Counts per state" className="counts">
        {WORKFLOW_STATES.map((state) => {
          const entry = counts.data?.[state];
          return (
            <li key={state} className={`count state-${state}`}>
              {state} {entry ? `${entry.count}${entry.more ? '+' : ''}` : '…'}
            </li>
          );
        })}
      </ul>

      <form className="filters card" onSubmit={(event) => event.preventDefault()} role="search" aria-label="Filter workflows">
        <div className="field">
          <label htmlFor="filter-state">State</label>
          <select
            id="filter-state"
            value={filters.state ?? ''}
            onChange={(event) => setFilter({ state: (event.target.value || undefined) as WorkflowFilters['state'] })}
          >
            <option value="">Any state</option>
            {WORKFLOW_STATES.map((state) => (
              <option key={state} value={state}>
                {state}
              </option>
            ))}
          </select>
        </div>
        <DebouncedField
          id="filter-search"
          label="Search by id"
          value={filters.search ?? ''}
          onCommit={(search) => setFilter({ search })}
          placeholder="id or name"
        />
        <DebouncedField
          id="filter-template"
          label="Template"
          value={filters.template ?? ''}
          onCommit={(template) => setFilter({ template })}
          placeholder="templateId"
        />
        <div className="field">
          <label htmlFor="filter-from">From</label>
          <input id="filter-from" type="datetime-local" value={filters.from ?? ''} onChange={(event) => setFilter({ from: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">To</label>
          <input id="filter-to" type="datetime-local" value={filters.to ?? ''} onChange={(event) => setFilter({ to: event.target.value })} />
        </div>
        {filterKey && (
          <button
            type="button"
            className="ghost"
            onClick={() => {
              pages.reset();
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            Clear filters
          </button>
        )}
      </form>

      <AsyncSection
        state={list}
        what="workflows"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No workflows">
            {filterKey ? 'None matches these filters.' : 'Start one with POST /workflows or bsctl run; it shows up here at once.'}
          </EmptyState>
        }
      >
        {(data) => (
          <DataTable label="Workflows" card columns={['Name', 'State', 'Current job', 'Created', 'Finished']}>
            {data.items.map((workflow) => (
              <tr key={workflow.id}>
                <td>
                  <Link to={`/workflows/${workflow.id}`}>{workflow.name || workflow.id}</Link>
                  {workflow.name && <div className="muted small mono secondary-id">{workflow.id}</div>}
                </td>
                <td>
                  <StateBadge state={workflow.state} />
                </td>
                <td className="mono">{workflow.currentJob}</td>
                <td>{formatTime(workflow.createdAt)}</td>
                <td>{formatTime(workflow.finishedAt)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncSection>
      {needsScan(filters) && list.data && (
        <p className="muted small">Search, template and time range are applied to the workflows as they are listed, newest first.</p>
      )}
      <Pager pages={pages} nextCursor={list.data?.nextCursor} />
    </>
  );
}

/** A text filter that applies a moment after typing stops (not on every key, which would refetch each time). */
function DebouncedField({
  id,
  label,
  value,
  onCommit,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onCommit: (value: string) => void;
  placeholder?: string;
}) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => onCommit(next), 300);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            clearTimeout(timer.current);
            onCommit(text);
          }
        }}
      />
    </div>
  );
}
