/**
 * The Grafana dashboard (deploy/grafana/selfcare-dashboard.json) plots only metrics that exist:
 * every selfcare_* name it queries is one the API registers (api/metrics.ts and what it assembles), every temporal_* name one the
 * SDK's exporter serves (README's list), and a panel leads to the traces.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const dashboard = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'deploy/grafana/selfcare-dashboard.json'), 'utf8'),
);
/** Where the API's metrics are registered: the requests', the upgrade gauges', the process's. */
const metricsSource = ['api/metrics.ts', 'services/upgrade-counts.ts', 'platform/telemetry/http-metrics.ts']
  .map((file) => fs.readFileSync(path.join(ROOT, file), 'utf8'))
  .join('\n');
const SDK_METRICS = [
  'temporal_worker_task_slots_available',
  'temporal_workflow_task_schedule_to_start_latency',
  'temporal_activity_schedule_to_start_latency',
  'temporal_activity_execution_failed',
];

const exprs: string[] = dashboard.panels.flatMap((p: { targets?: Array<{ expr: string }> }) =>
  (p.targets ?? []).map((t) => t.expr),
);
const names = [...new Set(exprs.flatMap((e) => e.match(/\b(selfcare|temporal)_[a-z_]+/g) ?? []))];

describe('the Grafana dashboard', () => {
  it('queries the upgrade metrics the API registers', () => {
    const ours = names.filter((n) => n.startsWith('selfcare_')).map((n) => n.replace(/_bucket$/, ''));
    expect(ours.length).toBeGreaterThanOrEqual(4);
    for (const name of ours) expect([name, metricsSource.includes(`'${name}'`)]).toEqual([name, true]);
  });

  it('queries only SDK metrics the worker exporter serves', () => {
    const sdk = names.filter((n) => n.startsWith('temporal_')).map((n) => n.replace(/_bucket$/, ''));
    expect(sdk.sort()).toEqual([...SDK_METRICS].sort());
  });

  it('has the panels the operator asked for, one of them leading to the traces', () => {
    const titles = dashboard.panels.map((p: { title: string }) => p.title);
    for (const title of [
      'Upgrades by status',
      'Awaiting the ONT swap',
      'ONT swap escalations',
      'Worker task slots available',
    ])
      expect(titles).toContain(title);
    const traces = dashboard.panels.find((p: { title: string }) => p.title === 'Traces');
    expect(traces.options.content).toContain(`\${trace_url}/trace/<trace_id>`);
  });
});
