import { describe, expect, it } from 'vitest';
import type { WorkflowSummary } from '../api/types';
import { beforeRange, filtersFromSearch, filtersToSearch, listQuery, matchesFilters, needsScan } from './workflow-filters';

const summary = (extra: Partial<WorkflowSummary> = {}): WorkflowSummary => ({
  id: '0194b7c2-5e1a-7c3d-9f00-1a2b3c4d5e6f',
  name: 'order 42',
  state: 'RUNNING',
  currentJob: 'a',
  createdAt: new Date(2026, 0, 31, 10, 30).toISOString(),
  updatedAt: new Date(2026, 0, 31, 10, 30).toISOString(),
  ...extra,
});

describe('filters in the address', () => {
  it('round-trips every filter and drops empty or unknown values', () => {
    const filters = { state: 'FAILED' as const, search: '0194', template: 'charge', from: '2026-01-31T10:00', to: '2026-01-31T11:00' };
    expect(filtersFromSearch(filtersToSearch(filters))).toEqual(filters);
    expect(filtersFromSearch(new URLSearchParams('state=BOGUS&search=%20%20&template=x'))).toEqual({ template: 'x' });
  });
});

describe('listQuery', () => {
  it('sends the state to the server and pages at the page size', () => {
    expect(listQuery({ state: 'COMPLETED' }, undefined, 20)).toEqual({ limit: 20, state: 'COMPLETED' });
  });
  it('asks for full pages when a filter is applied in the browser', () => {
    expect(listQuery({ search: 'abc' }, 'c1', 20)).toEqual({ limit: 100, cursor: 'c1' });
    expect(needsScan({ state: 'RUNNING' })).toBe(false);
  });
  it('scans page-sized pages for the template filter, which reads each candidate', () => {
    expect(listQuery({ template: 'charge', search: 'x' }, undefined, 20)).toEqual({ limit: 20 });
  });
});

describe('matchesFilters', () => {
  it('matches the id search against the id and the name, ignoring case', () => {
    expect(matchesFilters(summary(), { search: '5E1A' })).toBe(true);
    expect(matchesFilters(summary(), { search: 'ORDER' })).toBe(true);
    expect(matchesFilters(summary(), { search: 'nope' })).toBe(false);
  });
  it('keeps createdAt within the time range (local time)', () => {
    expect(matchesFilters(summary(), { from: '2026-01-31T10:00', to: '2026-01-31T11:00' })).toBe(true);
    expect(matchesFilters(summary(), { from: '2026-01-31T10:45' })).toBe(false);
    expect(matchesFilters(summary(), { to: '2026-01-31T10:15' })).toBe(false);
    expect(beforeRange(summary(), { from: '2026-01-31T10:45' })).toBe(true);
  });
  it('matches the template against the templates of its jobs', () => {
    expect(matchesFilters(summary(), { template: 'charge' }, ['validate', 'Charge'])).toBe(true);
    expect(matchesFilters(summary(), { template: 'charge' }, ['validate'])).toBe(false);
  });
});
