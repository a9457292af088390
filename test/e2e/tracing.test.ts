/**
 * One trace per upgrade: deck scenario B through the real system with tracing on, exported over
 * OTLP/HTTP (http/json) to the test's own receiver. The trace runs from the customer's POST (whose
 * W3C traceparent it continues) through StartWorkflow, RunWorkflow and every activity down to the
 * SQL statements and provider calls; the technician's report and the bill's payment notification
 * join it; the log lines of the request carry its trace ID and request ID.
 */

import { payBill } from '../../scripts/pay';
import { callerFor, tokensFrom } from '../helpers/auth';
import { eventually, http } from '../helpers/http';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '../helpers/otlp-receiver';
import { type LocalSystem, startLocalSystem } from '../support/harness';

let receiver: OtlpReceiver;
let system: LocalSystem;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  system = await startLocalSystem({
    label: 'tracing',
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'selfcare-e2e',
      OTEL_BSP_SCHEDULE_DELAY: '200',
    },
  });
  tokensFrom(system.issuerUrl);
}, 240_000);

afterAll(async () => {
  if (system) expect(await system.stop()).toBe(0);
  await receiver?.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field below
type Json = any;
const api = async (method: string, path: string, options: Parameters<typeof http>[3] = {}) =>
  http<Json>(system.apiUrl, method, path, {
    ...options,
    headers: { ...(await callerFor(path)), ...options.headers },
  });

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const upgradeId = 'upgrade-21301029-traced';

/** The chain of names from a span up to the trace's root. */
function ancestry(span: ReceivedSpan, byId: Map<string, ReceivedSpan>): string[] {
  const names = [span.name];
  for (let parent = byId.get(span.parentSpanId); parent; parent = byId.get(parent.parentSpanId))
    names.push(parent.name);
  return names;
}

describe('deck scenario B as one trace', () => {
  let started: Awaited<ReturnType<typeof api>>;
  let report: Awaited<ReturnType<typeof api>>;

  it('continues the caller’s traceparent and answers with traceresponse and X-Request-Id', async () => {
    started = await api('POST', '/v1/customers/21301029/upgrades', {
      body: { targetPackageCode: 'STREAM-200-YEAR' },
      headers: { 'Idempotency-Key': 'traced', traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
    });
    expect(started.status).toBe(202);
    expect(started.headers.get('traceresponse')).toMatch(new RegExp(`^00-${CALLER_TRACE}-[0-9a-f]{16}-01$`));
    expect(started.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const waiting = await eventually(
      () => api('GET', `/v1/upgrades/${upgradeId}`),
      (answer) => answer.body.status === 'AWAITING_ONT_SWAP',
    );
    report = await api(
      'POST',
      `/v1/technician/work-orders/${waiting.body.maintenanceWorkOrderNo}/ont-replacement`,
      { body: { newOntSerial: 'ZTEGD4TRACE1', newOntModel: 'ZTE F670L', band: 'DUAL', early: true } },
    );
    expect(report.status).toBe(202);
    await eventually(
      () => api('GET', `/v1/upgrades/${upgradeId}`),
      (answer) => answer.body.status === 'COMPLETED',
    );
  });

  it('holds every step of the run, each activity’s SQL and the provider calls, all under the POST', async () => {
    const trace = await eventually(
      async () => receiver.spans().filter((s) => s.traceId === CALLER_TRACE),
      (spans) => spans.some((s) => s.name === 'RunActivity:notifyOntSwapCompleted'),
      30_000,
    );
    // Let the last batches arrive (the activities' SQL ends after their span starts).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const spans = receiver.spans().filter((s) => s.traceId === CALLER_TRACE);
    expect(spans.length).toBeGreaterThanOrEqual(trace.length);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const root = spans.find((s) => s.parentSpanId === CALLER_SPAN);
    expect(root).toMatchObject({
      name: 'POST /v1/customers/:customerId/upgrades',
      service: 'selfcare-e2e',
      attributes: expect.objectContaining({
        'http.route': '/v1/customers/:customerId/upgrades',
        'http.response.status_code': 202,
      }),
    });
    // Every span reaches the POST: one tree, nothing detached.
    for (const span of spans) expect(ancestry(span, byId).at(-1)).toBe(root?.name);

    const names = new Set(spans.map((s) => s.name));
    for (const step of [
      'StartWorkflow:UpgradeWorkflow',
      'RunWorkflow:UpgradeWorkflow',
      'RunActivity:acceptUpgradeRequest',
      'RunActivity:issueUpgradeBill',
      'RunActivity:openUpgradeTicket',
      'RunActivity:createUpgradeWorkOrder',
      'RunActivity:switchSubscription',
      'RunActivity:openChangeOntTicket',
      'RunActivity:createMaintenanceWorkOrder',
      'RunActivity:notifyOntSwapScheduled',
      'RunActivity:completeOntSwap',
      'RunActivity:notifyOntSwapCompleted',
      'StartWorkflow:BillPaymentWorkflow',
    ])
      expect([...names]).toContain(step);

    const sqlUnder = (activity: string) =>
      spans.filter((s) => s.name.startsWith('pg.query:') && ancestry(s, byId).includes(activity));
    expect(sqlUnder('RunActivity:issueUpgradeBill').map((s) => s.name)).toContain('pg.query:INSERT selfcare');
    expect(sqlUnder('RunActivity:completeOntSwap').length).toBeGreaterThan(0);
    for (const s of sqlUnder('RunActivity:issueUpgradeBill')) expect(s.endNs).toBeGreaterThan(s.startNs);
    const emails = spans.filter((s) => s.name === 'email outbox');
    expect(emails.length).toBeGreaterThanOrEqual(2);
    expect(ancestry(emails[0] as ReceivedSpan, byId)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^RunActivity:notify/), 'RunWorkflow:UpgradeWorkflow']),
    );
    expect(names).toContain('push local');
  });

  it('takes the technician’s report in, as a child linked to the report’s own request', async () => {
    const spans = receiver.spans();
    const joined = spans.find((s) => s.name === 'ONT swap reported');
    expect(joined?.traceId).toBe(CALLER_TRACE);
    const reportRequest = spans.find(
      (s) => s.name === 'POST /v1/technician/work-orders/:woNumber/ont-replacement',
    );
    expect(reportRequest).toBeDefined();
    expect(report.headers.get('traceresponse')).toContain(reportRequest?.traceId);
    expect(joined?.links).toEqual([{ traceId: reportRequest?.traceId, spanId: reportRequest?.spanId }]);
    const byId = new Map(spans.filter((s) => s.traceId === CALLER_TRACE).map((s) => [s.spanId, s]));
    const signal = spans.find((s) => s.name === 'HandleSignal:ontReplaced');
    expect(signal?.traceId).toBe(CALLER_TRACE);
    expect(ancestry(signal as ReceivedSpan, byId)).toContain('ONT swap reported');
  });

  it('takes the payment notification into the bill’s run, in the same trace', async () => {
    const upgrade = await api('GET', `/v1/upgrades/${upgradeId}`);
    const billCode = upgrade.body.billCode as string;
    const paid = await payBill({
      apiUrl: system.apiUrl,
      issuer: system.issuerUrl,
      billCode,
      method: 'VA_BCA',
      transactionId: 'VA-TRACE-1',
    });
    expect(paid.status).toBe(200);
    const joined = await eventually(
      async () => receiver.spans().find((s) => s.name === 'payment notified'),
      (span) => span !== undefined,
      30_000,
    );
    expect(joined?.traceId).toBe(CALLER_TRACE);
    const signal = await eventually(
      async () => receiver.spans().find((s) => s.name === 'HandleSignal:billPaid'),
      (span) => span !== undefined,
      30_000,
    );
    expect(signal?.traceId).toBe(CALLER_TRACE);
    const notification = receiver.spans().find((s) => s.name === 'POST /v1/payments/notifications');
    expect(joined?.links).toEqual([{ traceId: notification?.traceId, spanId: notification?.spanId }]);
  });

  it('puts the trace ID and the request ID on the request’s log lines', () => {
    const lines = system.process
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const requestLine = lines.find(
      (line) => line.msg === 'request' && line.path === '/customers/21301029/upgrades' && line.status === 202,
    );
    expect(requestLine).toMatchObject({
      trace_id: CALLER_TRACE,
      requestId: started.headers.get('x-request-id'),
    });
  });

  it('sends nothing but traces, and no trace of the probes', () => {
    expect(receiver.strayRequests()).toEqual([]);
    expect(receiver.spans().filter((s) => /livez|readyz|health/.test(s.name))).toEqual([]);
  });
});
