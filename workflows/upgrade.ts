/**
 * UpgradeWorkflow: one customer's package upgrade, from request to (if needed) the swapped ONT.
 * It reads top to bottom like the deck. Every side effect is an activity keyed by the upgrade ID,
 * so a retried or replayed step changes nothing twice; workflows/progress.ts keeps the books.
 */

import { type Duration, msToNumber } from '@temporalio/common/lib/time';
import {
  ApplicationFailure,
  CancellationScope,
  isCancellation,
  patched,
  setHandler,
} from '@temporalio/workflow';
import {
  bookVisitUpdate,
  DEFAULT_ONT_SWAP_SLA,
  type OntReplacedSignal,
  ontReplacedSignal,
  progressQuery,
  type UpgradePlan,
  type UpgradeProgress,
  type UpgradeWorkflowInput,
  visitReportedSignal,
} from '../contracts/upgrade';
import { localActivities, notices } from './activities';
import { fromApi, refuseUnverified, startedFromApi, verifiedOrAsAccepted } from './from-api';
import { UpgradeRun } from './run';
import { bestEffort, failureOf, settle, tell } from './settle';
import { awaitVisitAndSwap } from './visits';

/** The patch of the cancel that withdraws an upgrade waiting for its ONT swap (docs/workflow-versioning.md). */
export const CANCEL_WITHDRAWS_UPGRADE = 'cancel-withdraws-upgrade';

export async function UpgradeWorkflow(started: UpgradeWorkflowInput): Promise<UpgradeProgress> {
  // Only what came through the API (workflows/from-api.ts).
  const input = startedFromApi('UpgradeWorkflow', started);
  const { upgradeId, customerId, targetPackageCode, requestedAt } = input;
  const run = new UpgradeRun(input);
  // Every handler of the run: the visit desk's booking update and visit report (both refused
  // until the run waits for a visit), the progress query, the technician's swap report.
  const { desk } = run;
  setHandler(bookVisitUpdate, (request) => desk.book(verifiedOrAsAccepted(request)), {
    validator: (request) => {
      refuseUnverified('bookVisit', request);
      desk.validate(request);
    },
  });
  setHandler(
    visitReportedSignal,
    fromApi('visitReported', (report) => desk.reported(report)),
  );
  setHandler(progressQuery, () => run.progress);
  setHandler(
    ontReplacedSignal,
    fromApi('ontReplaced', (report: OntReplacedSignal) => run.swapReported(report)),
  );

  try {
    // A bad SLA fails the run before anything is billed, not after the switch.
    const sla = (input.ontSwapSla ?? DEFAULT_ONT_SWAP_SLA) as Duration;
    const slaMs = durationMs(sla);
    const plan = await localActivities.acceptUpgradeRequest(input);
    run.step('REQUEST_ACCEPTED');

    // 1. The prorated bill.
    const bill = await localActivities.issueUpgradeBill({
      upgradeId,
      customerId,
      targetPackageCode,
      requestedAt,
    });
    run.step('BILL_ISSUED', { billCode: bill.billCode });

    // 2. TT Upgrade, auto-closed.
    const ticket = await localActivities.openUpgradeTicket({
      upgradeId,
      customerId,
      fromPackageName: plan.from.name,
      targetPackageName: plan.target.name,
      targetPriceIdr: plan.target.priceIdr,
    });
    run.step('UPGRADE_TICKET_CLOSED', { upgradeTicketNo: ticket.ticketNo });

    // 3. WO Upgrade.
    const workOrder = await localActivities.createUpgradeWorkOrder({
      upgradeId,
      customerId,
      targetPackageName: plan.target.name,
      promoLabel: plan.promoLabel,
      ticketNo: ticket.ticketNo,
    });
    run.step('UPGRADE_WORK_ORDER_CREATED', { upgradeWorkOrderNo: workOrder.woNumber });

    // 4–5. The commit, which a cancellation waits out: the subscription switches (the Home Page
    // shows the new package), then device push, inbox and the "Informasi Penerbitan Tagihan" email.
    await CancellationScope.nonCancellable(async () => {
      const { code, termMonths } = plan.target;
      await localActivities.switchSubscription({
        upgradeId,
        customerId,
        targetPackageCode: code,
        termMonths,
        requestedAt,
      });
      run.step('PACKAGE_SWITCHED');
      const notified = await bestEffort(run, upgradeId, 'BILL_ISSUED', () =>
        notices.notifyBillIssued({ upgradeId, customerId, billCode: bill.billCode }),
      );
      if (notified) run.step('CUSTOMER_NOTIFIED');
    });

    // 6–9. A single-band ONT is swapped by a technician before the upgrade is done.
    if (plan.needsOntSwap) await swapOnt(run, plan, { sla, slaMs });

    // Done: a cancellation that arrives now changes nothing.
    await CancellationScope.nonCancellable(() =>
      localActivities.completeUpgrade({ upgradeId, completedAt: new Date().toISOString() }),
    );
    run.step('COMPLETED');
    run.status('COMPLETED', `customer ${customerId} is on ${plan.target.name}`);
    return run.progress;
  } catch (error) {
    const cancelled = isCancellation(error);
    const reason = cancelled
      ? 'cancelled by an operator (Temporal cancel request)'
      : finalFailureReason(error);
    if (reason === null) throw error;
    // A cancel withdraws the upgrade when the customer still waits for the ONT swap (the settlement
    // decides from the rows); runs cancelled before this change only cancelled the visit.
    const withdraw = cancelled && patched(CANCEL_WITHDRAWS_UPGRADE);
    const end = {
      upgradeId,
      customerId,
      ending: cancelled ? 'CANCELLED' : 'FAILED',
      reason,
      request: input,
      ...(withdraw ? { withdraw } : {}),
    } as const;
    await CancellationScope.nonCancellable(async () => tell(run, end, await settle(run, end)));
    if (cancelled) throw error;
    throw ApplicationFailure.nonRetryable(reason, 'UpgradeFailed');
  }
}

async function swapOnt(
  run: UpgradeRun,
  plan: UpgradePlan,
  { sla, slaMs }: { sla: Duration; slaMs: number },
): Promise<void> {
  const { upgradeId, customerId } = run.input;
  const { desk } = run;
  const awaitingSince = new Date();
  const slaDeadline = new Date(awaitingSince.getTime() + slaMs).toISOString();

  // 6. Change-ONT ticket and the maintenance work order for the installer, due at the SLA.
  const changeOnt = await localActivities.openChangeOntTicket({ upgradeId, customerId });
  const maintenance = await localActivities.createMaintenanceWorkOrder({
    upgradeId,
    customerId,
    ticketNo: changeOnt.ticketNo,
    targetPackageName: plan.target.name,
    dueAt: slaDeadline,
  });
  const woNumber = maintenance.woNumber;
  // The dispatcher may book as soon as the WO exists (the API shows it), before the wait starts.
  desk.openFor(woNumber);
  const ontSwap = {
    awaitingSince: awaitingSince.toISOString(),
    slaDeadline,
    escalatedAt: null,
    replacedAt: null,
  };
  run.step('ONT_SWAP_SCHEDULED', {
    changeOntTicketNo: changeOnt.ticketNo,
    maintenanceWorkOrderNo: woNumber,
    ontSwap,
  });

  // 7. "Pergantian ONT".
  const told = await bestEffort(run, upgradeId, 'ONT_SWAP_SCHEDULED', () =>
    notices.notifyOntSwapScheduled({ upgradeId, customerId, workOrderNumber: woNumber }),
  );
  if (told) run.step('ONT_SWAP_NOTICE_SENT');
  run.status('AWAITING_ONT_SWAP', `technician visit for ${woNumber} (${changeOnt.ticketNo})`);

  // 8. Wait for the technician, for days if need be: booked, moved, reminded, missed and rebooked;
  //    past the SLA, escalate and keep waiting (workflows/visits.ts).
  await awaitVisitAndSwap({
    run,
    workOrderNumber: woNumber,
    changeOntTicketNo: changeOnt.ticketNo,
    awaitingSince,
    slaMs,
    sla: String(sla),
  });
  const swap = run.swapReport!;
  // The swap happened: recording it and telling the customer are not undone by a late cancel.
  await CancellationScope.nonCancellable(() => closeOntSwap(run, swap, changeOnt.ticketNo, woNumber));
}

async function closeOntSwap(
  run: UpgradeRun,
  swap: OntReplacedSignal,
  ticketNo: string,
  woNumber: string,
): Promise<void> {
  const { upgradeId, customerId } = run.input;
  const ontSwap = run.progress.ontSwap!;
  // The visit booked is the one the swap was made on (completeOntSwap marks its row DONE).
  const visit =
    ontSwap.visit?.status === 'BOOKED' ? { ...ontSwap.visit, status: 'DONE' as const } : ontSwap.visit;
  run.step('ONT_REPLACED', {
    ontSwap: { ...ontSwap, replacedAt: swap.replacedAt, ...(visit ? { visit } : {}) },
  });

  // 9. New dual-band ONT on record, WO and ticket closed, the customer told.
  const { newOntSerial, newOntModel, band, replacedAt } = swap;
  await localActivities.completeOntSwap({
    upgradeId,
    customerId,
    newOntSerial,
    newOntModel,
    band,
    replacedAt,
    workOrderNumber: woNumber,
    ticketNo,
  });
  run.step('ONT_SWAP_CLOSED');
  const thanked = await bestEffort(run, upgradeId, 'ONT_SWAP_COMPLETED', () =>
    notices.notifyOntSwapCompleted({
      upgradeId,
      customerId,
      workOrderNumber: woNumber,
      newOntSerial,
      newOntModel,
      replacedAt,
    }),
  );
  if (thanked) run.step('ONT_SWAP_COMPLETED_NOTICE_SENT');
}

/**
 * The message of a failure no retry can fix (an activity's, local ones arrive unwrapped), or null
 * for anything else (e.g. cancellation).
 */
function finalFailureReason(error: unknown): string | null {
  const failure = failureOf(error);
  return failure instanceof ApplicationFailure ? failure.message : null;
}

function durationMs(duration: Duration): number {
  try {
    return msToNumber(duration);
  } catch {
    throw ApplicationFailure.nonRetryable(`invalid duration: ${duration}`, 'InvalidInput');
  }
}
