/**
 * The upgrade's steps in the workflow's order, called directly with no Temporal in between:
 * the benchmark's baseline loop and the contract test's data both come from here. Keep it in
 * step with workflows/upgrade.ts (same activities, same inputs).
 */
import type { Activities } from '../../activities';
import type { OntReplacedSignal, UpgradeWorkflowInput } from '../../contracts/upgrade';

export interface PlainUpgradeOptions {
  /** Called once the bill is issued (the benchmark times it). */
  onBill?: () => void;
  /** The technician's report for a swap; absent, a run that needs one stops where it would wait. */
  swap?: Omit<OntReplacedSignal, 'workOrderNumber'>;
  ontSwapSla?: number;
}

export async function runUpgradeSteps(
  act: Activities,
  input: UpgradeWorkflowInput,
  options: PlainUpgradeOptions = {},
) {
  const { upgradeId, customerId, targetPackageCode, requestedAt } = input;
  const plan = await act.acceptUpgradeRequest(input);
  const bill = await act.issueUpgradeBill({ upgradeId, customerId, targetPackageCode, requestedAt });
  options.onBill?.();
  const ticket = await act.openUpgradeTicket({
    upgradeId,
    customerId,
    fromPackageName: plan.from.name,
    targetPackageName: plan.target.name,
    targetPriceIdr: plan.target.priceIdr,
  });
  const workOrder = await act.createUpgradeWorkOrder({
    upgradeId,
    customerId,
    targetPackageName: plan.target.name,
    promoLabel: plan.promoLabel,
    ticketNo: ticket.ticketNo,
  });
  const { code, termMonths } = plan.target;
  await act.switchSubscription({ upgradeId, customerId, targetPackageCode: code, termMonths, requestedAt });
  await act.notifyBillIssued({ upgradeId, customerId, billCode: bill.billCode });
  const done = { plan, bill, ticket, workOrder, changeOnt: null, maintenance: null };
  if (!plan.needsOntSwap) {
    await act.completeUpgrade({ upgradeId, completedAt: new Date().toISOString() });
    return done;
  }

  const dueAt = new Date(Date.now() + (options.ontSwapSla ?? 3 * 86_400_000)).toISOString();
  const changeOnt = await act.openChangeOntTicket({ upgradeId, customerId });
  const maintenance = await act.createMaintenanceWorkOrder({
    upgradeId,
    customerId,
    ticketNo: changeOnt.ticketNo,
    targetPackageName: plan.target.name,
    dueAt,
  });
  const workOrderNumber = maintenance.woNumber;
  await act.notifyOntSwapScheduled({ upgradeId, customerId, workOrderNumber });
  const swapping = { ...done, changeOnt, maintenance };
  const report = options.swap;
  if (!report) return swapping;

  const { newOntSerial, newOntModel, band, replacedAt } = report;
  await act.completeOntSwap({
    upgradeId,
    customerId,
    newOntSerial,
    newOntModel,
    band,
    replacedAt,
    workOrderNumber,
    ticketNo: changeOnt.ticketNo,
  });
  await act.notifyOntSwapCompleted({
    upgradeId,
    customerId,
    workOrderNumber,
    newOntSerial,
    newOntModel,
    replacedAt,
  });
  await act.completeUpgrade({ upgradeId, completedAt: new Date().toISOString() });
  return swapping;
}
