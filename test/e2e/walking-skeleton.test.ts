import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { isAlive } from '../../local/processes';
import { freePorts } from '../../platform/free-ports';
import { callerFor, tokensFrom } from '../helpers/auth';
import { eventually, http } from '../helpers/http';
import { testDataConverter } from '../helpers/temporal';
import { type LocalSystem, startLocalSystem } from '../support/harness';

let system: LocalSystem;
let db: PgClient;
let metricsUrls: { api: string; worker: string };

beforeAll(async () => {
  const [apiMetricsPort, workerMetricsPort] = (await freePorts(2)) as [number, number];
  metricsUrls = {
    api: `http://127.0.0.1:${apiMetricsPort}/metrics`,
    worker: `http://127.0.0.1:${workerMetricsPort}/metrics`,
  };
  system = await startLocalSystem({
    label: 'e2e',
    env: { API_METRICS_PORT: String(apiMetricsPort), WORKER_METRICS_PORT: String(workerMetricsPort) },
  });
  tokensFrom(system.issuerUrl);
  db = new PgClient({ connectionString: system.databaseUrl });
  await db.connect();
}, 240_000);

afterAll(async () => {
  await db?.end();
  if (system) await system.stop();
});

const api = async (method: string, path: string, options: Parameters<typeof http>[3] = {}) =>
  http<Record<string, unknown>>(system.apiUrl, method, path, {
    ...options,
    headers: { ...(await callerFor(path)), ...options.headers },
  });

describe('the system started as `npm start` starts it', () => {
  it('reports PostgreSQL and Temporal healthy', async () => {
    const health = await api('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', checks: { database: 'ok', temporal: 'ok' } });
  });

  it('prints where the three apps are, on the Node.js the project pins', async () => {
    const banner = await eventually(
      async () => system.process.output(),
      (output) => output.includes('CS console:'),
      10_000,
    );
    expect(banner).toContain(`is running (Node.js ${process.version}).`);
    expect(process.version).toMatch(/^v24\./);
    const port = new URL(system.apiUrl).port;
    for (const app of ['/app/', '/app/technician', '/app/cs']) expect(banner).toContain(`:${port}${app}`);
  });

  it('leads a person who types the bare address to the app', async () => {
    const root = await fetch(`${system.apiUrl}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/app/']);
  });

  it('serves the Temporal Web UI', async () => {
    const ui = await fetch(system.temporalUiUrl);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('<html');
  });

  it('starts an UpgradeWorkflow that writes its request to PostgreSQL, and finds it again by key', async () => {
    const request = {
      body: { targetPackageCode: 'STREAM-150-SEM' },
      headers: { 'Idempotency-Key': 'e2e-skeleton-1' },
    };
    const started = await api('POST', '/v1/customers/21314849/upgrades', request);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      upgradeId: 'upgrade-21314849-e2e-skeleton-1',
      workflowId: 'upgrade-21314849-e2e-skeleton-1',
    });

    const progress = await eventually(
      () => api('GET', '/v1/upgrades/upgrade-21314849-e2e-skeleton-1'),
      (answer) => answer.body.status === 'COMPLETED',
    );
    expect(progress.body).toMatchObject({ customerId: '21314849', targetPackageCode: 'STREAM-150-SEM' });

    const again = await api('POST', '/v1/customers/21314849/upgrades', request);
    expect(again.status).toBe(202);
    expect(again.body.upgradeId).toBe('upgrade-21314849-e2e-skeleton-1');

    const rows = await db.query(
      'SELECT id, "customerId", "targetPackageCode" FROM "UpgradeRequest" WHERE "customerId" = $1',
      ['21314849'],
    );
    expect(rows.rows).toEqual([
      { id: 'upgrade-21314849-e2e-skeleton-1', customerId: '21314849', targetPackageCode: 'STREAM-150-SEM' },
    ]);
  });

  it('lists the run in Temporal, filterable by the CustomerId search attribute', async () => {
    const connection = await Connection.connect({ address: system.temporalAddress });
    try {
      const client = new Client({ connection, dataConverter: testDataConverter });
      const ids = await eventually(
        async () => {
          const found: string[] = [];
          for await (const run of client.workflow.list({ query: `CustomerId = "21314849"` }))
            found.push(run.workflowId);
          return found;
        },
        (found) => found.length > 0,
      );
      expect(ids).toEqual(['upgrade-21314849-e2e-skeleton-1']);
    } finally {
      await connection.close();
    }
  });

  it('serves Prometheus metrics of the API and of the worker, each on its own port', async () => {
    const fromApi = await (await fetch(metricsUrls.api)).text();
    expect(fromApi).toContain(
      'selfcare_http_requests_total{method="POST",route="/v1/customers/:customerId/upgrades",status="202"} 2',
    );
    expect(fromApi).toContain('selfcare_upgrades{status="COMPLETED"} 1');
    expect((await api('GET', '/metrics')).status).toBe(404);

    // The SDK's own exporter: the run above was polled for and completed by this worker.
    const fromWorker = await eventually(
      async () => (await fetch(metricsUrls.worker)).text(),
      (text) => /^temporal_workflow_completed\{[^}]*workflow_type="UpgradeWorkflow"[^}]*\} [1-9]/m.test(text),
    );
    expect(fromWorker).toMatch(
      /^temporal_workflow_task_queue_poll_succeed\{[^}]*task_queue="selfcare-upgrade"[^}]*\} [1-9]/m,
    );
  });

  it('answers bad input with precise problem details', async () => {
    const malformed = await api('POST', '/v1/customers/2131/upgrades', {
      body: { targetPackageCode: 'STREAM-150-SEM' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.contentType).toContain('application/problem+json');
    expect(malformed.body.detail).toContain('8 digits');

    const unknown = await api('POST', '/v1/customers/99999999/upgrades', {
      body: { targetPackageCode: 'STREAM-150-SEM' },
    });
    expect(unknown.status).toBe(404);

    const badJson = await api('POST', '/v1/customers/21314849/upgrades', {
      rawBody: '{"targetPackageCode":',
    });
    expect(badJson.status).toBe(400);
    expect(badJson.body.detail).toBe('request body is not valid JSON');

    const noUpgrade = await api('GET', '/v1/upgrades/upgrade-21314849-nope');
    expect(noUpgrade.status).toBe(404);
  });

  it('stops on SIGTERM with exit code 0 and leaves no process behind', async () => {
    const tree = system.processTree();
    expect(tree.length).toBeGreaterThanOrEqual(3); // node, PostgreSQL, Temporal at least
    await db.end();
    const code = await system.stop();
    expect(code).toBe(0);
    await eventually(
      async () => tree.filter(isAlive),
      (alive) => alive.length === 0,
      15_000,
    );
  });
});
