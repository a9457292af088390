import { createActivities } from '../../activities';
import { VOID_LINE_LABEL } from '../../activities/settlement';
import type { UpgradeWorkflowInput } from '../../contracts/upgrade';
import { EMAIL_FROM_DEFAULT } from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { OutboxEmailTransport } from '../../platform/notifications/email-transport';
import { LocalPushGateway } from '../../platform/notifications/push-gateway';
import { admitUpgrade } from '../../services/upgrade-admission';
import { loadUpgradeView } from '../../services/upgrade-views';
import { startTestDatabase, type TestDatabase } from '../helpers/database';
import { closeUpgradeRuns, runUpgradeSteps } from '../support/upgrade-runs';

const AHMAD = '21314849'; // scenario A
const FACHRI = '21301029'; // scenario B

let t: TestDatabase;
let acts: ReturnType<typeof createActivities>;
/** Bills whose run the settlement ended (the worker cancels `bill-<code>`; e2e endings checks that). */
const endedBillRuns: string[] = [];

beforeAll(async () => {
  t = await startTestDatabase();
  acts = createActivities({
    db: t.db,
    logger: createLogger('silent'),
    email: new OutboxEmailTransport(t.db),
    push: new LocalPushGateway(t.db),
    emailFrom: EMAIL_FROM_DEFAULT,
    statementUrl: async ({ billCode: code }) => `https://selfcare.example.test/v1/bills/${code}/statement`,
    endBillPayment: async (billCode) => {
      endedBillRuns.push(billCode);
    },
  });
}, 180_000);

afterAll(async () => {
  await closeUpgradeRuns();
  await t?.teardown();
});

async function admitted(customerId: string, key: string, target: string): Promise<UpgradeWorkflowInput> {
  const upgradeId = `upgrade-${customerId}-${key}`;
  const { row } = await admitUpgrade(t.db, {
    upgradeId,
    customerId,
    idempotencyKey: key,
    targetPackageCode: target,
    requestedAt: new Date(),
  });
  return {
    upgradeId,
    customerId,
    idempotencyKey: key,
    targetPackageCode: target,
    requestedAt: row.requestedAt.toISOString(),
  };
}

/** Everything an upgrade left, for before/after comparisons. */
async function recordOf(upgradeId: string) {
  const [request, bill, tickets, workOrders, change] = await Promise.all([
    t.db.upgradeRequest.findUniqueOrThrow({ where: { id: upgradeId } }),
    t.db.bill.findUnique({ where: { upgradeId }, include: { lines: { orderBy: { position: 'asc' } } } }),
    t.db.ticket.findMany({ where: { upgradeId }, orderBy: { kind: 'asc' } }),
    t.db.workOrder.findMany({ where: { upgradeId }, orderBy: { type: 'asc' } }),
    t.db.subscriptionChange.findUnique({ where: { upgradeId } }),
  ]);
  return { request, bill, tickets, workOrders, change };
}

describe('settleUpgrade', () => {
  it('before the switch: voids the bill with a credit line, notes the TT, cancels the WO; once', async () => {
    const input = await admitted(AHMAD, 'settle-before-switch', 'STREAM-150-SEM');
    const plan = await acts.acceptUpgradeRequest(input);
    const bill = await acts.issueUpgradeBill(input);
    const ticket = await acts.openUpgradeTicket({
      upgradeId: input.upgradeId,
      customerId: AHMAD,
      fromPackageName: plan.from.name,
      targetPackageName: plan.target.name,
      targetPriceIdr: plan.target.priceIdr,
    });
    await acts.createUpgradeWorkOrder({
      upgradeId: input.upgradeId,
      customerId: AHMAD,
      targetPackageName: plan.target.name,
      promoLabel: plan.promoLabel,
      ticketNo: ticket.ticketNo,
    });
    const packageBefore = await t.db.subscription.findUniqueOrThrow({ where: { customerId: AHMAD } });

    const settle = {
      upgradeId: input.upgradeId,
      ending: 'FAILED' as const,
      reason: 'work order system down',
    };
    const first = await acts.settleUpgrade(settle);
    const second = await acts.settleUpgrade(settle);

    expect(first).toEqual({
      upgradeId: input.upgradeId,
      customerId: AHMAD,
      ending: 'FAILED',
      switched: false,
      voidedBillCode: bill.billCode,
      cancelledVisit: null,
    });
    expect(second).toEqual(first);
    // The voided bill's run is ended; the retry asks again, which a closed run ignores.
    expect(endedBillRuns).toEqual([bill.billCode, bill.billCode]);
    const after = await recordOf(input.upgradeId);
    expect(after.request).toMatchObject({ status: 'FAILED', failureReason: 'work order system down' });
    expect(after.bill?.status).toBe('VOID');
    expect(after.bill?.voidedAt).not.toBeNull();
    const credit = after.bill!.lines.filter((line) => line.label === VOID_LINE_LABEL);
    expect(credit).toEqual([expect.objectContaining({ amountIdr: -after.bill!.totalIdr })]);
    expect(after.tickets[0]?.notes).toEqual([
      `FAILED: work order system down (bill ${bill.billCode} voided)`,
    ]);
    expect(after.workOrders[0]).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'FAILED: work order system down',
    });
    expect(after.change).toBeNull();
    expect(await t.db.subscription.findUniqueOrThrow({ where: { customerId: AHMAD } })).toEqual(
      packageBefore,
    );

    // The API tells the same story: FAILED, the bill voided, the customer free to try again.
    const view = await loadUpgradeView(t.db, input.upgradeId);
    expect(view?.steps.map((s) => s.name)).toEqual([
      'REQUEST_ACCEPTED',
      'BILL_ISSUED',
      'UPGRADE_TICKET_CLOSED',
      'UPGRADE_WORK_ORDER_CREATED',
      'BILL_VOIDED',
      'FAILED',
    ]);
    await expect(admitted(AHMAD, 'settle-before-switch-again', 'STREAM-150-SEM')).resolves.toBeDefined();
    await t.db.upgradeRequest.delete({ where: { id: `upgrade-${AHMAD}-settle-before-switch-again` } });
  });

  it('while the ONT visit is open: cancels WO and TT with a note; package and bill stand', async () => {
    const input = await admitted(FACHRI, 'settle-awaiting', 'STREAM-200-YEAR');
    const progress = await runUpgradeSteps(acts, input);
    const woNumber = progress.maintenanceWorkOrderNo!;
    const billRunsEndedBefore = endedBillRuns.length;

    const settled = await acts.settleUpgrade({
      upgradeId: input.upgradeId,
      ending: 'CANCELLED',
      reason: 'cancelled by an operator',
    });

    expect(settled).toMatchObject({ switched: true, voidedBillCode: null, cancelledVisit: woNumber });
    const after = await recordOf(input.upgradeId);
    expect(after.request.status).toBe('CANCELLED');
    expect(after.bill?.status).toBe('UNPAID');
    expect(endedBillRuns).toHaveLength(billRunsEndedBefore); // the bill stands, and so does its run
    expect(after.change).not.toBeNull();
    const [upgradeTicket, changeOnt] = after.tickets;
    expect(upgradeTicket).toMatchObject({ kind: 'UPGRADE', status: 'CLOSED', notes: [] });
    expect(changeOnt).toMatchObject({
      kind: 'CHANGE_ONT',
      status: 'CANCELLED',
      notes: ['CANCELLED: cancelled by an operator'],
    });
    expect(after.workOrders.map((wo) => [wo.type, wo.status])).toEqual([
      ['UPGRADE', 'DONE'],
      ['MAINTENANCE', 'CANCELLED'],
    ]);

    // The customer is told the visit is off, by push, inbox and email, once.
    await acts.notifyOntVisitCancelled({
      upgradeId: input.upgradeId,
      customerId: FACHRI,
      workOrderNumber: woNumber,
    });
    await acts.notifyOntVisitCancelled({
      upgradeId: input.upgradeId,
      customerId: FACHRI,
      workOrderNumber: woNumber,
    });
    const notices = await t.db.notification.findMany({
      where: { upgradeId: input.upgradeId, kind: 'ONT_VISIT_CANCELLED' },
    });
    expect(notices.map((n) => n.channel).sort()).toEqual(['EMAIL', 'INBOX', 'PUSH']);
  });

  it('leaves a completed upgrade alone', async () => {
    const input = await admitted(AHMAD, 'settle-completed', 'STREAM-200-YEAR');
    await runUpgradeSteps(acts, input);
    const before = await recordOf(input.upgradeId);
    expect(before.request.status).toBe('COMPLETED');
    const settled = await acts.settleUpgrade({
      upgradeId: input.upgradeId,
      ending: 'TERMINATED',
      reason: 'late',
    });
    expect(settled).toMatchObject({ ending: 'COMPLETED', voidedBillCode: null, cancelledVisit: null });
    expect(await recordOf(input.upgradeId)).toEqual(before);
  });
});
