import type { JobTemplate, JobTemplateVersion } from '@base-shift/client';
import type { Palette } from './color';
import { renderFields, renderTable, type Column } from './table';

/** An API object read by member name: the tables show what the answer holds, whatever the document types it as. */
export type Fields = Record<string, unknown>;

export function asFields(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}

export function asList(value: unknown): Fields[] {
  return Array.isArray(value) ? value.map(asFields) : [];
}

const state = (colors: Palette) => (text: string) => colors.state(text.trimEnd()) + text.slice(text.trimEnd().length);

export function templatesTable(templates: JobTemplate[], colors: Palette): string {
  const columns: Array<Column<JobTemplate>> = [
    { header: 'id', value: (t) => t.id },
    { header: 'version', value: (t) => t.version },
    { header: 'name', value: (t) => t.name },
    { header: 'steps', value: (t) => t.steps.map((step) => step.type).join(',') },
    { header: 'pool', value: (t) => t.resourceClass },
    { header: 'deprecated', value: (t) => t.deprecated },
    { header: 'created', value: (t) => t.createdAt },
  ];
  return renderTable(columns, templates, colors.bold);
}

export function templateDetails(template: JobTemplate, colors: Palette): string {
  const fields = renderFields(
    [
      ['ID', template.id],
      ['Version', template.version],
      ['Name', template.name],
      ['Description', template.description],
      ['Deprecated', template.deprecated],
      ['Pool', template.resourceClass],
      ['Priority', template.priority],
      ['Max attempts', template.maxAttempts],
      ['Timeout', `${template.timeoutSeconds}s`],
      ['Secrets', template.requiredSecrets.join(', ')],
      ['Created', template.createdAt],
    ],
    colors.bold,
  );
  const steps = renderTable(
    [
      { header: 'step', value: (step: JobTemplate['steps'][number]) => step.name },
      { header: 'type', value: (step) => step.type },
      { header: 'config', value: (step) => step.config },
    ],
    template.steps,
    colors.bold,
  );
  return `${fields}\n${steps}`;
}

export function versionsTable(versions: JobTemplateVersion[], colors: Palette): string {
  return renderTable(
    [
      { header: 'version', value: (v: JobTemplateVersion) => v.version },
      { header: 'deprecated', value: (v) => v.deprecated },
      { header: 'created', value: (v) => v.createdAt },
    ],
    versions,
    colors.bold,
  );
}

export function workflowsTable(workflows: Fields[], colors: Palette): string {
  return renderTable(
    [
      { header: 'id', value: (w: Fields) => w['id'] },
      { header: 'name', value: (w) => w['name'] },
      { header: 'state', value: (w) => w['state'], style: state(colors) },
      { header: 'current job', value: (w) => w['currentJob'] },
      { header: 'created', value: (w) => w['createdAt'] },
      { header: 'finished', value: (w) => w['finishedAt'] },
    ],
    workflows,
    colors.bold,
  );
}

/** The error of a job in a few words: its code and message, whatever shape the record holds. */
export function errorSummary(error: unknown): string | undefined {
  if (error === undefined || error === null) return undefined;
  if (typeof error === 'string') return error;
  const fields = asFields(error);
  const parts = [fields['code'], fields['message']].filter((part) => typeof part === 'string' && part !== '');
  return parts.length > 0 ? parts.join(': ') : JSON.stringify(error);
}

export function jobsTable(jobs: Fields[], colors: Palette): string {
  return renderTable(
    [
      { header: 'job', value: (j: Fields) => j['id'] },
      { header: 'template', value: (j) => `${String(j['templateId'])}@${String(j['version'])}` },
      { header: 'state', value: (j) => j['state'], style: state(colors) },
      { header: 'attempts', value: (j) => `${String(j['attempts'])}/${String(j['maxAttempts'])}` },
      { header: 'duration', value: (j) => (typeof j['durationMs'] === 'number' ? `${j['durationMs']}ms` : undefined) },
      { header: 'error', value: (j) => errorSummary(j['error']) },
    ],
    jobs,
    colors.bold,
  );
}

export function workflowDetails(workflow: Fields, colors: Palette): string {
  const fields = renderFields(
    [
      ['ID', workflow['id']],
      ['Name', workflow['name']],
      ['State', colors.state(String(workflow['state']))],
      ['Mode', workflow['mode']],
      ['Current job', workflow['currentJob']],
      ['Created', workflow['createdAt']],
      ['Finished', workflow['finishedAt']],
      ['Reason', workflow['reason']],
    ],
    colors.bold,
  );
  return `${fields}\n${jobsTable(asList(workflow['jobs']), colors)}`;
}

export function deadLettersTable(items: Fields[], colors: Palette): string {
  return renderTable(
    [
      { header: 'job', value: (j: Fields) => j['id'] },
      { header: 'pool', value: (j) => j['pool'] },
      { header: 'attempt', value: (j) => j['attempt'] },
      { header: 'failures', value: (j) => j['failures'] },
      { header: 'dead at', value: (j) => j['deadAt'] },
      { header: 'last error', value: (j) => errorSummary(j['lastError']) },
    ],
    items,
    colors.bold,
  );
}

export function poolsTable(pools: Fields[], colors: Palette): string {
  const queue = (pool: Fields, member: string) => asFields(pool['queue'])[member];
  const pods = (pool: Fields) => {
    const status = asFields(pool['pods']);
    return pool['pods'] ? `${String(status['ready'])}/${String(status['desired'])}` : undefined;
  };
  return renderTable(
    [
      { header: 'pool', value: (p: Fields) => p['name'] },
      { header: 'queued', value: (p) => queue(p, 'queued') },
      { header: 'in flight', value: (p) => queue(p, 'inFlight') },
      { header: 'delayed', value: (p) => queue(p, 'delayed') },
      { header: 'dead', value: (p) => queue(p, 'dead') },
      { header: 'pods ready/desired', value: pods },
      { header: 'min', value: (p) => p['minPods'] },
      { header: 'max', value: (p) => p['maxPods'] },
    ],
    pools,
    colors.bold,
  );
}
