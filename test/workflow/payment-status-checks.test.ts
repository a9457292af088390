/**
 * The bill's run asks the gateway's Status API about a pending attempt (patched
 * `payment-status-checks`): 15 min and 1 h after it opened, and just after its expiry. A
 * settlement whose notification was dropped is recorded by that check and receipted; a switch of
 * method stops the checks of the attempt it replaced. In the time-skipping environment, with the
 * check a fake answering as services/payment-attempts.ts's checkAttempt would.
 * With `RECORD_HISTORIES=<revision>` its runs are saved as `payment-status-checks-bill-…` for the
 * replay test.
 */
import type { Activities } from '../../activities';
import { type BillPaymentOutcome, paymentAttemptSignal } from '../../contracts/payments';
import { addDays, jakartaDateOf } from '../../domain';
import { BillPaymentWorkflow } from '../../workflows';
import { recordHistoriesFrom } from '../helpers/histories';
import { environmentForFile, runWorkflow } from './environment';
import { fakeActivities, SCENARIO_A_PLAN } from './fake-activities';

const MINUTE = 60_000;
const runs: string[] = [];

const env = environmentForFile({
  beforeTeardown: async () => {
    if (!process.env.RECORD_HISTORIES) return;
    const revision = process.env.RECORD_HISTORIES;
    process.env.RECORD_HISTORIES = 'payment-status-checks';
    await recordHistoriesFrom(env.client, runs);
    process.env.RECORD_HISTORIES = revision;
  },
});

type CheckAnswer = Awaited<ReturnType<Activities['checkPaymentAttempt']>>;

/**
 * Fake activities whose Status API check notes when it was asked (the test server's time) and
 * answers the n-th time (from 1) as `answer` says.
 */
function checksAnswering(answer: (n: number, orderId: string) => CheckAnswer) {
  const checkedAt: number[] = [];
  const activities = fakeActivities(SCENARIO_A_PLAN, {
    checkPaymentAttempt: jest.fn(async ({ orderId }: { orderId: string }) => {
      checkedAt.push(await env.currentTimeMs());
      return answer(checkedAt.length, orderId);
    }),
  });
  return { activities, checkedAt };
}

let counter = 0;

/** A bill whose customer opens attempt 1 at once, expiring in `expiresInMs`: its outcome and when it opened. */
async function runBill(
  activities: ReturnType<typeof fakeActivities>,
  expiresInMs: number,
): Promise<{ outcome: BillPaymentOutcome; openedAt: number }> {
  counter += 1;
  const billCode = `20251172${String(2900 + counter).padStart(4, '0')}`;
  runs.push(`bill-${billCode}`);
  const today = jakartaDateOf(new Date(await env.currentTimeMs()));
  return runWorkflow(
    env,
    { queue: 'bill-checks', activities },
    BillPaymentWorkflow,
    {
      workflowId: `bill-${billCode}`,
      args: [
        {
          billCode,
          customerId: '21314849',
          upgradeId: 'upgrade-21314849-checks',
          dueDate: addDays(today, 7),
        },
      ],
    },
    async (handle) => {
      const openedAt = await env.currentTimeMs();
      await handle.signal(paymentAttemptSignal, {
        orderId: `${billCode}-1`,
        openedAt: new Date(openedAt).toISOString(),
        expiresAt: new Date(openedAt + expiresInMs).toISOString(),
      });
      return { outcome: await handle.result(), openedAt };
    },
  );
}

describe('BillPaymentWorkflow asks the Status API while an attempt is pending', () => {
  it('records a settlement whose notification was dropped: at the 1-hour check, then the receipt', async () => {
    // Paid 30 minutes in; Midtrans's notification never arrived.
    const { activities, checkedAt } = checksAnswering((n, orderId) =>
      n === 1 ? { status: 'PENDING', transactionId: null } : { status: 'PAID', transactionId: orderId },
    );
    const { outcome, openedAt } = await runBill(activities, 24 * 60 * MINUTE);
    expect(outcome).toBe('PAID');
    expect(activities.checkPaymentAttempt).toHaveBeenCalledTimes(2);
    expect(checkedAt[0]! - openedAt).toBeGreaterThanOrEqual(15 * MINUTE);
    expect(checkedAt[0]! - openedAt).toBeLessThan(16 * MINUTE);
    expect(checkedAt[1]! - openedAt).toBeGreaterThanOrEqual(60 * MINUTE);
    expect(checkedAt[1]! - openedAt).toBeLessThan(61 * MINUTE);
    expect(activities.notifyPaymentReceived).toHaveBeenCalledTimes(1);
    expect(activities.notifyPaymentReceived.mock.calls[0]?.[0]).toMatchObject({
      transactionId: expect.stringMatching(/-1$/),
    });
    expect(activities.notifyBillDueReminder).not.toHaveBeenCalled();
  });

  it('asks once more just after the expiry, and stops when the gateway closed the attempt', async () => {
    const { activities, checkedAt } = checksAnswering((n) =>
      n < 3 ? { status: 'PENDING', transactionId: null } : { status: 'EXPIRED', transactionId: null },
    );
    const { outcome, openedAt } = await runBill(activities, 3 * 60 * MINUTE);
    // Never paid: reminded, then left to collections.
    expect(outcome).toBe('UNPAID');
    expect(checkedAt).toHaveLength(3);
    expect(checkedAt[2]! - openedAt).toBeGreaterThanOrEqual(3 * 60 * MINUTE + MINUTE);
    expect(checkedAt[2]! - openedAt).toBeLessThan(3 * 60 * MINUTE + 2 * MINUTE);
    expect(activities.notifyPaymentReceived).not.toHaveBeenCalled();
  }, 60_000);
});
