import { documentedMetrics } from '../support/metrics-text';
import { dashboard, dashboardQueries, familyOf, metricNames } from '../support/monitoring-files';

describe('Grafana dashboard (k8s/monitoring/dashboards/base-shift.json)', () => {
  it('is a dashboard whose every panel queries Prometheus through the data source variable', () => {
    const board = dashboard();
    expect(board).toMatchObject({ uid: 'base-shift', title: 'Base Shift' });
    expect(board.templating.list.map((variable) => [variable.name, variable.type])).toEqual([
      ['datasource', 'datasource'],
      ['pool', 'query'],
    ]);
    const panels = board.panels.filter((panel) => panel.type !== 'row');
    expect(panels.length).toBeGreaterThanOrEqual(20);
    for (const panel of panels) {
      expect({ title: panel.title, datasource: panel.datasource, targets: (panel.targets ?? []).length > 0 }).toEqual({
        title: panel.title,
        datasource: { type: 'prometheus', uid: '${datasource}' },
        targets: true,
      });
    }
  });

  it('queries only metrics the README documents, and shows the main ones', () => {
    const documented = new Set([...documentedMetrics().values()].flat());
    const used = new Set(dashboardQueries().flatMap(({ expr }) => metricNames(expr).map((name) => familyOf(name, documented))));
    expect([...used].filter((name) => !documented.has(name))).toEqual([]);
    expect([...used]).toEqual(
      expect.arrayContaining([
        'base_shift_workflows',
        'base_shift_workflow_transitions_total',
        'base_shift_jobs_succeeded_total',
        'base_shift_jobs_failed_total',
        'base_shift_jobs_dead_lettered_total',
        'base_shift_job_duration_seconds',
        'base_shift_job_queue_wait_seconds',
        'base_shift_queue_jobs',
        'base_shift_executor_pods_ready',
        'base_shift_http_request_duration_seconds',
        'base_shift_graphql_request_duration_seconds',
      ]),
    );
  });
});
