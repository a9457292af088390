/**
 * A bill paid through the gateway: each "Bayar" (or "Ganti metode") opens one attempt, one order
 * at the gateway (`<billCode>-<n>`) for exactly the bill's total, closing at the end of its due
 * date (23:59:59 WIB) or in 24 hours, whichever is sooner (an overdue bill: 24 hours). A bill has
 * at most one PENDING attempt: opening another cancels it at the gateway first.
 *
 * What the gateway says of an order — its HTTP notification, or its Status API when the bill's
 * run asks (workflows/bill-payment.ts) — is applied here once: `settlement` (or `capture` with
 * `fraud_status` accept) records the payment (services/payments.ts: the bill row decides, a
 * repeat changes nothing), `expire`/`cancel`/`deny` close the attempt and leave the bill payable,
 * `pending` changes nothing. The amount must be the attempt's, which is the bill's.
 */
import type { z } from 'zod';
import {
  type AttemptStatus,
  type GatewayMethod,
  type PaymentAttemptSignal,
  paymentMethodLabel,
} from '../contracts/payments';
import { Refused } from '../contracts/refusals';
import type { PaymentAttemptList, PaymentAttemptView } from '../contracts/views';
import { toJakartaIso } from '../domain/calendar';
import type { Database } from '../platform/database';
import type { PaymentAttempt } from '../prisma/generated/client';
import type { PaymentGateway } from './payment-gateway';
import { type PaymentNotification, type PaymentOutcome, recordPayment } from './payments';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When an attempt opened at `now` closes: the due date's end (WIB) or 24 hours, whichever is first. */
export function attemptDeadline(dueDate: Date, now: Date): Date {
  const endOfDue = new Date(`${dueDate.toISOString().slice(0, 10)}T23:59:59+07:00`);
  const day = new Date(now.getTime() + DAY_MS);
  // Less than ten minutes left of the due date (or overdue): a day, as for any VA.
  if (endOfDue.getTime() - now.getTime() < 10 * 60_000) return day;
  return endOfDue < day ? endOfDue : day;
}

export function toAttemptView(row: PaymentAttempt): PaymentAttemptView {
  return {
    orderId: row.orderId,
    billCode: row.billCode,
    method: row.method as GatewayMethod,
    methodLabel: paymentMethodLabel(row.method),
    status: row.status as AttemptStatus,
    amountIdr: row.amountIdr,
    vaNumber: row.vaNumber,
    billerCode: row.billerCode,
    billKey: row.billKey,
    qrString: row.qrString,
    createdAt: toJakartaIso(row.createdAt),
    expiresAt: toJakartaIso(row.expiresAt),
    closedAt: row.closedAt ? toJakartaIso(row.closedAt) : null,
  };
}

export async function listAttempts(
  db: Database,
  billCode: string,
  methods: readonly GatewayMethod[],
): Promise<z.output<typeof PaymentAttemptList>> {
  const bill = await db.bill.findUnique({ where: { billCode }, select: { status: true } });
  if (!bill) throw new Refused('UNKNOWN_BILL', `bill ${billCode} does not exist`);
  const rows = await db.paymentAttempt.findMany({ where: { billCode }, orderBy: { attempt: 'desc' } });
  return { billCode, billStatus: bill.status, methods: [...methods], attempts: rows.map(toAttemptView) };
}

export interface OpenedAttempt {
  attempt: PaymentAttemptView;
  /** For the bill's run: it asks the Status API while this is pending (signalWithStart). */
  signal: PaymentAttemptSignal;
  bill: { customerId: string; upgradeId: string | null; dueDate: string };
}

/**
 * Opens an attempt for the bill with `method`, cancelling the pending one first ("Ganti metode").
 * The bill's row is locked meanwhile, so two taps open one order at a time.
 */
export async function openAttempt(
  db: Database,
  gateway: PaymentGateway,
  input: { billCode: string; method: GatewayMethod; offered: readonly GatewayMethod[]; now?: Date },
): Promise<OpenedAttempt> {
  const { billCode, method } = input;
  if (!input.offered.includes(method))
    throw new Refused('METHOD_NOT_OFFERED', `${method} is not offered (PAYMENT_METHODS)`);
  return db.$transaction(
    async (tx) => {
      const [bill] = await tx.$queryRaw<
        Array<{
          customerId: string;
          upgradeId: string | null;
          status: string;
          totalIdr: number;
          dueDate: Date;
        }>
      >`SELECT "customerId", "upgradeId", status::text AS status, "totalIdr", "dueDate" FROM "Bill" WHERE "billCode" = ${billCode} FOR UPDATE`;
      if (!bill) throw new Refused('UNKNOWN_BILL', `bill ${billCode} does not exist`);
      if (bill.status === 'PAID') throw new Refused('BILL_PAID', `bill ${billCode} is already paid`);
      if (bill.status === 'VOID') throw new Refused('BILL_VOID', `bill ${billCode} was voided`);
      const now = input.now ?? new Date();
      const pending = await tx.paymentAttempt.findMany({ where: { billCode, status: 'PENDING' } });
      for (const open of pending) {
        await gateway.cancel(open.orderId);
        await tx.paymentAttempt.update({
          where: { orderId: open.orderId },
          data: { status: 'CANCELLED', closedAt: now },
        });
      }
      const last = await tx.paymentAttempt.aggregate({ where: { billCode }, _max: { attempt: true } });
      const attempt = (last._max.attempt ?? 0) + 1;
      const orderId = `${billCode}-${attempt}`;
      const opened = await gateway.open({
        orderId,
        method,
        amountIdr: bill.totalIdr,
        expiresAt: attemptDeadline(bill.dueDate, now),
        billCode,
      });
      const row = await tx.paymentAttempt.create({
        data: {
          orderId,
          billCode,
          attempt,
          method,
          amountIdr: bill.totalIdr,
          status: 'PENDING',
          vaNumber: opened.vaNumber,
          billerCode: opened.billerCode,
          billKey: opened.billKey,
          qrString: opened.qrString,
          transactionId: opened.transactionId,
          createdAt: now,
          expiresAt: opened.expiresAt,
        },
      });
      return {
        attempt: toAttemptView(row),
        signal: { orderId, expiresAt: row.expiresAt.toISOString(), openedAt: now.toISOString() },
        bill: {
          customerId: bill.customerId,
          upgradeId: bill.upgradeId,
          dueDate: bill.dueDate.toISOString().slice(0, 10),
        },
      };
    },
    // The gateway's two calls (cancel, charge) happen with the bill locked: 10 s each at most.
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/** What applying a gateway status did. */
export type GatewayOutcome =
  | { kind: 'RECORDED'; payment: PaymentNotification; outcome: PaymentOutcome & { recorded: true } }
  | { kind: 'ALREADY_RECORDED'; payment: PaymentNotification; outcome: PaymentOutcome & { recorded: true } }
  | { kind: 'CLOSED'; status: AttemptStatus }
  | { kind: 'UNCHANGED'; status: AttemptStatus };

const CLOSING: Record<string, AttemptStatus> = { expire: 'EXPIRED', cancel: 'CANCELLED', deny: 'DENIED' };

/**
 * Applies what the gateway says of an order (a verified notification, or the Status API's
 * answer). Refused: UNKNOWN_ORDER, AMOUNT_MISMATCH, and recordPayment's refusals.
 */
export async function applyGatewayStatus(
  db: Database,
  status: {
    orderId: string;
    transactionStatus: string;
    fraudStatus: string | null;
    grossAmount: string;
    settledAt?: Date | null;
  },
  now: Date = new Date(),
): Promise<GatewayOutcome> {
  const attempt = await db.paymentAttempt.findUnique({ where: { orderId: status.orderId } });
  if (!attempt) throw new Refused('UNKNOWN_ORDER', `no payment attempt has order ${status.orderId}`);
  const amount = Number(status.grossAmount);
  if (!Number.isFinite(amount) || amount !== attempt.amountIdr) {
    throw new Refused(
      'AMOUNT_MISMATCH',
      `order ${attempt.orderId} is for ${attempt.amountIdr}, not ${status.grossAmount}`,
    );
  }
  const s = status.transactionStatus;
  const paid = s === 'settlement' || (s === 'capture' && status.fraudStatus === 'accept');
  if (paid) {
    const payment: PaymentNotification = {
      // One attempt pays once: its order ID is the payment's reference.
      transactionId: attempt.orderId,
      billCode: attempt.billCode,
      amountIdr: attempt.amountIdr,
      method: attempt.method as GatewayMethod,
      paidAt: (status.settledAt ?? now).toISOString(),
    };
    const outcome = await recordPayment(db, payment);
    if (!outcome.recorded) throw new Refused(outcome.refusal, outcome.detail);
    if (attempt.status !== 'PAID') {
      await db.paymentAttempt.update({
        where: { orderId: attempt.orderId },
        data: { status: 'PAID', closedAt: attempt.closedAt ?? now },
      });
    }
    return outcome.replay
      ? { kind: 'ALREADY_RECORDED', payment, outcome }
      : { kind: 'RECORDED', payment, outcome };
  }
  const closing = CLOSING[s];
  if (closing && attempt.status === 'PENDING') {
    const closed = await db.paymentAttempt.updateMany({
      where: { orderId: attempt.orderId, status: 'PENDING' },
      data: { status: closing, closedAt: now },
    });
    if (closed.count === 1) return { kind: 'CLOSED', status: closing };
  }
  return { kind: 'UNCHANGED', status: attempt.status as AttemptStatus };
}

/**
 * The bill's run asks (a late notification): the Status API's answer, applied. An attempt no
 * longer pending here is not asked about; a voided bill's pending order is cancelled.
 */
export async function checkAttempt(
  db: Database,
  gateway: PaymentGateway,
  orderId: string,
): Promise<{ status: AttemptStatus; recorded: boolean; transactionId: string | null }> {
  const attempt = await db.paymentAttempt.findUnique({
    where: { orderId },
    include: { bill: { select: { status: true } } },
  });
  if (!attempt) throw new Refused('UNKNOWN_ORDER', `no payment attempt has order ${orderId}`);
  if (attempt.status !== 'PENDING') {
    return {
      status: attempt.status as AttemptStatus,
      recorded: false,
      transactionId: attempt.status === 'PAID' ? orderId : null,
    };
  }
  const answer = await gateway.status(orderId);
  const applied = await applyGatewayStatus(db, answer);
  if (applied.kind === 'RECORDED' || applied.kind === 'ALREADY_RECORDED')
    return { status: 'PAID', recorded: applied.kind === 'RECORDED', transactionId: orderId };
  if (applied.kind === 'UNCHANGED' && applied.status === 'PENDING' && attempt.bill.status === 'VOID') {
    await gateway.cancel(orderId);
    await db.paymentAttempt.update({
      where: { orderId },
      data: { status: 'CANCELLED', closedAt: new Date() },
    });
    return { status: 'CANCELLED', recorded: false, transactionId: null };
  }
  return { status: applied.status, recorded: false, transactionId: null };
}

/**
 * A bill just voided: each order still open for it is asked about once more (one paid meanwhile
 * is recorded, as the bill's run would) and otherwise cancelled at the gateway now, so the
 * customer cannot pay a bill that no longer stands.
 */
export async function closeAttemptsOfVoidedBill(
  db: Database,
  gateway: PaymentGateway,
  billCode: string,
): Promise<void> {
  const open = await db.paymentAttempt.findMany({
    where: { billCode, status: 'PENDING' },
    select: { orderId: true },
  });
  for (const { orderId } of open) await checkAttempt(db, gateway, orderId);
}
