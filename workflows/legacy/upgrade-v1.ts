/**
 * FROZEN: the UpgradeWorkflow as it ran before the lean-core revision (one regular activity per
 * step, progress mirrored to the database). Runs started before that revision replay and finish
 * on this code; see workflows/upgrade.ts (`patched(LEAN_CORE)`) and docs/decisions.md. Do not
 * edit: any change here breaks those runs; it imports nothing live (./contract-v1.ts holds its
 * own copies). Delete it once no such run is open
 * (`temporal workflow list --query 'ExecutionStatus="Running" AND StartTime < "<deploy time>"'`).
 */
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  log,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  AwaitingOntSwapSinceKey,
  CustomerIdKey,
  DEFAULT_ONT_SWAP_SLA,
  initialLegacyProgress,
  type LegacyActivities,
  type LegacyInput,
  type LegacyProgress,
  type LegacyReport,
  type LegacyStatus,
  type LegacyStep,
  NON_RETRYABLE_TYPES,
  ontReplacedSignal,
  progressQuery,
  TargetPackageKey,
  TicketNumbersKey,
  UpgradeStatusKey,
  WorkOrderNumbersKey,
} from './contract-v1';

const act = proxyActivities<LegacyActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [...NON_RETRYABLE_TYPES],
  },
});

export async function upgradeV1(input: LegacyInput): Promise<LegacyProgress> {
  const upgradeId = input.upgradeId;
  const customerId = input.customerId;
  const progress: LegacyProgress = initialLegacyProgress(input, workflowInfo().workflowId);
  let replacement: LegacyReport | undefined;

  setHandler(progressQuery, () => progress);
  setHandler(ontReplacedSignal, (report) => {
    // The first report wins; a technician's double tap changes nothing. A report may arrive
    // before the run reaches the wait: it is kept and the wait ends at once.
    if (replacement || report.workOrderNumber !== (progress.maintenanceWorkOrderNo ?? report.workOrderNumber))
      return;
    replacement = report;
  });

  const step = (name: LegacyStep) => progress.steps.push({ name, at: new Date().toISOString() });
  const setStatus = (status: LegacyStatus, details: string) => {
    progress.status = status;
    upsertSearchAttributes([{ key: UpgradeStatusKey, value: status }]);
    setCurrentDetails(`**${status}** — ${details}`);
  };
  const indexNumbers = () =>
    upsertSearchAttributes([
      { key: TicketNumbersKey, value: compact([progress.upgradeTicketNo, progress.changeOntTicketNo]) },
      {
        key: WorkOrderNumbersKey,
        value: compact([progress.upgradeWorkOrderNo, progress.maintenanceWorkOrderNo]),
      },
    ]);

  upsertSearchAttributes([
    { key: CustomerIdKey, value: customerId },
    { key: TargetPackageKey, value: input.targetPackageCode },
  ]);
  setStatus('BILLING', `customer ${customerId} upgrading to ${input.targetPackageCode}`);

  try {
    const plan = await act.acceptUpgradeRequest(input);
    progress.fromPackageCode = plan.from.code;
    step('REQUEST_ACCEPTED');

    // 1. The prorated bill.
    const bill = await act.issueUpgradeBill({
      upgradeId,
      customerId,
      targetPackageCode: input.targetPackageCode,
      requestedAt: input.requestedAt,
    });
    progress.billCode = bill.billCode;
    step('BILL_ISSUED');
    await act.recordUpgradeProgress({ upgradeId, billCode: bill.billCode });

    // 2. TT Upgrade, auto-closed.
    const ticket = await act.openUpgradeTicket({
      upgradeId,
      customerId,
      fromPackageName: plan.from.name,
      targetPackageName: plan.target.name,
      targetPriceIdr: plan.target.priceIdr,
    });
    progress.upgradeTicketNo = ticket.ticketNo;
    step('UPGRADE_TICKET_CLOSED');

    // 3. WO Upgrade.
    const workOrder = await act.createUpgradeWorkOrder({
      upgradeId,
      customerId,
      targetPackageName: plan.target.name,
      promoLabel: plan.promoLabel,
      ticketNo: ticket.ticketNo,
    });
    progress.upgradeWorkOrderNo = workOrder.woNumber;
    step('UPGRADE_WORK_ORDER_CREATED');
    indexNumbers();

    // 4. The subscription switches; the Home Page shows the new package.
    await act.switchSubscription({
      upgradeId,
      customerId,
      targetPackageCode: plan.target.code,
      termMonths: plan.target.termMonths,
      requestedAt: input.requestedAt,
    });
    step('PACKAGE_SWITCHED');

    // 5. Device push, inbox and the "Informasi Penerbitan Tagihan" email.
    await act.notifyBillIssued({ upgradeId, customerId, billCode: bill.billCode });
    step('CUSTOMER_NOTIFIED');
    await act.recordUpgradeProgress({
      upgradeId,
      upgradeTicketNo: ticket.ticketNo,
      upgradeWorkOrderNo: workOrder.woNumber,
    });

    if (plan.needsOntSwap) {
      // 6. Change-ONT ticket and the maintenance work order for the installer.
      const changeOnt = await act.openChangeOntTicket({ upgradeId, customerId });
      progress.changeOntTicketNo = changeOnt.ticketNo;
      const maintenance = await act.createMaintenanceWorkOrder({
        upgradeId,
        customerId,
        ticketNo: changeOnt.ticketNo,
        targetPackageName: plan.target.name,
      });
      progress.maintenanceWorkOrderNo = maintenance.woNumber;
      step('ONT_SWAP_SCHEDULED');
      indexNumbers();

      // 7. "Pergantian ONT".
      await act.notifyOntSwapScheduled({ upgradeId, customerId, workOrderNumber: maintenance.woNumber });
      step('ONT_SWAP_NOTICE_SENT');

      // 8. Wait for the technician, for days if need be; past the SLA, escalate and keep waiting.
      const sla = input.ontSwapSla ?? DEFAULT_ONT_SWAP_SLA;
      const awaitingSince = new Date();
      progress.ontSwap = {
        awaitingSince: awaitingSince.toISOString(),
        slaDeadline: new Date(awaitingSince.getTime() + msOf(sla)).toISOString(),
        escalatedAt: null,
        replacedAt: null,
      };
      upsertSearchAttributes([{ key: AwaitingOntSwapSinceKey, value: awaitingSince }]);
      setStatus('AWAITING_ONT_SWAP', `technician visit for ${maintenance.woNumber} (${changeOnt.ticketNo})`);
      await act.recordUpgradeProgress({
        upgradeId,
        status: 'AWAITING_ONT_SWAP',
        changeOntTicketNo: changeOnt.ticketNo,
        maintenanceWorkOrderNo: maintenance.woNumber,
      });

      const swappedInTime = await condition(() => replacement !== undefined, msOf(sla), {
        summary: `ONT swap SLA (${sla})`,
      });
      if (!swappedInTime) {
        progress.ontSwap.escalatedAt = new Date().toISOString();
        setStatus('ESCALATED', `no ONT swap reported for ${maintenance.woNumber} within ${sla}`);
        step('ONT_SWAP_ESCALATED');
        await act.addTicketNote({
          ticketNo: changeOnt.ticketNo,
          note: `ESCALATED: ONT swap not reported within ${sla} (SLA deadline ${progress.ontSwap.slaDeadline})`,
        });
        await act.notifyOntSwapDelayed({ upgradeId, customerId, workOrderNumber: maintenance.woNumber });
        await act.recordUpgradeProgress({
          upgradeId,
          status: 'ESCALATED',
          escalatedAt: progress.ontSwap.escalatedAt,
        });
        await condition(() => replacement !== undefined);
      }
      const report = replacement!;
      progress.ontSwap.replacedAt = report.replacedAt;
      step('ONT_REPLACED');

      // 9. New dual-band ONT on record, ticket and WO closed, the customer told.
      await act.recordOntReplacement({
        upgradeId,
        customerId,
        newOntSerial: report.newOntSerial,
        newOntModel: report.newOntModel,
        band: report.band,
        replacedAt: report.replacedAt,
      });
      await act.completeWorkOrder({ woNumber: maintenance.woNumber, completedAt: report.replacedAt });
      await act.closeTicket({ ticketNo: changeOnt.ticketNo, closedAt: report.replacedAt });
      step('ONT_SWAP_CLOSED');
      await act.notifyOntSwapCompleted({
        upgradeId,
        customerId,
        workOrderNumber: maintenance.woNumber,
        newOntSerial: report.newOntSerial,
        newOntModel: report.newOntModel,
        replacedAt: report.replacedAt,
      });
      step('ONT_SWAP_NOTICE_SENT');
    }

    setStatus('COMPLETED', `customer ${customerId} is on ${plan.target.name}`);
    step('COMPLETED');
    await act.recordUpgradeProgress({
      upgradeId,
      status: 'COMPLETED',
      completedAt: new Date().toISOString(),
      progress,
    });
    return progress;
  } catch (error) {
    const reason = finalFailureReason(error);
    if (reason === null) throw error;
    progress.failureReason = reason;
    setStatus('FAILED', reason);
    step('FAILED');
    log.warn('upgrade failed', { upgradeId, reason });
    await act.recordUpgradeFailure({ ...input, reason, progress });
    throw ApplicationFailure.nonRetryable(reason, 'UpgradeFailed');
  }
}

/** The message of a failure no retry can fix, or null for anything else (e.g. cancellation). */
function finalFailureReason(error: unknown): string | null {
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) {
    return error.cause.message;
  }
  return null;
}

function compact(values: Array<string | null>): string[] {
  return values.filter((v): v is string => v !== null);
}

/** Milliseconds of a duration like `3 days`, `90 minutes` or a number of ms. */
function msOf(duration: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|seconds?|m|minutes?|h|hours?|d|days?)?$/.exec(duration.trim());
  if (!match) throw ApplicationFailure.nonRetryable(`invalid duration: ${duration}`, 'InvalidInput');
  const unit = match[2] ?? 'ms';
  const factor = unit.startsWith('d')
    ? 86_400_000
    : unit.startsWith('h')
      ? 3_600_000
      : unit === 'ms'
        ? 1
        : unit.startsWith('m')
          ? 60_000
          : 1_000;
  return Number(match[1]) * factor;
}
