/**
 * BillPaymentWorkflow (`bill-<billCode>`): one bill waiting to be paid, started by the step that
 * issues the bill (activities/billing.ts), or by the bill's first payment notification. The day before its due date (09:00 Jakarta)
 * the customer is reminded unless the bill was paid or voided meanwhile; when the gateway's
 * notification signals the payment, the customer gets the receipt. A bill still unpaid 60 days
 * after its due date is left to collections and the run ends.
 */
import { condition, setHandler } from '@temporalio/workflow';
import {
  type BillPaidSignal,
  type BillPaymentInput,
  type BillPaymentOutcome,
  billPaidSignal,
} from '../contracts/payments';
import { reminderAt } from '../domain/visits';
import { localActivities, notices } from './activities';
import { fromApi, startedFromApi } from './from-api';
import { bestEffort, logOnly } from './settle';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long after the due date the run keeps waiting for a payment. */
const COLLECTIONS_AFTER_MS = 60 * DAY_MS;

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
