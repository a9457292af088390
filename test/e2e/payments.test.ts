/**
 * From upgrade to paid bill on the real stack: the upgrade issues the bill and starts its run
 * (`bill-<billCode>`, waiting for the due-date reminder); the customer chooses BCA VA, pays the
 * number at the Midtrans stand-in (`npm run pay`'s function), whose signed notification records
 * it; the customer gets the receipt; Riwayat Pembayaran shows it.
 */
import { Client, Connection } from '@temporalio/client';
import { temporal as temporalProto } from '@temporalio/proto';
import { billWorkflowId } from '../../contracts/payments';
import { DEVELOPMENT_MIDTRANS_SERVER_KEY } from '../../platform/config';
import { notificationSignature } from '../../platform/midtrans';
import { payAtStandIn } from '../../scripts/pay';
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

it('an upgrade’s bill waits in its own run, is paid at its BCA VA through Midtrans’s notification, and the customer gets a receipt', async () => {
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

  const attempt = await api('POST', `/v1/customers/21314849/bills/${billCode}/payment-attempts`, {
    method: 'VA_BCA',
  });
  expect(attempt.body).toMatchObject({
    status: 'PENDING',
    amountIdr: 771_700,
    methodLabel: 'Virtual Account BCA',
  });
  const orderId: string = attempt.body.orderId;
  const paid = await payAtStandIn({ gatewayUrl: system.midtransUrl, paymentCode: attempt.body.vaNumber });
  expect([paid.status, paid.orderId, paid.notificationStatus]).toEqual([200, orderId, 200]);
  expect(await billRun.result()).toBe('PAID');
  const paidRun = (await billRun.describe()).runId;

  const bill = await api('GET', `/v1/bills/${billCode}`);
  expect(bill.body).toMatchObject({ status: 'PAID', paidAmountIdr: 771_700 });
  const history = await api('GET', '/v1/customers/21314849/payments');
  expect(history.body.payments.find((p: Json) => p.reference === orderId)).toMatchObject({
    billCode,
    amountIdr: 771_700,
    method: 'VA_BCA',
  });
  const outbox = await eventually(
    () => api('GET', '/v1/dev/outbox?customerId=21314849'),
    (answer) => answer.body.messages.some((m: Json) => m.subject === 'Pembayaran Tagihan Diterima'),
  );
  const receipt = outbox.body.messages.find((m: Json) => m.subject === 'Pembayaran Tagihan Diterima');
  expect(receipt.text).toContain(orderId);
  const inbox = await api('GET', '/v1/customers/21314849/inbox');
  expect(inbox.body.notifications.map((n: Json) => n.kind)).toContain('PAYMENT_RECEIVED');

  // Midtrans delivers again: nothing changes, and the receipt is not sent twice.
  const fields = { order_id: orderId, status_code: '200', gross_amount: '771700.00' };
  const replay = await http<Json>(system.apiUrl, 'POST', '/v1/payments/midtrans/notification', {
    body: {
      ...fields,
      transaction_status: 'settlement',
      fraud_status: 'accept',
      signature_key: notificationSignature(fields, DEVELOPMENT_MIDTRANS_SERVER_KEY),
    },
  });
  expect([replay.status, replay.body]).toEqual([200, { status: 'ALREADY_RECORDED', orderId }]);
  const receipts = (await api('GET', '/v1/dev/outbox?customerId=21314849')).body.messages.filter(
    (m: Json) => m.subject === 'Pembayaran Tagihan Diterima',
  );
  expect(receipts).toHaveLength(1);
  // The receipt had gone out on every channel, so the redelivery started no second run.
  expect(await billRun.describe()).toMatchObject({ runId: paidRun, status: { name: 'COMPLETED' } });
});
