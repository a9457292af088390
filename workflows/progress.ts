/**
 * The run's bookkeeping in one place: the progress the `progress` query answers, the search
 * attributes operators filter by, and the current details the Web UI shows. The workflow only
 * says what happened (`step`) and where it stands (`status`).
 */
import { setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import {
  AwaitingOntSwapSinceKey,
  CustomerIdKey,
  TargetPackageKey,
  TicketNumbersKey,
  UpgradeStatusKey,
  WorkOrderNumbersKey,
} from '../contracts/search-attributes';
import type {
  UndeliveredNotice,
  UpgradeProgress,
  UpgradeStatus,
  UpgradeStepName,
  UpgradeWorkflowInput,
} from '../contracts/upgrade';

type Facts = Partial<
  Pick<
    UpgradeProgress,
    | 'fromPackageCode'
    | 'billCode'
    | 'upgradeTicketNo'
    | 'upgradeWorkOrderNo'
    | 'changeOntTicketNo'
    | 'maintenanceWorkOrderNo'
    | 'failureReason'
    | 'ontSwap'
  >
>;

export class UpgradeTracker {
  readonly progress: UpgradeProgress;

  constructor(input: UpgradeWorkflowInput) {
    this.progress = {
      upgradeId: input.upgradeId,
      workflowId: workflowInfo().workflowId,
      customerId: input.customerId,
      fromPackageCode: null,
      targetPackageCode: input.targetPackageCode,
      status: 'BILLING',
      requestedAt: input.requestedAt,
      steps: [],
      billCode: null,
      upgradeTicketNo: null,
      upgradeWorkOrderNo: null,
      changeOntTicketNo: null,
      maintenanceWorkOrderNo: null,
      failureReason: null,
      undeliveredNotices: [],
      ontSwap: null,
    };
    upsertSearchAttributes([
      { key: CustomerIdKey, value: input.customerId },
      { key: TargetPackageKey, value: input.targetPackageCode },
    ]);
    this.status('BILLING', `customer ${input.customerId} upgrading to ${input.targetPackageCode}`);
  }

  /** Something happened: recorded with the facts it produced (numbers are indexed for search). */
  step(name: UpgradeStepName, facts: Facts = {}): void {
    Object.assign(this.progress, facts);
    this.progress.steps.push({ name, at: new Date().toISOString() });
    const p = this.progress;
    if (Object.keys(facts).some((key) => key.endsWith('No'))) {
      upsertSearchAttributes([
        { key: TicketNumbersKey, value: present([p.upgradeTicketNo, p.changeOntTicketNo]) },
        { key: WorkOrderNumbersKey, value: present([p.upgradeWorkOrderNo, p.maintenanceWorkOrderNo]) },
      ]);
    }
  }

  /** A notice that could not be delivered for good: kept for operators; the upgrade goes on. */
  noticeFailed(notice: UndeliveredNotice): void {
    this.progress.undeliveredNotices.push(notice);
    setCurrentDetails(
      `**${this.progress.status}** — ${notice.kind} not delivered (${notice.channel ?? 'all channels'}): ${notice.reason}`,
    );
  }

  /** Where the upgrade stands, for the API, the search attribute and the UI's current details. */
  status(status: UpgradeStatus, details: string): void {
    this.progress.status = status;
    upsertSearchAttributes([{ key: UpgradeStatusKey, value: status }]);
    const swap = this.progress.ontSwap;
    if (status === 'AWAITING_ONT_SWAP' && swap) {
      upsertSearchAttributes([{ key: AwaitingOntSwapSinceKey, value: new Date(swap.awaitingSince) }]);
    }
    setCurrentDetails(`**${status}** — ${details}`);
  }
}

function present(values: Array<string | null>): string[] {
  return values.filter((v): v is string => v !== null);
}
