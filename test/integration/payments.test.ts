/**
 * The payment gateway's notification against the real API and PostgreSQL: the signature, replays,
 * amounts, unknown, paid and voided bills, and duplicates racing each other. Temporal is the one
 * edge stood in for: the test records what the API asks of it (the bill's run, signalled).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createActivities } from '../../activities';
import { createApp } from '../../api/app';
import { statementLink } from '../../platform/auth';
import {
  type AppConfig,
  DEVELOPMENT_PAYMENT_WEBHOOK_SECRET,
  EMAIL_FROM_DEFAULT,
  loadConfig,
} from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { OutboxEmailTransport } from '../../platform/notifications/email-transport';
import { LocalPushGateway } from '../../platform/notifications/push-gateway';
import { signNotification } from '../../platform/payment-signature';
import { asCustomer, trustingEnv } from '../helpers/auth';
import { startTestDatabase, type TestDatabase } from '../helpers/database';
import { http } from '../helpers/http';
import { closeUpgradeRuns, runUpgradeSteps } from '../support/upgrade-runs';

let config: AppConfig;
let t: TestDatabase;
let server: Server;
let base: string;
const signalled: unknown[] = [];
const bills: Record<'ahmad' | 'siti' | 'budi' | 'voided', { billCode: string; totalIdr: number }> =
  {} as never;

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
    return { billCode: bill.billCode, totalIdr: bill.totalIdr };
  };
  bills.ahmad = await upgrade('21314849', 'STREAM-150-SEM');
  bills.siti = await upgrade('21400001', 'STREAM-150-SEM');
  bills.budi = await upgrade('21400002', 'STREAM-150-YEAR');
  bills.voided = await upgrade('21301029', 'STREAM-200-YEAR');
  await t.db.bill.update({ where: { billCode: bills.voided.billCode }, data: { status: 'VOID' } });
  const temporal = {
    workflow: {
      getHandle: () => ({ describe: async () => ({ memo: {} }) }),
      signalWithStart: async (_type: string, options: unknown) => {
        signalled.push(options);
        return {};
      },
    },
  };
  const app = createApp({ db: t.db, temporal: temporal as never, config, logger: createLogger('silent') });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await closeUpgradeRuns();
  await t?.teardown();
});

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field below
type Json = any;
const notification = (
  bill: { billCode: string; totalIdr: number },
  transactionId: string,
  amountIdr?: number,
) => ({
  transactionId,
  billCode: bill.billCode,
  amountIdr: amountIdr ?? bill.totalIdr,
  method: 'VA_BCA',
  paidAt: '2025-11-22T10:15:00+07:00',
});
function notify(
  body: object,
  sign: { secret?: string; timestamp?: number; signature?: string; omit?: boolean } = {},
) {
  const raw = JSON.stringify(body);
  const timestamp = sign.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    sign.signature ?? signNotification(sign.secret ?? DEVELOPMENT_PAYMENT_WEBHOOK_SECRET, timestamp, raw);
  return http<Json>(base, 'POST', '/v1/payments/notifications', {
    rawBody: raw,
    headers: sign.omit
      ? {}
      : { 'X-Callback-Timestamp': String(timestamp), 'X-Callback-Signature': signature },
  });
}
const paymentsOf = (billCode: string) => t.db.payment.findMany({ where: { billCode } });

describe('the gateway signature', () => {
  it.each([
    ['no headers', { omit: true }],
    ['another secret', { secret: 'someone-else-entirely-with-32-characters' }],
    ['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 3_600 }],
    [
      'a signature of another body',
      { signature: signNotification(DEVELOPMENT_PAYMENT_WEBHOOK_SECRET, 1, 'x') },
    ],
  ])('%s: 401, nothing recorded', async (_what, sign) => {
    const answer = await notify(notification(bills.ahmad, 'TRX-BAD-0001'), sign);
    expect(answer.status).toBe(401);
    expect(JSON.stringify(answer.body)).not.toContain(DEVELOPMENT_PAYMENT_WEBHOOK_SECRET);
    expect(await paymentsOf(bills.ahmad.billCode)).toEqual([]);
  });

  it('a bearer token is no way in', async () => {
    const answer = await http<Json>(base, 'POST', '/v1/payments/notifications', {
      body: notification(bills.ahmad, 'TRX-BAD-0002'),
      headers: await asCustomer('21314849'),
    });
    expect(answer.status).toBe(401);
  });
});

describe('recording a payment', () => {
  it('an unknown bill is 404, a wrong amount 422; nothing recorded', async () => {
    const unknown = await notify(notification({ billCode: '209912999999', totalIdr: 1 }, 'TRX-UNKNOWN-1'));
    expect(unknown.status).toBe(404);
    const short = await notify(notification(bills.ahmad, 'TRX-SHORT-1', bills.ahmad.totalIdr - 100));
    expect([short.status, short.body.reason]).toEqual([422, 'AMOUNT_MISMATCH']);
    expect(await paymentsOf(bills.ahmad.billCode)).toEqual([]);
  });

  it('the exact total marks the bill PAID, shows in Riwayat Pembayaran and on the statement, and signals the bill’s run', async () => {
    const answer = await notify(notification(bills.ahmad, 'TRX-AHMAD-0001'));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: 'RECORDED',
      billCode: bills.ahmad.billCode,
      transactionId: 'TRX-AHMAD-0001',
    });
    const bill = await http<Json>(base, 'GET', `/v1/bills/${bills.ahmad.billCode}`, {
      headers: await asCustomer('21314849'),
    });
    expect(bill.body).toMatchObject({
      status: 'PAID',
      paidAmountIdr: bills.ahmad.totalIdr,
      paidAt: '2025-11-22T10:15:00+07:00',
    });
    const history = await http<Json>(base, 'GET', '/v1/customers/21314849/payments', {
      headers: await asCustomer('21314849'),
    });
    expect(history.body.payments.find((p: Json) => p.reference === 'TRX-AHMAD-0001')).toMatchObject({
      amountIdr: bills.ahmad.totalIdr,
      billCode: bills.ahmad.billCode,
      method: 'VA_BCA',
      paidAt: '2025-11-22T10:15:00+07:00',
    });
    const statement = await http<string>(base, 'GET', `/v1/bills/${bills.ahmad.billCode}/statement`, {
      headers: await asCustomer('21314849'),
    });
    expect(statement.body).toContain('status-paid');
    expect(statement.body).toContain('Tagihan ini telah lunas pada 2025-11-22');
    expect(signalled.at(-1)).toMatchObject({
      workflowId: `bill-${bills.ahmad.billCode}`,
      signalArgs: [{ transactionId: 'TRX-AHMAD-0001' }],
      args: [{ billCode: bills.ahmad.billCode, customerId: '21314849', upgradeId: 'upgrade-21314849-pay' }],
    });
  });

  it('a replay answers 200 and changes nothing; another payment of a paid bill is 409; a reused transaction ID is 409', async () => {
    const replay = await notify(notification(bills.ahmad, 'TRX-AHMAD-0001'));
    expect([replay.status, replay.body.status]).toEqual([200, 'ALREADY_RECORDED']);
    const again = await notify(notification(bills.ahmad, 'TRX-AHMAD-0002'));
    expect([again.status, again.body.reason]).toEqual([409, 'BILL_PAID']);
    const reused = await notify(notification(bills.siti, 'TRX-AHMAD-0001'));
    expect([reused.status, reused.body.reason]).toEqual([409, 'TRANSACTION_REUSED']);
    expect(await paymentsOf(bills.ahmad.billCode)).toHaveLength(1);
    expect(await paymentsOf(bills.siti.billCode)).toHaveLength(0);
  });

  it('a voided bill is 409: nothing is due', async () => {
    const answer = await notify(notification(bills.voided, 'TRX-VOID-0001'));
    expect([answer.status, answer.body.reason]).toEqual([409, 'BILL_VOID']);
    expect(await paymentsOf(bills.voided.billCode)).toHaveLength(0);
  });

  it('duplicates racing each other record one payment; two payments racing for one bill, one wins', async () => {
    const same = await Promise.all(
      Array.from({ length: 6 }, () => notify(notification(bills.siti, 'TRX-SITI-0001'))),
    );
    expect(same.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(same.filter((a) => a.body.status === 'RECORDED')).toHaveLength(1);
    expect(await paymentsOf(bills.siti.billCode)).toHaveLength(1);

    const rivals = await Promise.all([
      notify(notification(bills.budi, 'TRX-BUDI-0001')),
      notify(notification(bills.budi, 'TRX-BUDI-0002')),
    ]);
    expect(rivals.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await paymentsOf(bills.budi.billCode)).toHaveLength(1);
  });
});
