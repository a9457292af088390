/**
 * The run's bookkeeping in one place: the progress the `progress` query answers, the search
 * attributes operators filter by, and the current details the Web UI shows. The workflow only
 * says what happened (`step`) and where it stands (`status`).
 */
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
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
      status: 'BILLING',
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
    this.status('BILLING', `customer ${input.customerId} upgrading to ${input.targetPackageCode}`, [
      { key: CustomerIdKey, value: input.customerId },
      { key: TargetPackageKey, value: input.targetPackageCode },
    ]);
  }

  /** Something happened: recorded with the facts it produced. */
  step(name: UpgradeStepName, facts: Facts = {}): void {
    Object.assign(this.progress, facts);
    this.progress.steps.push({ name, at: new Date().toISOString() });
  }

  /** A notice that could not be delivered for good: kept for operators; the upgrade goes on. */
  noticeFailed(notice: UndeliveredNotice): void {
    this.progress.undeliveredNotices.push(notice);
    setCurrentDetails(
      `**${this.progress.status}** — ${notice.kind} not delivered (${notice.channel ?? 'all channels'}): ${notice.reason}`,
    );
  }

  /**
   * Where the upgrade stands, for the UI's current details and the search attributes. Ticket and
   * work order numbers are indexed with each status change, in the same one upsert: each upsert
   * is a history event and a visibility write, and the steps between two statuses take
   * milliseconds (docs/benchmarks.md).
   */
  status(status: UpgradeStatus, details: string, more: SearchAttributeUpdatePair[] = []): void {
    const p = this.progress;
    p.status = status;
    const tickets = present([p.upgradeTicketNo, p.changeOntTicketNo]);
    const workOrders = present([p.upgradeWorkOrderNo, p.maintenanceWorkOrderNo]);
    upsertSearchAttributes([
      ...more,
      { key: UpgradeStatusKey, value: status },
      ...(tickets.length ? [{ key: TicketNumbersKey, value: tickets }] : []),
      ...(workOrders.length ? [{ key: WorkOrderNumbersKey, value: workOrders }] : []),
      ...(status === 'AWAITING_ONT_SWAP' && p.ontSwap
        ? [{ key: AwaitingOntSwapSinceKey, value: new Date(p.ontSwap.awaitingSince) }]
        : []),
    ]);
    setCurrentDetails(`**${status}** — ${details}`);
  }
}

function present(values: Array<string | null>): string[] {
  return values.filter((v): v is string => v !== null);
}
