import type { ValidationProblem } from '@base-shift/core';
import { isStepTypeName, STEP_TYPE_NAMES } from '@base-shift/steps';
import { InvalidPageError, InvalidTemplateError } from '../errors/template-errors';
import type { JobTemplateVersion, ResolvedTemplate } from '../model/job-template';
import type { TemplateRepository } from '../ports/template-repository.port';
import { parseVersionSelector, selectVersion, sortNewestFirst, type VersionSelector } from '../versioning/template-versions';
import { decodeCursor, encodeCursor } from './template-cursor';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
// Templates examined per round trip; the filters are re-checked on the resolved version, so some are dropped.
const SCAN_BATCH = 50;
const DEFAULT_SELECTOR: VersionSelector = { kind: 'default' };

export interface TemplateFilter {
  /** Case-insensitive substring of the resolved version's name. */
  name?: string;
  /** Version selector (exact or range) each template is resolved with; default: the default version. */
  version?: string;
  /** A step type the resolved version uses. */
  type?: string;
}

export interface TemplateListQuery {
  filter?: TemplateFilter;
  first?: number;
  after?: string;
}

export interface TemplatePageItem extends ResolvedTemplate {
  cursor: string;
}

export interface TemplatePage {
  items: TemplatePageItem[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * One page of templates ordered by id, each resolved as jobTemplate(id,
 * filter.version) would resolve it; templates with no matching version are
 * left out. The store pre-selects candidates (any version matching name/type),
 * then the filters are applied to the resolved version.
 */
export async function listTemplatePage(repository: TemplateRepository, query: TemplateListQuery): Promise<TemplatePage> {
  const { first, after, selector, filter } = parseListQuery(query);
  const found: TemplatePageItem[] = [];
  let position = after;
  while (found.length <= first) {
    const ids = await repository.findTemplateIds({ after: position, stepType: filter.type, nameContains: filter.name, limit: SCAN_BATCH });
    if (ids.length === 0) break;
    const versions = groupByTemplate(await repository.findAllVersions(ids));
    for (const id of ids) {
      const item = resolveForListing(versions.get(id) ?? [], selector, filter);
      if (item) found.push({ ...item, cursor: encodeCursor(id) });
      if (found.length > first) break;
    }
    if (ids.length < SCAN_BATCH) break;
    position = ids[ids.length - 1];
  }
  const items = found.slice(0, first);
  return { items, hasNextPage: found.length > first, endCursor: items.length > 0 ? items[items.length - 1].cursor : null };
}

/**
 * Paging arguments first: when they are wrong the caller gets the pagination
 * error alone (its own code), then the filter's problems, all at once.
 */
function parseListQuery(query: TemplateListQuery) {
  const { first, after } = parsePaging(query);
  const problems: ValidationProblem[] = [];
  const filter = query.filter ?? {};
  if (filter.type !== undefined && !isStepTypeName(filter.type))
    problems.push({ pointer: '/filter/type', message: `must be one of ${STEP_TYPE_NAMES.join(', ')}` });
  const selector = collectProblems(problems, () => parseVersionSelector(filter.version, '/filter/version'));
  if (problems.length > 0) throw new InvalidTemplateError(problems, 'template filter');
  return { first, after, selector: selector ?? DEFAULT_SELECTOR, filter };
}

function parsePaging(query: TemplateListQuery): { first: number; after: string | undefined } {
  const problems: ValidationProblem[] = [];
  const first = query.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    problems.push({ pointer: '/first', message: `must be an integer between 1 and ${MAX_PAGE_SIZE}` });
  const cursor = query.after;
  let after: string | undefined;
  if (cursor !== undefined) {
    try {
      after = decodeCursor(cursor);
    } catch (error) {
      if (!(error instanceof InvalidPageError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InvalidPageError(problems);
  return { first, after };
}

/** Runs a parser, adding its problems to `problems` instead of throwing, so every bad argument is reported at once. */
function collectProblems<T>(problems: ValidationProblem[], parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof InvalidTemplateError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}

function resolveForListing(all: JobTemplateVersion[], selector: VersionSelector, filter: TemplateFilter): ResolvedTemplate | undefined {
  const chosen = selectVersion(all, selector);
  const template = all.find((v) => v.version === chosen);
  if (!template) return undefined;
  if (filter.name !== undefined && !template.name.toLowerCase().includes(filter.name.toLowerCase())) return undefined;
  if (filter.type !== undefined && !template.steps.some((step) => step.type === filter.type)) return undefined;
  const versions = sortNewestFirst(all).map(({ version, deprecated, createdAt }) => ({ version, deprecated, createdAt }));
  return { template, versions };
}

function groupByTemplate(versions: JobTemplateVersion[]): Map<string, JobTemplateVersion[]> {
  const groups = new Map<string, JobTemplateVersion[]>();
  for (const version of versions) groups.set(version.templateId, [...(groups.get(version.templateId) ?? []), version]);
  return groups;
}
