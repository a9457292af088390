/**
 * Ending an upgrade that cannot complete, shared by the UpgradeWorkflow (failure, cancellation)
 * and the reconciler (runs that closed without our code): undo what must not stand — the
 * settleUpgrade activity decides from the rows (the bill before the switch, an open ONT visit
 * after it) — then tell the customer what changed. Notices here never fail the ending.
 */

import { ActivityFailure, ApplicationFailure, isCancellation, log } from '@temporalio/workflow';
import type { Settlement, UpgradeEnding } from '../activities/settlement';
import type { NoticeKind } from '../contracts/notifications';
import type {
  UndeliveredNotice,
  UpgradeStatus,
  UpgradeStepName,
  UpgradeWorkflowInput,
} from '../contracts/upgrade';
import { localActivities, notices } from './activities';

/** Where an ending is recorded: the run's progress, or only the log. */
export interface Recorder {
  step(name: UpgradeStepName, facts?: { failureReason?: string }): void;
  status(status: UpgradeStatus, details: string): void;
  noticeFailed(notice: UndeliveredNotice): void;
}

export const logOnly: Recorder = {
  step: () => undefined,
  status: () => undefined,
  noticeFailed: (notice) => log.warn('notice not delivered', { ...notice }),
};

export interface Ending {
  upgradeId: string;
  customerId: string;
  ending: UpgradeEnding;
  reason: string;
  /** The run's input, so a request refused before it was recorded still leaves a row. */
  request?: UpgradeWorkflowInput;
  /** A cancel of a run patched 'cancel-withdraws-upgrade': withdraw it if it waits for the swap. */
  withdraw?: boolean;
}

/** The failure an activity reported (local activities' arrive unwrapped), else the error itself. */
export function failureOf(error: unknown): unknown {
  return error instanceof ActivityFailure ? error.cause : error;
}

/** Undoes what must not stand (one database step) and records the ending. */
export async function settle(recorder: Recorder, end: Ending): Promise<Settlement> {
  const { upgradeId, ending, reason } = end;
  log.warn(`upgrade ${ending.toLowerCase()}`, { upgradeId, reason });
  const settled = await localActivities.settleUpgrade(end);
  if (settled.voidedBillCode) recorder.step('BILL_VOIDED');
  if (settled.cancelledVisit) recorder.step('ONT_VISIT_CANCELLED');
  recorder.step(ending, { failureReason: reason });
  recorder.status(ending, reason);
  return settled;
}

/** Tells the customer what the settlement changed; a notice that cannot be delivered is recorded. */
export async function tell(recorder: Recorder, end: Ending, settled: Settlement): Promise<void> {
  const { upgradeId, customerId, ending } = end;
  const { voidedBillCode, cancelledVisit, withdrawn } = settled;
  // Before the switch the customer keeps the old package: told so, and of the voided bill if any.
  if (!settled.switched) {
    await bestEffort(recorder, upgradeId, 'UPGRADE_CANCELLED', () =>
      notices.notifyUpgradeCancelled({ upgradeId, customerId, ending, voidedBillCode }),
    );
  }
  // Withdrawn while waiting for the swap: one notice says it all (package back, bill, visit, credit).
  if (settled.switched && withdrawn) {
    await bestEffort(recorder, upgradeId, 'UPGRADE_CANCELLED', () =>
      notices.notifyUpgradeCancelled({
        upgradeId,
        customerId,
        ending,
        voidedBillCode,
        withdrawn: { cancelledVisit, creditIdr: settled.creditIdr ?? 0 },
      }),
    );
    return;
  }
  if (cancelledVisit) {
    await bestEffort(recorder, upgradeId, 'ONT_VISIT_CANCELLED', () =>
      notices.notifyOntVisitCancelled({ upgradeId, customerId, workOrderNumber: cancelledVisit }),
    );
  }
}

/**
 * A notice once the package switched never fails the upgrade: a delivery refused for good is
 * recorded (progress, current details; the notice's row says which channel and why) and the run
 * goes on. A cancellation still ends the wait.
 */
export async function bestEffort(
  recorder: Recorder,
  upgradeId: string,
  kind: NoticeKind,
  send: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    if (isCancellation(error)) throw error;
    const failure = failureOf(error);
    const details = failure instanceof ApplicationFailure ? failure.details : undefined;
    const channel = (details?.[0] as Pick<UndeliveredNotice, 'channel'> | undefined)?.channel ?? null;
    const reason = failure instanceof Error ? failure.message : String(failure);
    recorder.noticeFailed({ kind, channel, reason, at: new Date().toISOString() });
    log.warn('notice not delivered', { upgradeId, kind, channel, reason });
    return false;
  }
}
