/**
 * One trace per upgrade: deck scenario B through the real system with tracing on, exported over
 * OTLP/HTTP (http/json) to the test's own receiver. The trace runs from the customer's POST (whose
 * W3C traceparent it continues) through StartWorkflow, RunWorkflow and every activity down to the
 * SQL statements and provider calls; the technician's report and the bill's payment notification
 * join it; the log lines of the request carry its trace ID and request ID. Then deck scenario A, a
 * statement link read and a CS search by phone and by name: no exported span, and no log line,
 * carries a query string, a token or a seeded customer's name, email, phone or address.
 */

import { DEMO_CUSTOMERS } from '../../prisma/seed-data';
import { payAtStandIn } from '../../scripts/pay';
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
    const attempt = await api('POST', `/v1/customers/21301029/bills/${billCode}/payment-attempts`, {
      body: { method: 'VA_BCA' },
    });
    expect(attempt.status).toBe(200);
    const paid = await payAtStandIn({ gatewayUrl: system.midtransUrl, paymentCode: attempt.body.vaNumber });
    expect(paid.notificationStatus).toBe(200);
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
    const notification = receiver.spans().find((s) => s.name === 'POST /v1/payments/midtrans/notification');
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

/** What no span or log line may hold: our URLs' query strings, tokens, and the seeded customers' personal data. */
function leaksIn(text: string, authorizations: string[]): string[] {
  const found: string[] = [];
  if (/\?[\w%.~+-]*=/.test(text)) found.push('a query string');
  if (text.includes('eyJ')) found.push('a JWT');
  if (/\bBearer\b/i.test(text)) found.push('an Authorization header');
  for (const authorization of authorizations)
    if (text.includes(authorization)) found.push('the Authorization header');
  const lower = text.toLowerCase();
  for (const customer of DEMO_CUSTOMERS) {
    for (const [field, value] of [
      ['name', customer.name],
      ['email', customer.email],
      // Any form of the number: +62…, 62…, 0… (the digits after the country code and trunk prefix).
      ['phone', customer.phone.replace(/^\+62/, '')],
      ['address', customer.installationAddress],
      // Its first words too, as a search or a truncated value would hold it.
      ['address', customer.installationAddress.split(' ').slice(0, 4).join(' ')],
    ] as const)
      if (lower.includes(value.toLowerCase())) found.push(`${customer.id}'s ${field}`);
  }
  return found;
}

/** Every string a span exports: its name, status message, and each attribute's and event's values. */
function stringsOf(span: ReceivedSpan): Array<[string, string]> {
  const out: Array<[string, string]> = [
    ['name', span.name],
    ['status.message', span.statusMessage],
  ];
  const walk = (where: string, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) for (const [i, item] of value.entries()) walk(`${where}[${i}]`, item);
    else if (typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) walk(`${where}.${key}`, inner);
    else out.push([where, String(value)]);
  };
  walk('attributes', span.attributes);
  for (const event of span.events) {
    out.push([`event ${event.name}`, event.name]);
    walk(`event ${event.name}`, event.attributes);
  }
  return out;
}

describe('nothing secret or personal leaves in telemetry', () => {
  const authorizations: string[] = [];
  const authorized = async (path: string) => {
    const headers = await callerFor(path);
    if (headers.Authorization)
      authorizations.push(headers.Authorization, headers.Authorization.split(' ')[1] ?? '');
    return headers;
  };

  it('runs deck scenario A, opens its bill email’s statement link, searches customers by phone and name', async () => {
    const started = await api('POST', '/v1/customers/21314849/upgrades', {
      body: { targetPackageCode: 'STREAM-150-SEM' },
      headers: { 'Idempotency-Key': 'traced-a' },
    });
    expect(started.status).toBe(202);
    await eventually(
      () => api('GET', '/v1/upgrades/upgrade-21314849-traced-a'),
      (answer) => answer.body.status === 'COMPLETED',
    );
    const outbox = await eventually(
      () => api('GET', '/v1/dev/outbox?customerId=21314849'),
      (answer) => (answer.body.messages ?? []).length > 0,
    );
    const link = /\/v1\/bills\/\d+\/statement\?access_token=[\w.-]+/.exec(outbox.body.messages[0].html)?.[0];
    expect(link).toBeDefined();
    // The link as the customer's browser opens it: no Authorization header, the token in the query.
    const statement = await fetch(`${system.apiUrl}${link}`);
    expect(statement.status).toBe(200);
    expect(await statement.text()).toContain('AHMAD TARMIZI');

    for (const q of ['081270001111', '+6281380002222', 'FACHRI']) {
      const path = `/v1/cs/customers?q=${encodeURIComponent(q)}`;
      const found = await http<Json>(system.apiUrl, 'GET', path, { headers: await authorized(path) });
      expect(found.status).toBe(200);
    }
    for (const path of [
      '/v1/customers/21314849/upgrades',
      '/v1/customers/21301029/upgrades',
      '/v1/upgrades/upgrade-21314849-',
    ])
      await authorized(path);
  });

  it('exports no query string, token, name, email, phone or address in any span of either scenario', async () => {
    await eventually(
      async () => receiver.spans(),
      (spans) =>
        spans.some((s) => s.name === 'GET /v1/bills/:billCode/statement') &&
        spans.filter((s) => s.name === 'GET /v1/cs/customers').length >= 3 &&
        spans.some(
          (s) =>
            s.name === 'RunWorkflow:UpgradeWorkflow' && JSON.stringify(s.attributes).includes('21314849'),
        ),
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const spans = receiver.spans();
    const statement = spans.find((s) => s.name === 'GET /v1/bills/:billCode/statement');
    expect(statement?.attributes).toMatchObject({
      'url.path': expect.stringMatching(/^\/v1\/bills\/\d+\/statement$/),
    });
    const leaks = spans.flatMap((span) =>
      stringsOf(span).flatMap(([where, value]) =>
        leaksIn(value, authorizations).map((leak) => `${span.name} ${where}: ${leak}`),
      ),
    );
    expect([...new Set(leaks)]).toEqual([]);
    // Both scenarios were traced, with the IDs operators need kept.
    const text = JSON.stringify(spans.map((s) => s.attributes));
    for (const id of ['21314849', '21301029', 'upgrade-21314849-traced-a', 'upgrade-21301029-traced'])
      expect(text).toContain(id);
  });

  it('logs no query string, token, name, email, phone or address either', () => {
    const lines = system.process
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    const leaks = lines.flatMap((line) => leaksIn(line, authorizations).map((leak) => `${leak} in ${line}`));
    expect(leaks).toEqual([]);
  });
});
