/**
 * The bill's run asks the gateway's Status API about a pending attempt (patched
 * `payment-status-checks`): 15 min and 1 h after it opened, and just after its expiry. A
 * settlement whose notification was dropped is recorded by that check and receipted; a switch of
 * method stops the checks of the attempt it replaced. In the time-skipping environment, with the
 * check a fake answering as services/payment-attempts.ts's checkAttempt would.
 * With `RECORD_HISTORIES=<revision>` its runs are saved as `payment-status-checks-bill-…` for the
 * replay test.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Activities } from '../../activities';
import { type BillPaymentOutcome, paymentAttemptSignal } from '../../contracts/payments';
import { addDays, jakartaDateOf } from '../../domain';
import { BillPaymentWorkflow } from '../../workflows';
import { recordHistoriesFrom } from '../helpers/histories';
import {
  createTimeSkippingEnvironment,
  testDataConverter,
  uniqueTaskQueue,
  workflowBundle,
  workflowSinks,
} from '../helpers/temporal';
import { fakeActivities, SCENARIO_A_PLAN } from './fake-activities';

const MINUTE = 60_000;
let env: TestWorkflowEnvironment;
const runs: string[] = [];

beforeAll(async () => {
  env = await createTimeSkippingEnvironment();
}, 120_000);

afterAll(async () => {
  if (env && process.env.RECORD_HISTORIES) {
    const revision = process.env.RECORD_HISTORIES;
    process.env.RECORD_HISTORIES = 'payment-status-checks';
    await recordHistoriesFrom(env.client, runs);
    process.env.RECORD_HISTORIES = revision;
  }
  await env?.teardown();
});

let counter = 0;

async function runBill(
  activities: ReturnType<typeof fakeActivities>,
  drive: (open: (orderId: string, expiresInMs: number) => Promise<number>) => Promise<void>,
): Promise<BillPaymentOutcome> {
  counter += 1;
  const billCode = `20251172${String(2900 + counter).padStart(4, '0')}`;
  runs.push(`bill-${billCode}`);
  const today = jakartaDateOf(new Date(await env.currentTimeMs()));
  const taskQueue = uniqueTaskQueue('bill-checks');
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    activities: activities as unknown as Activities,
    workflowBundle: await workflowBundle(),
    dataConverter: testDataConverter,
    sinks: workflowSinks,
  });
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start(BillPaymentWorkflow, {
      workflowId: `bill-${billCode}`,
      taskQueue,
      args: [
        {
          billCode,
          customerId: '21314849',
          upgradeId: 'upgrade-21314849-checks',
          dueDate: addDays(today, 7),
        },
      ],
    });
    await drive(async (attempt, expiresInMs) => {
      const now = await env.currentTimeMs();
      await handle.signal(paymentAttemptSignal, {
        orderId: `${billCode}-${attempt}`,
        openedAt: new Date(now).toISOString(),
        expiresAt: new Date(now + expiresInMs).toISOString(),
      });
      return now;
    });
    return handle.result();
  });
}

describe('BillPaymentWorkflow asks the Status API while an attempt is pending', () => {
  it('records a settlement whose notification was dropped: at the 1-hour check, then the receipt', async () => {
    const checkedAt: number[] = [];
    const activities = fakeActivities(SCENARIO_A_PLAN, {
      checkPaymentAttempt: jest.fn(async ({ orderId }: { orderId: string }) => {
        checkedAt.push(await env.currentTimeMs());
        // Paid 30 minutes in; Midtrans's notification never arrived.
        return checkedAt.length === 1
          ? { status: 'PENDING', transactionId: null }
          : { status: 'PAID', transactionId: orderId };
      }),
    });
    let openedAt = 0;
    const outcome = await runBill(activities, async (open) => {
      openedAt = await open('1', 24 * 60 * MINUTE);
    });
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
    const checkedAt: number[] = [];
    const activities = fakeActivities(SCENARIO_A_PLAN, {
      checkPaymentAttempt: jest.fn(async () => {
        checkedAt.push(await env.currentTimeMs());
        return checkedAt.length < 3
          ? { status: 'PENDING', transactionId: null }
          : { status: 'EXPIRED', transactionId: null };
      }),
    });
    let openedAt = 0;
    const outcome = await runBill(activities, async (open) => {
      openedAt = await open('1', 3 * 60 * MINUTE);
    });
    // Never paid: reminded, then left to collections.
    expect(outcome).toBe('UNPAID');
    expect(checkedAt).toHaveLength(3);
    expect(checkedAt[2]! - openedAt).toBeGreaterThanOrEqual(3 * 60 * MINUTE + MINUTE);
    expect(checkedAt[2]! - openedAt).toBeLessThan(3 * 60 * MINUTE + 2 * MINUTE);
    expect(activities.notifyPaymentReceived).not.toHaveBeenCalled();
  }, 60_000);
});
