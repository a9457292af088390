/**
 * A payment notification from the gateway, recorded once: the bill is locked while it is checked
 * and marked PAID, so two deliveries of one notification (or two payments of one bill) cannot
 * both count. The whole amount due is required: the gateway's virtual accounts and QR codes are
 * issued for the exact total (docs/decisions.md), so any other amount is refused, not booked.
 */
import { notificationKey } from '../contracts/notifications';
import { billWorkflowId, type PaymentMethod, RECEIPT_CHANNELS } from '../contracts/payments';
import type { Database } from '../platform/database';

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
