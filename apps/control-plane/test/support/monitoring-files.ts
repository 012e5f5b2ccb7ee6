import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const MONITORING_DIR = path.resolve(__dirname, '../../../../k8s/monitoring');
export const RULES_FILE = path.join(MONITORING_DIR, 'rules/base-shift-alerts.yaml');
export const RULES_TEST_FILE = path.join(MONITORING_DIR, 'rules/base-shift-alerts.test.yaml');
export const DASHBOARD_FILE = path.join(MONITORING_DIR, 'dashboards/base-shift.json');

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export function readYaml<T>(file: string): T {
  return parse(readFileSync(file, 'utf8')) as T;
}

export function alertRules(): AlertRule[] {
  return readYaml<{ groups: Array<{ rules: AlertRule[] }> }>(RULES_FILE).groups.flatMap((group) => group.rules);
}

interface Panel {
  title: string;
  type: string;
  datasource?: unknown;
  targets?: Array<{ expr: string }>;
  panels?: Panel[];
}

export interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: Array<{ name: string; type: string; query?: unknown }> };
}

export function dashboard(): Dashboard {
  return JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8')) as Dashboard;
}

/** Every PromQL expression of the dashboard's panels, with Grafana's variables replaced by match-all values. */
export function dashboardQueries(board: Dashboard = dashboard()): Array<{ panel: string; expr: string }> {
  const panels = board.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
  return panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr.replace(/\$pool/g, '.*') })));
}

/** Metric names an expression reads: our families (suffixes of histograms stripped by the caller's list). */
export function metricNames(expr: string): string[] {
  return [...new Set([...expr.matchAll(/\b(base_shift_[a-z0-9_]+|process_[a-z0-9_]+|nodejs_[a-z0-9_]+)\b/g)].map((match) => match[1]))];
}

/** A histogram's series name back to its family: `x_bucket` → `x` when `x` is known. */
export function familyOf(name: string, known: ReadonlySet<string>): string {
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return known.has(name) ? name : base;
}
