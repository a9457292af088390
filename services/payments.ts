/**
 * A payment notification from the gateway, recorded once: the bill is locked while it is checked
 * and marked PAID, so two deliveries of one notification (or two payments of one bill) cannot
 * both count. The whole amount due is required: the gateway's virtual accounts and QR codes are
 * issued for the exact total (docs/decisions.md), so any other amount is refused, not booked.
 */

import type { Client } from '@temporalio/client';
import { notificationKey } from '../contracts/notifications';
import {
  BILL_PAYMENT_WORKFLOW_TYPE,
  billPaidSignal,
  billWorkflowId,
  type PaymentMethod,
  RECEIPT_CHANNELS,
} from '../contracts/payments';
import { Unavailable } from '../contracts/refusals';
import type { Database } from '../platform/database';
import { inRunTrace } from '../platform/telemetry/run-trace';

export interface PaymentNotification {
  transactionId: string;
  billCode: string;
  amountIdr: number;
  method: PaymentMethod;
  paidAt: string;
}

export type PaymentRefusal =
  | 'UNKNOWN_BILL'
  | 'BILL_PAID'
  | 'BILL_VOID'
  | 'AMOUNT_MISMATCH'
  | 'TRANSACTION_REUSED';

export type PaymentOutcome =
  | {
      recorded: true;
      replay: boolean;
      /** A replay whose receipt reached the customer on every channel: nothing is left to do. */
      receiptDelivered: boolean;
      customerId: string;
      upgradeId: string | null;
      dueDate: string;
    }
  | { recorded: false; refusal: PaymentRefusal; detail: string };

export async function recordPayment(
  db: Database,
  notification: PaymentNotification,
): Promise<PaymentOutcome> {
  const { transactionId, billCode, amountIdr } = notification;
  return db.$transaction(async (tx) => {
    const [bill] = await tx.$queryRaw<
      Array<{ customerId: string; upgradeId: string | null; status: string; totalIdr: number; dueDate: Date }>
    >`SELECT "customerId", "upgradeId", status::text AS status, "totalIdr", "dueDate" FROM "Bill" WHERE "billCode" = ${billCode} FOR UPDATE`;
    if (!bill) return refused('UNKNOWN_BILL', `bill ${billCode} does not exist`);
    const dueDate = bill.dueDate.toISOString().slice(0, 10);
    const earlier = await tx.payment.findUnique({ where: { reference: transactionId } });
    if (earlier) {
      if (earlier.billCode !== billCode || earlier.amountIdr !== amountIdr) {
        return refused(
          'TRANSACTION_REUSED',
          `transaction ${transactionId} was recorded for another bill or amount`,
        );
      }
      const receiptKeys = RECEIPT_CHANNELS.map((channel) =>
        notificationKey(billWorkflowId(billCode), 'PAYMENT_RECEIVED', channel),
      );
      const delivered = await tx.notification.count({
        where: { idempotencyKey: { in: receiptKeys }, deliveredAt: { not: null } },
      });
      const receiptDelivered = delivered === receiptKeys.length;
      return { recorded: true, replay: true, receiptDelivered, ...owner(bill), dueDate };
    }
    if (bill.status === 'PAID') return refused('BILL_PAID', `bill ${billCode} is already paid`);
    if (bill.status === 'VOID') return refused('BILL_VOID', `bill ${billCode} was voided; nothing is due`);
    if (amountIdr !== bill.totalIdr) {
      return refused('AMOUNT_MISMATCH', `bill ${billCode} is due ${bill.totalIdr}, not ${amountIdr}`);
    }
    const paidAt = new Date(notification.paidAt);
    await tx.payment.create({
      data: {
        customerId: bill.customerId,
        billCode,
        paidAt,
        amountIdr,
        method: notification.method,
        reference: transactionId,
        description: `Pembayaran tagihan ${billCode}`,
      },
    });
    await tx.bill.update({
      where: { billCode },
      data: { status: 'PAID', paidAmountIdr: amountIdr, paidAt },
    });
    return { recorded: true, replay: false, receiptDelivered: false, ...owner(bill), dueDate };
  });
}

function owner(bill: { customerId: string; upgradeId: string | null }) {
  return { customerId: bill.customerId, upgradeId: bill.upgradeId };
}

function refused(refusal: PaymentRefusal, detail: string): PaymentOutcome {
  return { recorded: false, refusal, detail };
}

/**
 * The bill's run is told it was paid (started if need be), in its trace: it sends the receipt and
 * drops the reminder. Not taken: 503, the gateway delivers again, the replay signals again.
 */
export async function queueReceipt(
  temporal: Client,
  taskQueue: string,
  notification: PaymentNotification,
  bill: { customerId: string; upgradeId: string | null; dueDate: string },
): Promise<void> {
  const { billCode, transactionId } = notification;
  const workflowId = billWorkflowId(billCode);
  try {
    await inRunTrace(temporal.workflow.getHandle(workflowId), 'payment notified', () =>
      temporal.workflow.signalWithStart(BILL_PAYMENT_WORKFLOW_TYPE, {
        workflowId,
        taskQueue,
        args: [{ billCode, customerId: bill.customerId, upgradeId: bill.upgradeId, dueDate: bill.dueDate }],
        signal: billPaidSignal,
        signalArgs: [{ transactionId }],
      }),
    );
  } catch (error) {
    throw new Unavailable('recorded, but the receipt could not be queued: deliver again', {
      cause: error,
      context: { billCode },
    });
  }
}
