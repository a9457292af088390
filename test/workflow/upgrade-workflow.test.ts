import { ApplicationFailure, type Duration } from '@temporalio/common';
import {
  type BookedVisit,
  bookVisitUpdate,
  type OntReplacedSignal,
  ontReplacedSignal,
  progressQuery,
  type UpgradeProgress,
  type UpgradeWorkflowInput,
  type VisitBookingRequest,
  type VisitReport,
  visitReportedSignal,
} from '../../contracts/upgrade';
import { jakartaDateOf } from '../../domain/calendar';
import { reminderAt, slotsBetween, type VisitSlot, visitStart } from '../../domain/visits';
import { UpgradeWorkflow } from '../../workflows';
import { recordHistoriesFrom } from '../helpers/histories';
import { environmentForFile, runWorkflow } from './environment';
import {
  type FakeActivities,
  fakeActivities,
  refused,
  SCENARIO_A_PLAN,
  SCENARIO_B_PLAN,
} from './fake-activities';

/** The run of the cancel that withdraws, recorded after the baseline (`RECORD_HISTORIES=v2`). */
const CANCEL_WITHDRAW_RUN = 'upgrade-21301029-cancel-withdraw';
const recordedRuns: string[] = [];

const env = environmentForFile({
  beforeTeardown: async () => {
    if (process.env.RECORD_HISTORIES === 'v2') await recordHistoriesFrom(env.client, recordedRuns);
  },
});

let runCounter = 0;
function inputFor(customerId: string, targetPackageCode: string): UpgradeWorkflowInput {
  runCounter += 1;
  const key = `wf-${runCounter}`;
  return {
    upgradeId: `upgrade-${customerId}-${key}`,
    customerId,
    targetPackageCode,
    idempotencyKey: key,
    requestedAt: '2025-11-21T06:34:28.000Z',
    ontSwapSla: '3 days',
  };
}

const swapReport = (workOrderNumber: string, serial = 'ZTEGD4B71C05'): OntReplacedSignal => ({
  workOrderNumber,
  newOntSerial: serial,
  newOntModel: 'ZTE F670L',
  band: 'DUAL',
  technician: 'Budi (MISITEL)',
  replacedAt: '2025-11-23T09:00:00.000Z',
});

/** Runs the workflow on a worker with `activities`; `drive` steers the run while it is open. */
async function run(
  activities: FakeActivities,
  input: UpgradeWorkflowInput,
  drive: (handle: {
    signal: (s: OntReplacedSignal) => Promise<void>;
    progress: () => Promise<UpgradeProgress>;
    cancel: () => Promise<unknown>;
    book: (request: VisitBookingRequest) => Promise<BookedVisit>;
    reportVisit: (report: VisitReport) => Promise<void>;
  }) => Promise<void> = async () => undefined,
  startOptions: { workflowTaskTimeout?: Duration } = {},
) {
  return runWorkflow(
    env,
    { queue: 'upgrade', activities },
    UpgradeWorkflow,
    { workflowId: input.upgradeId, args: [input], ...startOptions },
    async (handle) => {
      await drive({
        signal: (s) => handle.signal(ontReplacedSignal, s),
        progress: () => handle.query(progressQuery),
        cancel: () => handle.cancel(),
        book: (request) => handle.executeUpdate(bookVisitUpdate, { args: [request] }),
        reportVisit: (report) => handle.signal(visitReportedSignal, report),
      });
      try {
        return { result: await handle.result(), error: undefined, final: await handle.query(progressQuery) };
      } catch (error) {
        return { result: undefined, error: error as Error, final: await handle.query(progressQuery) };
      }
    },
  );
}

/** Queries do not advance the test server's clock, so polling here never skips time. */
async function until(progress: () => Promise<UpgradeProgress>, status: UpgradeProgress['status']) {
  for (let i = 0; i < 200; i += 1) {
    const p = await progress();
    if (p.status === status) return p;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`run never reached ${status}`);
}

describe('UpgradeWorkflow, scenario A (ONT already dual band)', () => {
  it('bills, closes the upgrade ticket, creates the WO, switches the package and notifies — in that order', async () => {
    const activities = fakeActivities(SCENARIO_A_PLAN);
    const input = inputFor('21314849', 'STREAM-150-SEM');
    const { result } = await run(activities, input);

    expect(result?.status).toBe('COMPLETED');
    expect(result?.steps.map((s) => s.name)).toEqual([
      'REQUEST_ACCEPTED',
      'BILL_ISSUED',
      'UPGRADE_TICKET_CLOSED',
      'UPGRADE_WORK_ORDER_CREATED',
      'PACKAGE_SWITCHED',
      'CUSTOMER_NOTIFIED',
      'COMPLETED',
    ]);
    expect(result).toMatchObject({
      billCode: '202511712857',
      upgradeTicketNo: '3759821',
      upgradeWorkOrderNo: 'WO-21112025-2825386',
      changeOntTicketNo: null,
      maintenanceWorkOrderNo: null,
    });
    expect(activities.issueUpgradeBill).toHaveBeenCalledWith({
      upgradeId: input.upgradeId,
      customerId: '21314849',
      targetPackageCode: 'STREAM-150-SEM',
      requestedAt: input.requestedAt,
    });
    expect(activities.openUpgradeTicket).toHaveBeenCalledWith(
      expect.objectContaining({ fromPackageName: 'Stream 75 Semesterly', targetPriceIdr: 1_780_000 }),
    );
    expect(activities.createUpgradeWorkOrder).toHaveBeenCalledWith(
      expect.objectContaining({ promoLabel: 'END PROMO : 21-MAR-2026 BACK TO STREAM 150 SEMESTERLY' }),
    );
    expect(activities.notifyBillIssued).toHaveBeenCalledTimes(1);
    for (const onlyForSwaps of [
      activities.openChangeOntTicket,
      activities.createMaintenanceWorkOrder,
      activities.notifyOntSwapScheduled,
      activities.completeOntSwap,
    ]) {
      expect(onlyForSwaps).not.toHaveBeenCalled();
    }
  });

  it('fails with a clear reason, recorded for operators, when the upgrade is refused', async () => {
    const activities = fakeActivities(SCENARIO_A_PLAN, {
      acceptUpgradeRequest: refused('customer 21314849 does not exist'),
    });
    const { error, final } = await run(activities, inputFor('21314849', 'STREAM-150-SEM'));

    expect(error?.name).toBe('WorkflowFailedError');
    expect(final.status).toBe('FAILED');
    expect(final.failureReason).toBe('customer 21314849 does not exist');
    expect(activities.settleUpgrade).toHaveBeenCalledWith(
      expect.objectContaining({ ending: 'FAILED', reason: 'customer 21314849 does not exist' }),
    );
    expect(activities.issueUpgradeBill).not.toHaveBeenCalled();
  });

  it('retries a transient activity failure and bills once', async () => {
    let attempts = 0;
    const activities = fakeActivities(SCENARIO_A_PLAN, {
      issueUpgradeBill: jest.fn(async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('connection refused');
        return { billCode: '202511712857', totalIdr: 771_700, dueDate: '2025-11-28' };
      }),
    });
    const { result } = await run(activities, inputFor('21314849', 'STREAM-150-SEM'));
    expect(attempts).toBe(3);
    expect(result?.status).toBe('COMPLETED');
    expect(activities.openUpgradeTicket).toHaveBeenCalledTimes(1);
  });
});

describe('UpgradeWorkflow, scenario B (single-band ONT)', () => {
  it('waits for the technician; a report after 2 days completes the swap without escalation', async () => {
    const activities = fakeActivities(SCENARIO_B_PLAN);
    const { result } = await run(activities, inputFor('21301029', 'STREAM-200-YEAR'), async (h) => {
      const waiting = await until(h.progress, 'AWAITING_ONT_SWAP');
      expect(waiting.maintenanceWorkOrderNo).toBe('WO-21112025-2825387');
      expect(activities.completeOntSwap).not.toHaveBeenCalled();
      await env.sleep('2 days');
      expect((await h.progress()).status).toBe('AWAITING_ONT_SWAP');
      await h.signal(swapReport('WO-21112025-2825387'));
    });

    expect(result?.status).toBe('COMPLETED');
    expect(result?.ontSwap?.escalatedAt).toBeNull();
    expect(activities.escalateOntSwap).not.toHaveBeenCalled();
    expect(activities.notifyOntSwapDelayed).not.toHaveBeenCalled();
    expect(activities.completeOntSwap).toHaveBeenCalledWith(
      expect.objectContaining({
        newOntSerial: 'ZTEGD4B71C05',
        band: 'DUAL',
        customerId: '21301029',
        workOrderNumber: 'WO-21112025-2825387',
        ticketNo: '3759822',
        replacedAt: '2025-11-23T09:00:00.000Z',
      }),
    );
    expect(activities.createMaintenanceWorkOrder).toHaveBeenCalledWith(
      expect.objectContaining({ ticketNo: '3759822', dueAt: expect.any(String) }),
    );
    expect(activities.notifyOntSwapCompleted).toHaveBeenCalledTimes(1);
    expect(result?.steps.map((s) => s.name)).toEqual([
      'REQUEST_ACCEPTED',
      'BILL_ISSUED',
      'UPGRADE_TICKET_CLOSED',
      'UPGRADE_WORK_ORDER_CREATED',
      'PACKAGE_SWITCHED',
      'CUSTOMER_NOTIFIED',
      'ONT_SWAP_SCHEDULED',
      'ONT_SWAP_NOTICE_SENT',
      'ONT_REPLACED',
      'ONT_SWAP_CLOSED',
      'ONT_SWAP_COMPLETED_NOTICE_SENT',
      'COMPLETED',
    ]);
  });

  it('escalates past the 3-day SLA, keeps waiting, and completes on a report after 4 days', async () => {
    const activities = fakeActivities(SCENARIO_B_PLAN);
    const { result } = await run(activities, inputFor('21301029', 'STREAM-200-YEAR'), async (h) => {
      await until(h.progress, 'AWAITING_ONT_SWAP');
      await env.sleep('4 days');
      const escalated = await until(h.progress, 'ESCALATED');
      expect(escalated.ontSwap?.escalatedAt).not.toBeNull();
      expect(activities.escalateOntSwap).toHaveBeenCalledWith(
        expect.objectContaining({
          ticketNo: '3759822',
          note: expect.stringContaining('ESCALATED: ONT swap not reported within 3 days'),
        }),
      );
      expect(activities.notifyOntSwapDelayed).toHaveBeenCalledTimes(1);
      expect(activities.completeOntSwap).not.toHaveBeenCalled();
      await h.signal(swapReport('WO-21112025-2825387'));
    });

    expect(result?.status).toBe('COMPLETED');
    expect(result?.steps.map((s) => s.name)).toContain('ONT_SWAP_ESCALATED');
    expect(activities.completeOntSwap).toHaveBeenCalledTimes(1);
  });

  it('keeps a report that arrives before the run starts waiting, and finishes at once', async () => {
    const input = inputFor('21301029', 'STREAM-200-YEAR');
    const activities = fakeActivities(SCENARIO_B_PLAN, {
      notifyOntSwapScheduled: jest.fn(async () => {
        await env.client.workflow
          .getHandle(input.upgradeId)
          .signal(ontReplacedSignal, swapReport('WO-21112025-2825387'));
        return { delivered: ['INBOX'], skipped: [] };
      }),
    });
    const { result } = await run(activities, input);

    expect(result?.status).toBe('COMPLETED');
    expect(result?.ontSwap?.escalatedAt).toBeNull();
    expect(activities.completeOntSwap).toHaveBeenCalledTimes(1);
  });

  it('completes the swap once when the technician reports twice', async () => {
    const activities = fakeActivities(SCENARIO_B_PLAN);
    const { result } = await run(activities, inputFor('21301029', 'STREAM-200-YEAR'), async (h) => {
      await until(h.progress, 'AWAITING_ONT_SWAP');
      await h.signal(swapReport('WO-21112025-2825387', 'ZTEGD4B71C05'));
      await h.signal(swapReport('WO-21112025-2825387', 'ZTEGD4B71C99'));
    });

    expect(result?.status).toBe('COMPLETED');
    expect(activities.completeOntSwap).toHaveBeenCalledTimes(1);
    expect(activities.completeOntSwap).toHaveBeenCalledWith(
      expect.objectContaining({ newOntSerial: 'ZTEGD4B71C05' }),
    );
    expect(activities.notifyOntSwapCompleted).toHaveBeenCalledTimes(1);
  });

  it('ignores a report for another work order', async () => {
    const activities = fakeActivities(SCENARIO_B_PLAN);
    const { result } = await run(activities, inputFor('21301029', 'STREAM-200-YEAR'), async (h) => {
      await until(h.progress, 'AWAITING_ONT_SWAP');
      await h.signal(swapReport('WO-21112025-9999999', 'ZTEGD4B71C99'));
      await env.sleep('1 hour');
      expect((await h.progress()).status).toBe('AWAITING_ONT_SWAP');
      await h.signal(swapReport('WO-21112025-2825387', 'ZTEGD4B71C05'));
    });
    expect(result?.status).toBe('COMPLETED');
    expect(activities.completeOntSwap).toHaveBeenCalledWith(
      expect.objectContaining({ newOntSerial: 'ZTEGD4B71C05' }),
    );
  });
});

/** What settleUpgrade answers (activities/settlement.ts decides it from the rows). */
function settles(outcome: {
  switched: boolean;
  voidedBillCode?: string;
  cancelledVisit?: string;
  withdrawn?: boolean;
}) {
  return jest.fn(async (input: { upgradeId: string; ending: string }) => ({
    upgradeId: input.upgradeId,
    customerId: '21301029',
    ending: input.ending,
    switched: outcome.switched,
    voidedBillCode: outcome.voidedBillCode ?? null,
    cancelledVisit: outcome.cancelledVisit ?? null,
    ...(outcome.withdrawn ? { withdrawn: true } : {}),
  }));
}

const emailRejected = () =>
  jest.fn(async () => {
    throw ApplicationFailure.create({
      message: 'Resend rejected the message (422 validation_error)',
      type: 'EmailRejected',
      nonRetryable: true,
      details: [{ channel: 'EMAIL' }],
    });
  });

describe('UpgradeWorkflow endings: every one settles the upgrade', () => {
  it('a final failure before the switch voids the bill, tells the customer, and fails the run', async () => {
    const activities = fakeActivities(SCENARIO_A_PLAN, {
      createUpgradeWorkOrder: jest.fn(async () => {
        throw ApplicationFailure.nonRetryable('work order system refused the order', 'InvalidState');
      }),
      settleUpgrade: settles({ switched: false, voidedBillCode: '202511712857' }),
    });
    const input = inputFor('21314849', 'STREAM-150-SEM');
    const { error, final } = await run(activities, input);

    expect(error?.name).toBe('WorkflowFailedError');
    expect(final.status).toBe('FAILED');
    expect(activities.settleUpgrade).toHaveBeenCalledWith({
      upgradeId: input.upgradeId,
      customerId: '21314849',
      ending: 'FAILED',
      reason: 'work order system refused the order',
      request: input,
    });
    expect(activities.switchSubscription).not.toHaveBeenCalled();
    expect(activities.notifyUpgradeCancelled).toHaveBeenCalledWith({
      upgradeId: input.upgradeId,
      customerId: '21314849',
      ending: 'FAILED',
      voidedBillCode: '202511712857',
    });
    expect(final.steps.map((s) => s.name).slice(-2)).toEqual(['BILL_VOIDED', 'FAILED']);
  });

  it('a notice refused for good after the switch is recorded and the upgrade completes', async () => {
    const activities = fakeActivities(SCENARIO_A_PLAN, { notifyBillIssued: emailRejected() });
    const { result } = await run(activities, inputFor('21314849', 'STREAM-150-SEM'));

    expect(result?.status).toBe('COMPLETED');
    expect(result?.undeliveredNotices).toEqual([
      expect.objectContaining({
        kind: 'BILL_ISSUED',
        channel: 'EMAIL',
        reason: expect.stringContaining('422'),
      }),
    ]);
    expect(result?.steps.map((s) => s.name)).not.toContain('CUSTOMER_NOTIFIED');
    expect(activities.settleUpgrade).not.toHaveBeenCalled();
    expect(activities.completeUpgrade).toHaveBeenCalledTimes(1);
  });

  it('cancelled before the switch (a database step retrying): settled as CANCELLED, bill voided, nothing switched', async () => {
    const input = inputFor('21314849', 'STREAM-150-SEM');
    const activities = fakeActivities(SCENARIO_A_PLAN, {
      // PostgreSQL is away: the ticket step keeps failing and retrying inside the worker.
      openUpgradeTicket: jest.fn(async () => {
        throw new Error('connection refused');
      }),
      settleUpgrade: settles({ switched: false, voidedBillCode: '202511712857' }),
    });
    const { error, final } = await run(
      activities,
      input,
      async (h) => {
        while (activities.openUpgradeTicket.mock.calls.length === 0)
          await new Promise((r) => setTimeout(r, 25));
        await h.cancel();
      },
      // Local activities run inside a workflow task; the cancel request is seen when the task is
      // heartbeated (at 80 % of its timeout), so a short timeout keeps the test short.
      { workflowTaskTimeout: '2 seconds' },
    );

    expect((error as { cause?: Error })?.cause?.name).toBe('CancelledFailure');
    expect(final.status).toBe('CANCELLED');
    expect(activities.settleUpgrade).toHaveBeenCalledWith(expect.objectContaining({ ending: 'CANCELLED' }));
    expect(activities.switchSubscription).not.toHaveBeenCalled();
    expect(activities.notifyUpgradeCancelled).toHaveBeenCalledTimes(1);
  });

  it('a cancellation during the switch waits it out: scenario A completes, package and bill stand', async () => {
    const input = inputFor('21314849', 'STREAM-150-SEM');
    const activities = fakeActivities(SCENARIO_A_PLAN, {
      switchSubscription: jest.fn(async () => {
        await env.client.workflow.getHandle(input.upgradeId).cancel();
        return { periodStart: '2025-11-21', periodEnd: '2026-05-21' };
      }),
    });
    const { result } = await run(activities, input);

    expect(result?.status).toBe('COMPLETED');
    expect(activities.notifyBillIssued).toHaveBeenCalledTimes(1);
    expect(activities.settleUpgrade).not.toHaveBeenCalled();
  });

  it('cancelled while waiting for the technician: the upgrade is withdrawn (patched) and the customer told once', async () => {
    const activities = fakeActivities(SCENARIO_B_PLAN, {
      settleUpgrade: settles({
        switched: true,
        voidedBillCode: '202511712860',
        cancelledVisit: 'WO-21112025-2825387',
        withdrawn: true,
      }),
    });
    // A fixed ID: this run is recorded (RECORD_HISTORIES=v2) for the replay test.
    const input = { ...inputFor('21301029', 'STREAM-200-YEAR'), upgradeId: CANCEL_WITHDRAW_RUN };
    const { error, final } = await run(activities, input, async (h) => {
      await until(h.progress, 'AWAITING_ONT_SWAP');
      await env.sleep('1 day');
      await h.cancel();
    });
    recordedRuns.push(input.upgradeId);

    expect((error as { cause?: Error })?.cause?.name).toBe('CancelledFailure');
    expect(final.status).toBe('CANCELLED');
    expect(activities.settleUpgrade).toHaveBeenCalledWith(
      expect.objectContaining({ ending: 'CANCELLED', withdraw: true }),
    );
    expect(activities.notifyUpgradeCancelled).toHaveBeenCalledWith({
      upgradeId: input.upgradeId,
      customerId: '21301029',
      ending: 'CANCELLED',
      voidedBillCode: '202511712860',
      withdrawn: { cancelledVisit: 'WO-21112025-2825387', creditIdr: 0 },
    });
    // One notice says it all: no separate "visit cancelled" notice.
    expect(activities.notifyOntVisitCancelled).not.toHaveBeenCalled();
    expect(activities.completeOntSwap).not.toHaveBeenCalled();
    expect(final.steps.map((s) => s.name).slice(-3)).toEqual([
      'BILL_VOIDED',
      'ONT_VISIT_CANCELLED',
      'CANCELLED',
    ]);
  });

  it('a settlement that did not withdraw (e.g. the reconciler’s, or the swap already done) only cancels the visit', async () => {
    const activities = fakeActivities(SCENARIO_B_PLAN, {
      settleUpgrade: settles({ switched: true, cancelledVisit: 'WO-21112025-2825387' }),
    });
    const input = inputFor('21301029', 'STREAM-200-YEAR');
    const { final } = await run(activities, input, async (h) => {
      await until(h.progress, 'AWAITING_ONT_SWAP');
      await h.cancel();
    });

    expect(final.status).toBe('CANCELLED');
    expect(activities.notifyOntVisitCancelled).toHaveBeenCalledWith({
      upgradeId: input.upgradeId,
      customerId: '21301029',
      workOrderNumber: 'WO-21112025-2825387',
    });
    expect(activities.notifyUpgradeCancelled).not.toHaveBeenCalled();
  });

  it('a settlement notice that cannot be delivered still ends the run settled', async () => {
    const activities = fakeActivities(SCENARIO_B_PLAN, {
      settleUpgrade: settles({ switched: true, cancelledVisit: 'WO-21112025-2825387' }),
      notifyOntVisitCancelled: emailRejected(),
    });
    const { final } = await run(activities, inputFor('21301029', 'STREAM-200-YEAR'), async (h) => {
      await until(h.progress, 'AWAITING_ONT_SWAP');
      await h.cancel();
    });
    expect(final.status).toBe('CANCELLED');
    expect(final.undeliveredNotices).toEqual([expect.objectContaining({ kind: 'ONT_VISIT_CANCELLED' })]);
  });
});

describe('UpgradeWorkflow, the ONT visit (booked, moved, reminded, missed, rebooked)', () => {
  const WO = 'WO-21112025-2825387';
  /** The first `n` bookable working-day slots from three days after the test server's now. */
  async function slotsAhead(n: number) {
    const now = await env.currentTimeMs();
    const from = jakartaDateOf(new Date(now + 3 * 24 * 3_600_000));
    return slotsBetween(from, 14)
      .filter((s) => s.slot === '08-10')
      .slice(0, n);
  }
  const book = (date: string, slot: VisitSlot, by: 'TECHNICIAN' | 'CUSTOMER' = 'TECHNICIAN') => ({
    workOrderNumber: WO,
    date,
    slot,
    by,
    minLeadHours: by === 'CUSTOMER' ? 24 : 0,
  });
  const refusalOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return 'accepted';
    } catch (error) {
      const cause = (error as { cause?: ApplicationFailure }).cause;
      return cause?.type ?? String(error);
    }
  };

  it('book → move by the customer → reminder the day before → missed → rebook → swap', async () => {
    const activities = fakeActivities(SCENARIO_B_PLAN);
    const [first, second, third] = await slotsAhead(3);
    const { result } = await run(activities, inputFor('21301029', 'STREAM-200-YEAR'), async (h) => {
      await until(h.progress, 'AWAITING_ONT_SWAP');
      const booked = await h.book(book(first!.date, '08-10'));
      expect(booked).toMatchObject({
        date: first!.date,
        slot: '08-10',
        bookedBy: 'TECHNICIAN',
        previous: null,
      });
      expect(await refusalOf(h.book({ ...book(first!.date, '08-10'), workOrderNumber: 'WO-OTHER' }))).toBe(
        'NOT_AWAITING_VISIT',
      );
      expect(await refusalOf(h.book(book('2020-01-06', '08-10', 'CUSTOMER')))).toBe('IN_THE_PAST');
      expect(await refusalOf(h.book(book(first!.date, '12-14' as VisitSlot, 'CUSTOMER')))).toBe('NOT_A_SLOT');

      const moved = await h.book(book(second!.date, '13-15', 'CUSTOMER'));
      expect(moved.previous).toEqual({ date: first!.date, slot: '08-10' });
      await waitFor(() => activities.notifyVisitBooked.mock.calls.length === 2);
      expect(activities.notifyVisitBooked.mock.calls[1]![0]).toMatchObject({
        date: second!.date,
        moved: true,
      });
      expect(activities.notifyVisitReminder).not.toHaveBeenCalled();

      // To the evening before the moved visit: the reminder went at 09:00 Jakarta that day.
      await env.sleep(reminderAt(second!.date).getTime() + 3_600_000 - (await env.currentTimeMs()));
      await waitFor(() => activities.notifyVisitReminder.mock.calls.length === 1);
      expect(activities.notifyVisitReminder.mock.calls[0]![0]).toMatchObject({
        date: second!.date,
        slot: '13-15',
      });

      await h.reportVisit({
        workOrderNumber: WO,
        outcome: 'PENDING',
        category: 'CUSTOMER_NOT_HOME',
        remark: null,
        reportedAt: new Date(visitStart(second!.date, '13-15').getTime() + 3_600_000).toISOString(),
      });
      await waitFor(() => activities.notifyVisitMissed.mock.calls.length === 1);
      expect(activities.recordMissedVisit).toHaveBeenCalledWith(
        expect.objectContaining({ appointmentId: moved.appointmentId }),
      );
      expect((await h.progress()).ontSwap?.visit).toEqual({
        date: second!.date,
        slot: '13-15',
        status: 'MISSED',
      });
      // After a miss the installer books again (or the customer herself, as she may a first visit).
      await h.book(book(third!.date, '10-12'));
      await waitFor(() => activities.notifyVisitBooked.mock.calls.length === 3);
      await h.signal(swapReport(WO));
    });

    expect(result?.status).toBe('COMPLETED');
    const steps = result!.steps.map((s) => s.name);
    expect(steps.filter((s) => s === 'ONT_VISIT_BOOKED')).toHaveLength(3);
    expect(steps).toContain('ONT_VISIT_REMINDED');
    expect(steps).toContain('ONT_VISIT_MISSED');
    expect(activities.bookVisit).toHaveBeenCalledTimes(3);
    expect(activities.completeOntSwap).toHaveBeenCalledTimes(1);
    // Each booking is told once, under a key of its own.
    expect(activities.notifyVisitBooked.mock.calls.map((c) => c[0].occurrence)).toEqual(['1', '2', '3']);
  });

  it('a full slot is refused with SLOT_FULL and changes nothing', async () => {
    const full = ApplicationFailure.create({
      type: 'SLOT_FULL',
      message: 'no free place',
      nonRetryable: true,
    });
    const activities = fakeActivities(SCENARIO_B_PLAN, {
      bookVisit: jest.fn(async () => Promise.reject(full)),
    });
    const [first] = await slotsAhead(1);
    await run(activities, inputFor('21301029', 'STREAM-200-YEAR'), async (h) => {
      await until(h.progress, 'AWAITING_ONT_SWAP');
      expect(await refusalOf(h.book(book(first!.date, '08-10')))).toBe('SLOT_FULL');
      expect((await h.progress()).ontSwap?.visit).toBeUndefined();
      await h.signal(swapReport(WO));
    });
    expect(activities.notifyVisitBooked).not.toHaveBeenCalled();
  });

  it('escalates again each further SLA period, not once', async () => {
    const activities = fakeActivities(SCENARIO_B_PLAN);
    const { result } = await run(activities, inputFor('21301029', 'STREAM-200-YEAR'), async (h) => {
      await until(h.progress, 'AWAITING_ONT_SWAP');
      await env.sleep('7 days');
      await waitFor(() => activities.escalateOntSwap.mock.calls.length === 2);
      expect(activities.escalateOntSwap.mock.calls[1]![0].note).toContain('ESCALATED (2)');
      expect(activities.notifyOntSwapDelayed.mock.calls.map((c) => c[0].occurrence)).toEqual([
        undefined,
        '2',
      ]);
      await h.signal(swapReport(WO));
    });
    expect(result?.status).toBe('COMPLETED');
    expect(activities.escalateOntSwap).toHaveBeenCalledTimes(2);
  });
});

/** Activities run on the worker; their calls show up a little after the update or sleep returns. */
async function waitFor(done: () => boolean) {
  for (let i = 0; i < 200 && !done(); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(done()).toBe(true);
}
