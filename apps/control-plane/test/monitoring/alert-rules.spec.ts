import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensurePrometheusInstalled } from '@base-shift/testing';
import { documentedMetrics } from '../support/metrics-text';
import { alertRules, familyOf, metricNames, MONITORING_DIR, readYaml, RULES_FILE, RULES_TEST_FILE } from '../support/monitoring-files';

function promtool(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync('promtool', args, { cwd: path.dirname(RULES_FILE), encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('alert rules (k8s/monitoring)', () => {
  beforeAll(() => ensurePrometheusInstalled());

  it('pass promtool check rules', () => {
    const result = promtool('check', 'rules', RULES_FILE);
    expect(result.output).toContain(`SUCCESS: ${alertRules().length} rules found`);
    expect(result.status).toBe(0);
  });

  it('fire on the series that should page and stay silent on healthy ones (promtool test rules)', () => {
    const result = promtool('test', 'rules', RULES_TEST_FILE);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  it('cover failing workflows, queue wait, a growing dead letter, pools without ready executors and Redis data loss, each unit-tested', () => {
    const names = alertRules().map((rule) => rule.alert);
    expect(names).toEqual([
      'BaseShiftWorkflowsFailing',
      'BaseShiftQueueWaitTooHigh',
      'BaseShiftQueueWaitP95TooHigh',
      'BaseShiftDeadLetterGrowing',
      'BaseShiftNoReadyExecutors',
      'BaseShiftRedisDataLoss',
    ]);
    const tested = readYaml<{ tests: Array<{ alert_rule_test: Array<{ alertname: string; exp_alerts: unknown[] }> }> }>(RULES_TEST_FILE)
      .tests.flatMap((test) => test.alert_rule_test)
      .filter((test) => test.exp_alerts.length > 0)
      .map((test) => test.alertname);
    expect([...new Set(tested)].sort()).toEqual([...names].sort());
    for (const rule of alertRules())
      expect({ alert: rule.alert, severity: rule.labels?.['severity'], summary: typeof rule.annotations?.['summary'] }).toEqual({
        alert: rule.alert,
        severity: expect.stringMatching(/^(warning|critical)$/),
        summary: 'string',
      });
  });

  it('read only documented metrics', () => {
    const documented = new Set([...documentedMetrics().values()].flat());
    const used = alertRules().flatMap((rule) => metricNames(rule.expr).map((name) => familyOf(name, documented)));
    expect(used.filter((name) => !documented.has(name))).toEqual([]);
    expect(used).toEqual(expect.arrayContaining(['base_shift_executor_pods_ready', 'base_shift_queue_jobs']));
  });

  it('are the same groups in the PrometheusRule as in the plain rules file', () => {
    const plain = readYaml<{ groups: unknown }>(RULES_FILE);
    const resource = readYaml<{ apiVersion: string; kind: string; spec: { groups: unknown } }>(path.join(MONITORING_DIR, 'prometheus-rule.yaml'));
    expect(resource).toMatchObject({ apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule' });
    expect(resource.spec.groups).toEqual(plain.groups);
  });
});
