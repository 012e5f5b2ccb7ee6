import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (label values without escapes, as ours are). */
export function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="([^"]*)"/g)) labels[pair[1]] = pair[2];
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the one sample of `name` whose labels include `labels`; undefined when there is none. */
export function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const found = parseSamples(text).filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} samples; name more labels`);
  return found[0]?.value;
}

/** Metric family names (# TYPE lines) of an exposition. */
export function familyNames(text: string): string[] {
  return [...text.matchAll(/^# TYPE (\S+) \S+$/gm)].map((match) => match[1]);
}

const README = path.resolve(__dirname, '../../../../README.md');

/**
 * Metric names documented in the README's "Metrics" section, per subsection
 * ("### Control plane", "### Job executor", ...): the first column of its tables.
 */
export function documentedMetrics(): Map<string, string[]> {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf('\n## Metrics\n');
  if (start < 0) throw new Error('README.md has no "## Metrics" section');
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  const bySubsection = new Map<string, string[]>();
  let current = '';
  for (const line of section.split('\n')) {
    const heading = /^### (.+)$/.exec(line);
    if (heading) current = heading[1].trim();
    const row = /^\| `([a-z_:][a-z0-9_:]*)`/.exec(line);
    if (row) bySubsection.set(current, [...(bySubsection.get(current) ?? []), row[1]]);
  }
  return bySubsection;
}
