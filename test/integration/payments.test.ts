/**
 * Paying a bill through Midtrans, against the real API and PostgreSQL and the local stand-in of
 * Midtrans's Core API (local/midtrans-stand-in.ts), which signs and sends the notifications as
 * Midtrans does. The Midtrans adapter (services/payment-gateway.ts) on each method, a duplicate
 * order, the expiry and a cancel; the notification (good, forged, wrong amount, repeated, unknown,
 * expired then a new attempt); "Ganti metode"; the Status API path (a dropped notification).
 * Temporal is the one edge stood in for: the test records what the API asks of it.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createActivities } from '../../activities';
import { createApp } from '../../api/app';
import { type MidtransStandIn, startMidtransStandIn } from '../../local/midtrans-stand-in';
import { statementLink } from '../../platform/auth';
import {
  type AppConfig,
  DEVELOPMENT_MIDTRANS_SERVER_KEY,
  EMAIL_FROM_DEFAULT,
  loadConfig,
} from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { notificationSignature } from '../../platform/midtrans';
import { OutboxEmailTransport } from '../../platform/notifications/email-transport';
import { LocalPushGateway } from '../../platform/notifications/push-gateway';
import { attemptDeadline, checkAttempt, closeAttemptsOfVoidedBill } from '../../services/payment-attempts';
import { DuplicateOrder, midtransGateway, type PaymentGateway } from '../../services/payment-gateway';
import { asCustomer, trustingEnv } from '../helpers/auth';
import { startTestDatabase, type TestDatabase } from '../helpers/database';
import { http } from '../helpers/http';
import { closeUpgradeRuns, runUpgradeSteps } from '../support/upgrade-runs';

let config: AppConfig;
let t: TestDatabase;
let server: Server;
let base: string;
let standIn: MidtransStandIn;
let gateway: PaymentGateway;
const signalled: Array<{ workflowId: string; signal: { name: string }; signalArgs: unknown[] }> = [];
const bills: Record<
  'ahmad' | 'siti' | 'budi' | 'voided',
  { billCode: string; totalIdr: number; customerId: string }
> = {} as never;

beforeAll(async () => {
  config = loadConfig({ NODE_ENV: 'test', ...(await trustingEnv()) });
  t = await startTestDatabase();
  const acts = createActivities({
    db: t.db,
    logger: createLogger('silent'),
    email: new OutboxEmailTransport(t.db),
    push: new LocalPushGateway(t.db),
    emailFrom: EMAIL_FROM_DEFAULT,
    statementUrl: (bill) => statementLink(config.api.publicBaseUrl, config.auth.statementLinks, bill),
  });
  const upgrade = async (customerId: string, targetPackageCode: string) => {
    const { billCode } = await runUpgradeSteps(acts, {
      upgradeId: `upgrade-${customerId}-pay`,
      customerId,
      targetPackageCode,
      idempotencyKey: 'pay',
      requestedAt: new Date().toISOString(),
    });
    const bill = await t.db.bill.findUniqueOrThrow({ where: { billCode: billCode! } });
    return { billCode: bill.billCode, totalIdr: bill.totalIdr, customerId };
  };
  bills.ahmad = await upgrade('21314849', 'STREAM-150-SEM');
  bills.siti = await upgrade('21400001', 'STREAM-150-SEM');
  bills.budi = await upgrade('21400002', 'STREAM-150-YEAR');
  bills.voided = await upgrade('21301029', 'STREAM-200-YEAR');
  await t.db.bill.update({ where: { billCode: bills.voided.billCode }, data: { status: 'VOID' } });
  standIn = await startMidtransStandIn({ serverKey: DEVELOPMENT_MIDTRANS_SERVER_KEY, notificationTries: 1 });
  gateway = midtransGateway({ baseUrl: standIn.url, serverKey: DEVELOPMENT_MIDTRANS_SERVER_KEY });
  const temporal = {
    workflow: {
      getHandle: () => ({ describe: async () => ({ memo: {} }) }),
      signalWithStart: async (_type: string, options: never) => {
        signalled.push(options);
        return {};
      },
    },
  };
  const app = createApp({
    db: t.db,
    temporal: temporal as never,
    config,
    logger: createLogger('silent'),
    paymentGateway: gateway,
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn.setNotificationUrl(`${base}/v1/payments/midtrans/notification`);
}, 180_000);

afterAll(async () => {
  await standIn?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await closeUpgradeRuns();
  await t?.teardown();
});

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field below
type Json = any;

const open = async (bill: { billCode: string; customerId: string }, method: string) =>
  http<Json>(base, 'POST', `/v1/customers/${bill.customerId}/bills/${bill.billCode}/payment-attempts`, {
    body: { method },
    headers: await asCustomer(bill.customerId),
  });
const pay = async (paymentCode: string, dropNotification = false) => {
  const answer = await fetch(`${standIn.url}/simulator/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payment_code: paymentCode, drop_notification: dropNotification }),
  });
  return (await answer.json()) as Json;
};
/** A notification as Midtrans would sign it, or forged. */
const notify = (
  fields: { order_id: string; status_code: string; gross_amount: string; transaction_status: string },
  key = DEVELOPMENT_MIDTRANS_SERVER_KEY,
) =>
  http<Json>(base, 'POST', '/v1/payments/midtrans/notification', {
    body: { ...fields, fraud_status: 'accept', signature_key: notificationSignature(fields, key) },
  });
const paymentsOf = (billCode: string) => t.db.payment.findMany({ where: { billCode } });

describe('the Midtrans adapter against the stand-in', () => {
  const expiresAt = () => new Date(Date.now() + 60 * 60_000);
  it.each([
    ['VA_BCA', /^\d{11}$/],
    ['VA_BNI', /^988\d{13}$/],
    ['VA_BRI', /^\d{15}$/],
    ['VA_PERMATA', /^\d{10}$/],
  ] as const)('%s: a VA number for the exact amount, closing when asked', async (method, shape) => {
    const at = expiresAt();
    const order = await gateway.open({
      orderId: `ADAPTER-${method}`,
      method,
      amountIdr: 771_700,
      expiresAt: at,
      billCode: '202511712857',
    });
    expect(order.vaNumber).toMatch(shape);
    expect(order.expiresAt.getTime()).toBeLessThanOrEqual(at.getTime());
    expect(order.expiresAt.getTime()).toBeGreaterThan(at.getTime() - 2 * 60_000);
    const status = await gateway.status(`ADAPTER-${method}`);
    expect(status).toMatchObject({
      transactionStatus: 'pending',
      grossAmount: '771700.00',
      statusCode: '201',
    });
  });

  it('Mandiri Bill: a biller code and a bill key; QRIS: a QR payload', async () => {
    const mandiri = await gateway.open({
      orderId: 'ADAPTER-MANDIRI',
      method: 'VA_MANDIRI',
      amountIdr: 771_700,
      expiresAt: expiresAt(),
      billCode: '202511712857',
    });
    expect(mandiri).toMatchObject({
      billerCode: '70012',
      billKey: expect.stringMatching(/^\d{12}$/),
      vaNumber: null,
    });
    const qris = await gateway.open({
      orderId: 'ADAPTER-QRIS',
      method: 'QRIS',
      amountIdr: 771_700,
      expiresAt: expiresAt(),
      billCode: '202511712857',
    });
    expect(qris.qrString).toMatch(/^000201/);
    expect(qris.qrString).toContain('771700');
  });

  it('a duplicate order ID is refused (406), a cancel closes the order, an expired order says so', async () => {
    await expect(
      gateway.open({
        orderId: 'ADAPTER-VA_BCA',
        method: 'VA_BCA',
        amountIdr: 1,
        expiresAt: expiresAt(),
        billCode: '202511712857',
      }),
    ).rejects.toBeInstanceOf(DuplicateOrder);
    await gateway.cancel('ADAPTER-VA_BNI');
    expect((await gateway.status('ADAPTER-VA_BNI')).transactionStatus).toBe('cancel');
    await gateway.cancel('ADAPTER-VA_BNI'); // closed already: nothing to do
    standIn.orders.get('ADAPTER-VA_BRI')!.expiresAt = Date.now() - 1;
    expect(await gateway.status('ADAPTER-VA_BRI')).toMatchObject({
      transactionStatus: 'expire',
      statusCode: '407',
    });
  });

  it('a wrong server key is refused', async () => {
    const other = midtransGateway({ baseUrl: standIn.url, serverKey: 'SB-Mid-server-someone-else' });
    await expect(other.status('ADAPTER-QRIS')).rejects.toThrow(/401/);
  });

  it('the deadline is the due date’s end (WIB) or a day, whichever is first', () => {
    const now = new Date('2025-11-21T06:00:00Z');
    expect(attemptDeadline(new Date('2025-11-28T00:00:00Z'), now).toISOString()).toBe(
      '2025-11-22T06:00:00.000Z',
    );
    expect(attemptDeadline(new Date('2025-11-21T00:00:00Z'), now).toISOString()).toBe(
      '2025-11-21T16:59:59.000Z',
    );
    expect(attemptDeadline(new Date('2025-11-20T00:00:00Z'), now).toISOString()).toBe(
      '2025-11-22T06:00:00.000Z',
    );
  });
});

describe('paying a bill: Bayar, the notification, Ganti metode', () => {
  let orderId: string;

  it('Bayar with BCA VA opens an order for the exact total, told to the bill’s run', async () => {
    const answer = await open(bills.ahmad, 'VA_BCA');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      orderId: `${bills.ahmad.billCode}-1`,
      method: 'VA_BCA',
      methodLabel: 'Virtual Account BCA',
      status: 'PENDING',
      amountIdr: bills.ahmad.totalIdr,
      vaNumber: expect.stringMatching(/^\d{11}$/),
    });
    orderId = answer.body.orderId;
    expect(standIn.orders.get(orderId)?.gross_amount).toBe(`${bills.ahmad.totalIdr}.00`);
    expect(signalled.at(-1)).toMatchObject({
      workflowId: `bill-${bills.ahmad.billCode}`,
      signal: { name: 'paymentAttempt' },
      signalArgs: [{ orderId }],
    });
  });

  it('another customer may not open an attempt on the bill (404); a method not offered is 422', async () => {
    const other = await http<Json>(
      base,
      'POST',
      `/v1/customers/21400001/bills/${bills.ahmad.billCode}/payment-attempts`,
      {
        body: { method: 'VA_BCA' },
        headers: await asCustomer('21400001'),
      },
    );
    expect(other.status).toBe(404);
    const voided = await open(bills.voided, 'VA_BCA');
    expect([voided.status, voided.body.reason]).toEqual([409, 'BILL_VOID']);
  });

  it('a forged notification (another key) is 401; a wrong amount 422; an unknown order 404: nothing recorded', async () => {
    const fields = {
      order_id: orderId,
      status_code: '200',
      gross_amount: `${bills.ahmad.totalIdr}.00`,
      transaction_status: 'settlement',
    };
    const forged = await notify(fields, 'SB-Mid-server-forger');
    expect(forged.status).toBe(401);
    expect(JSON.stringify(forged.body)).not.toContain(DEVELOPMENT_MIDTRANS_SERVER_KEY);
    const short = await notify({ ...fields, gross_amount: `${bills.ahmad.totalIdr - 100}.00` });
    expect([short.status, short.body.reason]).toEqual([422, 'AMOUNT_MISMATCH']);
    const unknown = await notify({ ...fields, order_id: '209912999999-1' });
    expect([unknown.status, unknown.body.reason]).toEqual([404, 'UNKNOWN_ORDER']);
    const bearer = await http<Json>(base, 'POST', '/v1/payments/midtrans/notification', {
      body: { ...fields, signature_key: 'f'.repeat(128) },
      headers: await asCustomer('21314849'),
    });
    expect(bearer.status).toBe(401);
    expect(await paymentsOf(bills.ahmad.billCode)).toEqual([]);
  });

  it('a pending notification changes nothing', async () => {
    const answer = await notify({
      order_id: orderId,
      status_code: '201',
      gross_amount: `${bills.ahmad.totalIdr}.00`,
      transaction_status: 'pending',
    });
    expect([answer.status, answer.body.status]).toEqual([200, 'UNCHANGED']);
  });

  it('paid at the VA number: Midtrans’s signed notification records it once, PAID, receipt signalled', async () => {
    const vaNumber = (await t.db.paymentAttempt.findUniqueOrThrow({ where: { orderId } })).vaNumber!;
    const paid = await pay(vaNumber);
    expect(paid.notification.status).toBe(200);
    const bill = await http<Json>(base, 'GET', `/v1/bills/${bills.ahmad.billCode}`, {
      headers: await asCustomer('21314849'),
    });
    expect(bill.body).toMatchObject({ status: 'PAID', paidAmountIdr: bills.ahmad.totalIdr });
    const history = await http<Json>(base, 'GET', '/v1/customers/21314849/payments', {
      headers: await asCustomer('21314849'),
    });
    expect(history.body.payments.find((p: Json) => p.reference === orderId)).toMatchObject({
      amountIdr: bills.ahmad.totalIdr,
      method: 'VA_BCA',
      methodLabel: 'Virtual Account BCA',
    });
    expect(signalled.at(-1)).toMatchObject({
      workflowId: `bill-${bills.ahmad.billCode}`,
      signal: { name: 'billPaid' },
      signalArgs: [{ transactionId: orderId }],
    });
    const attempts = await http<Json>(base, 'GET', `/v1/bills/${bills.ahmad.billCode}/payment-attempts`, {
      headers: await asCustomer('21314849'),
    });
    expect(attempts.body).toMatchObject({ billStatus: 'PAID', attempts: [{ orderId, status: 'PAID' }] });
  });

  it('the same notification again (Midtrans retries) answers 200 and changes nothing', async () => {
    const { body } = standIn.sent.at(-1)!;
    const again = await http<Json>(base, 'POST', '/v1/payments/midtrans/notification', { body });
    expect([again.status, again.body.status]).toEqual([200, 'ALREADY_RECORDED']);
    expect(await paymentsOf(bills.ahmad.billCode)).toHaveLength(1);
  });

  it('expired, then a new attempt: the bill stays payable and the new one pays it', async () => {
    const first = await open(bills.siti, 'QRIS');
    expect(first.body.qrString).toMatch(/^000201/);
    const expired = await fetch(`${standIn.url}/simulator/expire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ order_id: first.body.orderId }),
    }).then((r) => r.json() as Promise<Json>);
    expect(expired.notification.status).toBe(200);
    expect(
      (await t.db.paymentAttempt.findUniqueOrThrow({ where: { orderId: first.body.orderId } })).status,
    ).toBe('EXPIRED');
    expect((await t.db.bill.findUniqueOrThrow({ where: { billCode: bills.siti.billCode } })).status).toBe(
      'UNPAID',
    );
    const second = await open(bills.siti, 'QRIS');
    expect(second.body.orderId).toBe(`${bills.siti.billCode}-2`);
    expect((await pay(second.body.qrString)).notification.status).toBe(200);
    expect((await t.db.bill.findUniqueOrThrow({ where: { billCode: bills.siti.billCode } })).status).toBe(
      'PAID',
    );
  });

  it('Ganti metode cancels the pending order at the gateway and opens another', async () => {
    const first = await open(bills.budi, 'VA_BCA');
    const second = await open(bills.budi, 'VA_MANDIRI');
    expect(second.body).toMatchObject({
      method: 'VA_MANDIRI',
      billerCode: '70012',
      billKey: expect.stringMatching(/^\d{12}$/),
    });
    expect(standIn.orders.get(first.body.orderId)?.transaction_status).toBe('cancel');
    const attempts = await http<Json>(base, 'GET', `/v1/bills/${bills.budi.billCode}/payment-attempts`, {
      headers: await asCustomer('21400002'),
    });
    expect(attempts.body.attempts.map((a: Json) => [a.method, a.status])).toEqual([
      ['VA_MANDIRI', 'PENDING'],
      ['VA_BCA', 'CANCELLED'],
    ]);
  });

  it('a bill voided with its upgrade: its open order is cancelled at the gateway at once', async () => {
    const pending = await t.db.paymentAttempt.findMany({
      where: { billCode: bills.budi.billCode, status: 'PENDING' },
    });
    expect(pending).toHaveLength(1);
    await t.db.bill.update({ where: { billCode: bills.budi.billCode }, data: { status: 'VOID' } });
    await closeAttemptsOfVoidedBill(t.db, gateway, bills.budi.billCode);
    expect(standIn.orders.get(pending[0]!.orderId)?.transaction_status).toBe('cancel');
    const closed = await t.db.paymentAttempt.findUniqueOrThrow({ where: { orderId: pending[0]!.orderId } });
    expect(closed.status).toBe('CANCELLED');
    // The bill stands again for the next test, with a Mandiri order open as before.
    await t.db.bill.update({ where: { billCode: bills.budi.billCode }, data: { status: 'UNPAID' } });
    expect((await open(bills.budi, 'VA_MANDIRI')).status).toBe(200);
  });

  it('a settlement whose notification was dropped is recorded by the Status API check', async () => {
    const pending = await t.db.paymentAttempt.findFirstOrThrow({
      where: { billCode: bills.budi.billCode, status: 'PENDING' },
    });
    const paid = await pay(pending.billKey!, true);
    expect(paid.notification.status).toBe(0);
    expect((await t.db.bill.findUniqueOrThrow({ where: { billCode: bills.budi.billCode } })).status).toBe(
      'UNPAID',
    );
    expect(await checkAttempt(t.db, gateway, pending.orderId)).toEqual({
      status: 'PAID',
      recorded: true,
      transactionId: pending.orderId,
    });
    expect((await t.db.bill.findUniqueOrThrow({ where: { billCode: bills.budi.billCode } })).status).toBe(
      'PAID',
    );
    // Asked again (or the notification comes after all): nothing more.
    expect((await checkAttempt(t.db, gateway, pending.orderId)).recorded).toBe(false);
    expect(await paymentsOf(bills.budi.billCode)).toHaveLength(1);
  });
});
