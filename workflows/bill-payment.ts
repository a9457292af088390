/**
 * BillPaymentWorkflow (`bill-<billCode>`): one bill waiting to be paid, started by the step that
 * issues the bill (activities/billing.ts), or by the bill's first payment notification. The day before its due date (09:00 Jakarta)
 * the customer is reminded unless the bill was paid or voided meanwhile; when the gateway's
 * notification signals the payment, the customer gets the receipt. Each payment attempt the API
 * opens at the gateway is signalled too: while it is pending the run asks the gateway's Status API
 * (15 min and 1 h after it opened, and just after its expiry), so a payment whose notification was
 * lost is recorded and receipted all the same. A bill still unpaid 60 days after its due date is
 * left to collections and the run ends.
 */
import { condition, patched, setHandler } from '@temporalio/workflow';
import {
  ATTEMPT_CHECK_AFTER_EXPIRY_MS,
  ATTEMPT_CHECKS_AFTER_MS,
  type BillPaidSignal,
  type BillPaymentInput,
  type BillPaymentOutcome,
  billPaidSignal,
  type PaymentAttemptSignal,
  paymentAttemptSignal,
} from '../contracts/payments';
import { reminderAt } from '../domain/visits';
import { localActivities, notices } from './activities';
import { fromApi, startedFromApi } from './from-api';
import { bestEffort, logOnly } from './settle';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long after the due date the run keeps waiting for a payment. */
const COLLECTIONS_AFTER_MS = 60 * DAY_MS;
/** Runs that never asked the gateway's Status API replay as they ran (docs/workflow-versioning.md). */
export const PAYMENT_STATUS_CHECKS = 'payment-status-checks';

export async function BillPaymentWorkflow(started: BillPaymentInput): Promise<BillPaymentOutcome> {
  // Only what came through the API or the worker (workflows/from-api.ts).
  const input = startedFromApi('BillPaymentWorkflow', started);
  const { billCode, customerId, upgradeId, dueDate } = input;
  let paid: BillPaidSignal | undefined;
  setHandler(
    billPaidSignal,
    fromApi('billPaid', (payment: BillPaidSignal) => {
      paid ??= payment;
    }),
  );
  // A payment attempt opened at the gateway (API): asked about while pending, in case its
  // notification is lost — 15 min and 1 h after it opened, and once more just after its expiry.
  let latestOrder: string | undefined;
  const watchAttempt = async ({ orderId, openedAt, expiresAt }: PaymentAttemptSignal) => {
    if (!patched(PAYMENT_STATUS_CHECKS)) return;
    latestOrder = orderId;
    const expiry = new Date(expiresAt).getTime();
    const checks = [
      ...ATTEMPT_CHECKS_AFTER_MS.map((ms) => new Date(openedAt).getTime() + ms).filter((at) => at < expiry),
      expiry + ATTEMPT_CHECK_AFTER_EXPIRY_MS,
    ];
    for (const at of checks) {
      const over = () => paid !== undefined || latestOrder !== orderId;
      if (await condition(over, Math.max(1, at - Date.now()), { summary: `until asking about ${orderId}` }))
        return;
      const { status, transactionId } = await localActivities.checkPaymentAttempt({ orderId });
      if (status === 'PAID') paid ??= { transactionId: transactionId ?? orderId };
      if (status !== 'PENDING') return;
    }
  };
  setHandler(
    paymentAttemptSignal,
    fromApi('paymentAttempt', (attempt: PaymentAttemptSignal) => {
      void watchAttempt(attempt);
    }),
  );

  const remindAt = reminderAt(dueDate).getTime();
  if (
    !(await condition(() => paid !== undefined, Math.max(1, remindAt - Date.now()), {
      summary: 'until the due-date reminder',
    }))
  ) {
    // The row decides: a bill voided with its upgrade, or paid while this slept, is not reminded.
    const { status } = await localActivities.readBillStatus({ billCode });
    if (status === 'VOID') return 'VOID';
    if (status === 'UNPAID' && !paid) {
      await bestEffort(logOnly, billCode, 'BILL_DUE_REMINDER', () =>
        notices.notifyBillDueReminder({ upgradeId, customerId, billCode }),
      );
    }
  }
  const giveUpAt = new Date(`${dueDate}T00:00:00+07:00`).getTime() + COLLECTIONS_AFTER_MS;
  if (
    !(await condition(() => paid !== undefined, Math.max(1, giveUpAt - Date.now()), {
      summary: 'until collections',
    }))
  ) {
    return 'UNPAID';
  }
  await bestEffort(logOnly, billCode, 'PAYMENT_RECEIVED', () =>
    notices.notifyPaymentReceived({ upgradeId, customerId, billCode, transactionId: paid!.transactionId }),
  );
  return 'PAID';
}
