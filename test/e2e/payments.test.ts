/**
 * From upgrade to paid bill on the real stack: the upgrade issues the bill and starts its run
 * (`bill-<billCode>`, waiting for the due-date reminder); the gateway's signed notification
 * (`npm run pay`'s function) pays it; the customer gets the receipt; Riwayat Pembayaran shows it.
 */
import { Client, Connection } from '@temporalio/client';
import { temporal as temporalProto } from '@temporalio/proto';
import { billWorkflowId } from '../../contracts/payments';
import { payBill } from '../../scripts/pay';
import { callerFor, tokensFrom } from '../helpers/auth';
import { recordHistories } from '../helpers/histories';
import { eventually, http } from '../helpers/http';
import { testDataConverter } from '../helpers/temporal';
import { type LocalSystem, startLocalSystem } from '../support/harness';

let system: LocalSystem;
let temporal: Client;
/** The paid bill's run, recorded for the replay test with `RECORD_HISTORIES=<revision>`. */
const billRuns: string[] = [];

beforeAll(async () => {
  system = await startLocalSystem({ label: 'payments' });
  tokensFrom(system.issuerUrl);
  temporal = new Client({
    connection: await Connection.connect({ address: system.temporalAddress }),
    dataConverter: testDataConverter,
  });
}, 240_000);

afterAll(async () => {
  if (system) await recordHistories(system.temporalAddress, billRuns);
  await temporal?.connection.close();
  await system?.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field below
type Json = any;
const api = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  http<Json>(system.apiUrl, method, path, { body, headers: { ...(await callerFor(path)), ...headers } });

it('an upgrade’s bill waits in its own run, is paid through the signed notification, and the customer gets a receipt', async () => {
  const started = await api(
    'POST',
    '/v1/customers/21314849/upgrades',
    { targetPackageCode: 'STREAM-150-SEM' },
    { 'Idempotency-Key': 'pay' },
  );
  expect(started.status).toBe(202);
  const done = await eventually(
    () => api('GET', `/v1/upgrades/${started.body.upgradeId}`),
    (answer) => answer.body.status === 'COMPLETED',
  );
  const billCode: string = done.body.billCode;
  const billRun = temporal.workflow.getHandle(billWorkflowId(billCode));
  billRuns.push(billRun.workflowId);
  expect((await billRun.describe()).status.name).toBe('RUNNING');
  // It sleeps until the due-date reminder with no workflow task: one event, its start delayed.
  const events = (await billRun.fetchHistory()).events ?? [];
  expect(events.map((e) => e.eventType)).toEqual([
    temporalProto.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
  ]);
  const backoffSeconds = Number(
    events[0]?.workflowExecutionStartedEventAttributes?.firstWorkflowTaskBackoff?.seconds,
  );
  expect(backoffSeconds).toBeGreaterThan(24 * 3600);

  const paid = await payBill({
    apiUrl: system.apiUrl,
    issuer: system.issuerUrl,
    billCode,
    method: 'VA_BCA',
    transactionId: 'VA-BCA-E2E-0001',
  });
  expect(paid).toEqual({
    status: 200,
    body: { status: 'RECORDED', billCode, transactionId: 'VA-BCA-E2E-0001' },
  });
  expect(await billRun.result()).toBe('PAID');
  const paidRun = (await billRun.describe()).runId;

  const bill = await api('GET', `/v1/bills/${billCode}`);
  expect(bill.body).toMatchObject({ status: 'PAID', paidAmountIdr: 771_700 });
  const history = await api('GET', '/v1/customers/21314849/payments');
  expect(history.body.payments.find((p: Json) => p.reference === 'VA-BCA-E2E-0001')).toMatchObject({
    billCode,
    amountIdr: 771_700,
    method: 'VA_BCA',
  });
  const outbox = await eventually(
    () => api('GET', '/v1/dev/outbox?customerId=21314849'),
    (answer) => answer.body.messages.some((m: Json) => m.subject === 'Pembayaran Tagihan Diterima'),
  );
  const receipt = outbox.body.messages.find((m: Json) => m.subject === 'Pembayaran Tagihan Diterima');
  expect(receipt.text).toContain('VA-BCA-E2E-0001');
  const inbox = await api('GET', '/v1/customers/21314849/inbox');
  expect(inbox.body.notifications.map((n: Json) => n.kind)).toContain('PAYMENT_RECEIVED');

  // The gateway delivers again: nothing changes, and the receipt is not sent twice.
  const replay = await payBill({
    apiUrl: system.apiUrl,
    issuer: system.issuerUrl,
    billCode,
    method: 'VA_BCA',
    transactionId: 'VA-BCA-E2E-0001',
  });
  expect(replay).toEqual({
    status: 200,
    body: { status: 'ALREADY_RECORDED', billCode, transactionId: 'VA-BCA-E2E-0001' },
  });
  const receipts = (await api('GET', '/v1/dev/outbox?customerId=21314849')).body.messages.filter(
    (m: Json) => m.subject === 'Pembayaran Tagihan Diterima',
  );
  expect(receipts).toHaveLength(1);
  // The receipt had gone out on every channel, so the redelivery started no second run.
  expect(await billRun.describe()).toMatchObject({ runId: paidRun, status: { name: 'COMPLETED' } });
});
