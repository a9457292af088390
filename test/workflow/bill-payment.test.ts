/**
 * BillPaymentWorkflow in the time-skipping environment: the reminder goes at 09:00 Jakarta the day
 * before the due date only if the bill is still unpaid; a payment (signal) sends the receipt.
 */
import { type BillPaymentOutcome, billPaidSignal } from '../../contracts/payments';
import { addDays, jakartaDateOf } from '../../domain';
import { reminderAt } from '../../domain/visits';
import { BillPaymentWorkflow } from '../../workflows';
import { recordHistoriesFrom } from '../helpers/histories';
import { environmentForFile, runWorkflow } from './environment';
import { fakeActivities, SCENARIO_A_PLAN } from './fake-activities';

/** Every bill run of this file, recorded for the replay test with `RECORD_HISTORIES=<revision>`. */
const billRuns: string[] = [];

const env = environmentForFile({ beforeTeardown: () => recordHistoriesFrom(env.client, billRuns) });

let counter = 0;

async function runBill(
  activities: ReturnType<typeof fakeActivities>,
  drive: (handle: { pay: () => Promise<void>; dueDate: string }) => Promise<void>,
): Promise<BillPaymentOutcome> {
  counter += 1;
  const billCode = `20251171${String(2850 + counter).padStart(4, '0')}`;
  billRuns.push(`bill-${billCode}`);
  const today = jakartaDateOf(new Date(await env.currentTimeMs()));
  const dueDate = addDays(today, 7);
  return runWorkflow(
    env,
    { queue: 'bill', activities },
    BillPaymentWorkflow,
    {
      workflowId: `bill-${billCode}`,
      args: [{ billCode, customerId: '21314849', upgradeId: 'upgrade-21314849-wf', dueDate }],
    },
    async (handle) => {
      await drive({
        pay: () => handle.signal(billPaidSignal, { transactionId: `TRX-${billCode}` }),
        dueDate,
      });
      return handle.result();
    },
  );
}

async function waitFor(done: () => boolean) {
  for (let i = 0; i < 200 && !done(); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(done()).toBe(true);
}

describe('BillPaymentWorkflow', () => {
  it('reminds once, at 09:00 Jakarta the day before the due date, then sends the receipt when paid', async () => {
    const activities = fakeActivities(SCENARIO_A_PLAN);
    const outcome = await runBill(activities, async ({ pay, dueDate }) => {
      await env.sleep(reminderAt(dueDate).getTime() - (await env.currentTimeMs()) - 60_000);
      expect(activities.notifyBillDueReminder).not.toHaveBeenCalled();
      await env.sleep('2 minutes');
      await waitFor(() => activities.notifyBillDueReminder.mock.calls.length === 1);
      await pay();
    });
    expect(outcome).toBe('PAID');
    expect(activities.notifyBillDueReminder).toHaveBeenCalledTimes(1);
    expect(activities.notifyPaymentReceived).toHaveBeenCalledWith(
      expect.objectContaining({ customerId: '21314849', upgradeId: 'upgrade-21314849-wf' }),
    );
  });

  it('paid before the reminder: no reminder, the receipt at once', async () => {
    const activities = fakeActivities(SCENARIO_A_PLAN);
    const outcome = await runBill(activities, async ({ pay }) => {
      await env.sleep('1 day');
      await pay();
    });
    expect(outcome).toBe('PAID');
    expect(activities.notifyBillDueReminder).not.toHaveBeenCalled();
    expect(activities.readBillStatus).not.toHaveBeenCalled();
    expect(activities.notifyPaymentReceived).toHaveBeenCalledTimes(1);
  });

  it('voided with its upgrade: no reminder, and the run ends', async () => {
    const activities = fakeActivities(SCENARIO_A_PLAN, {
      readBillStatus: jest.fn(async () => ({ status: 'VOID' })),
    });
    const outcome = await runBill(activities, async () => undefined);
    expect(outcome).toBe('VOID');
    expect(activities.notifyBillDueReminder).not.toHaveBeenCalled();
    expect(activities.notifyPaymentReceived).not.toHaveBeenCalled();
  });

  it('never paid: reminded once, then left to collections 60 days after the due date', async () => {
    const activities = fakeActivities(SCENARIO_A_PLAN);
    const outcome = await runBill(activities, async () => undefined);
    expect(outcome).toBe('UNPAID');
    expect(activities.notifyBillDueReminder).toHaveBeenCalledTimes(1);
    expect(activities.notifyPaymentReceived).not.toHaveBeenCalled();
  });
});
