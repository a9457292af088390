/**
 * The API's Prometheus endpoint (api/metrics.ts) against a real PostgreSQL: requests labelled by
 * route template (never the raw path), unknown paths as `unmatched`, the upgrade counts read from
 * the rows — 0 for every status before there are any — and the request metrics still served
 * while PostgreSQL is down.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../api/app';
import { createApiMetrics } from '../../api/metrics';
import { UPGRADE_STATUSES, type UpgradeStatus } from '../../contracts/upgrade';
import { loadConfig } from '../../platform/config';
import { freePort } from '../../platform/free-ports';
import { createLogger } from '../../platform/logger';
import { serveMetrics } from '../../platform/telemetry/metrics-endpoint';
import { asCustomer, trustingEnv } from '../helpers/auth';
import { startTestDatabase, type TestDatabase } from '../helpers/database';
import { http } from '../helpers/http';

let t: TestDatabase;
let server: Server;
let base: string;
let metricsServer: Awaited<ReturnType<typeof serveMetrics>>;

beforeAll(async () => {
  t = await startTestDatabase();
  const logger = createLogger('silent');
  const metrics = createApiMetrics(t.db, logger);
  const app = createApp({
    db: t.db,
    temporal: {} as never,
    config: loadConfig({ ...(await trustingEnv()) }),
    logger,
    metrics,
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  metricsServer = await serveMetrics(metrics, '127.0.0.1', await freePort());
}, 180_000);

afterAll(async () => {
  await metricsServer?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await t?.teardown();
});

/** The samples of one metric family: each label set (as `k="v",…`, sorted) with its value. */
function samples(text: string, name: string): Record<string, number> {
  const found: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const labels = (match[2] ?? '').split(',').filter(Boolean).sort().join(',');
    found[labels] = Number(match[3]);
  }
  return found;
}

async function scrape(url = metricsServer.url): Promise<string> {
  const answer = await fetch(url);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toContain('text/plain');
  return answer.text();
}

const allZero = Object.fromEntries(UPGRADE_STATUSES.map((status) => [`status="${status}"`, 0]));

describe('the API metrics endpoint', () => {
  it('serves GET /metrics only, on its own port', async () => {
    expect(new URL(metricsServer.url).port).not.toBe(new URL(base).port);
    expect((await fetch(new URL('/other', metricsServer.url))).status).toBe(404);
    expect((await http(base, 'GET', '/metrics')).status).toBe(404);
  });

  it('reports 0 for every status while there are no upgrades, and the process metrics', async () => {
    const text = await scrape();
    expect(samples(text, 'selfcare_upgrades')).toEqual(allZero);
    expect(samples(text, 'selfcare_upgrades_awaiting_ont_swap')).toEqual({ '': 0 });
    expect(samples(text, 'selfcare_ont_swap_escalations_total')).toEqual({ '': 0 });
    expect(text).toMatch(/^selfcare_api_process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^selfcare_api_nodejs_heap_size_used_bytes \d/m);
  });

  it('labels requests by route template and status; unknown paths land on `unmatched`', async () => {
    const before = samples(await scrape(), 'selfcare_http_requests_total');
    const customer = await asCustomer('21314849');
    expect((await http(base, 'GET', '/v1/customers/21314849/upgrades', { headers: customer })).status).toBe(
      200,
    );
    expect((await http(base, 'GET', '/v1/customers/21314849/upgrades', { headers: customer })).status).toBe(
      200,
    );
    expect(
      (await http(base, 'GET', '/v1/upgrades/upgrade-21314849-nope', { headers: customer })).status,
    ).toBe(404);
    expect((await http(base, 'GET', '/v1/customers/21301029/subscription')).status).toBe(401);
    expect((await http(base, 'GET', '/v1/no/such/thing/42', { headers: customer })).status).toBe(404);
    expect((await http(base, 'GET', '/favicon.ico')).status).toBe(404);

    const text = await scrape();
    const after = samples(text, 'selfcare_http_requests_total');
    const added = (labels: string) => (after[labels] ?? 0) - (before[labels] ?? 0);
    expect(added('method="GET",route="/v1/customers/:customerId/upgrades",status="200"')).toBe(2);
    expect(added('method="GET",route="/v1/upgrades/:upgradeId",status="404"')).toBe(1);
    expect(added('method="GET",route="/v1/customers/:customerId/subscription",status="401"')).toBe(1);
    expect(added('method="GET",route="unmatched",status="404"')).toBe(2);

    // Only templates: no customer ID, upgrade ID or unknown path ever becomes a label.
    const routes = Object.keys(after).map((labels) => /route="([^"]*)"/.exec(labels)?.[1]);
    for (const route of routes)
      expect(route === 'unmatched' || /^\/[\w\-/:.]*$/.test(route ?? '')).toBe(true);
    expect(text).not.toMatch(/21314849|21301029|nope|no\/such|favicon/);

    const latency = samples(text, 'selfcare_http_request_duration_seconds_count');
    expect(
      latency['method="GET",route="/v1/customers/:customerId/upgrades",status="200"'],
    ).toBeGreaterThanOrEqual(2);
  });

  it('counts upgrades by status from the rows, the same in every API process', async () => {
    const rows: [string, UpgradeStatus, boolean][] = [
      ['21314849', 'COMPLETED', false],
      ['21314849', 'COMPLETED', true], // escalated, then swapped
      ['21314849', 'FAILED', false],
      ['21301029', 'CANCELLED', true], // escalated, then cancelled
      ['21301029', 'ESCALATED', true],
      ['21400001', 'AWAITING_ONT_SWAP', false],
      ['21400002', 'BILLING', false],
      ['21400003', 'TERMINATED', false],
    ];
    await t.db.upgradeRequest.createMany({
      data: rows.map(([customerId, status, escalated], i) => ({
        id: `upgrade-${customerId}-metrics-${i}`,
        customerId,
        idempotencyKey: `metrics-${i}`,
        targetPackageCode: 'STREAM-150-SEM',
        status,
        escalatedAt: escalated ? new Date() : null,
      })),
    });

    const expected = {
      ...allZero,
      'status="COMPLETED"': 2,
      'status="FAILED"': 1,
      'status="CANCELLED"': 1,
      'status="ESCALATED"': 1,
      'status="AWAITING_ONT_SWAP"': 1,
      'status="BILLING"': 1,
      'status="TERMINATED"': 1,
    };
    // A second API process (one that just restarted, say) has served nothing and reports the same.
    const other = await serveMetrics(
      createApiMetrics(t.db, createLogger('silent')),
      '127.0.0.1',
      await freePort(),
    );
    try {
      for (const text of [await scrape(), await scrape(other.url)]) {
        expect(samples(text, 'selfcare_upgrades')).toEqual(expected);
        expect(samples(text, 'selfcare_upgrades_awaiting_ont_swap')).toEqual({ '': 2 });
        expect(samples(text, 'selfcare_ont_swap_escalations_total')).toEqual({ '': 3 });
        expect(text).toMatch(/^# TYPE selfcare_ont_swap_escalations_total counter$/m);
      }
    } finally {
      await other.stop();
    }
  });

  it('still serves the request metrics while PostgreSQL is down, without stale upgrade counts', async () => {
    await t.pause();
    const text = await scrape();
    expect(Object.keys(samples(text, 'selfcare_http_requests_total')).length).toBeGreaterThan(0);
    expect(samples(text, 'selfcare_upgrades')).toEqual({});
    expect(samples(text, 'selfcare_upgrades_awaiting_ont_swap')).toEqual({});
  });
});
