/**
 * What the technician and the customer send to the upgrade waiting on a maintenance work order:
 * the work order looked up, the run told (a signal, an update) in its trace, and the run's
 * answer read back as a refusal of contracts/refusals.ts, a run gone (WORK_ORDER_CLOSED), or an
 * outage (503). Every such route goes through `tellRun`.
 */
import {
  type Client,
  type WorkflowHandle,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isRefusalCode, Refused, Unavailable } from '../contracts/refusals';
import type { Database } from '../platform/database';
import { inRunTrace } from '../platform/telemetry/run-trace';
import type { WorkOrder } from '../prisma/generated/client';

export interface RunDependencies {
  db: Database;
  temporal: Client;
}

/**
 * Whose work orders the caller may act on: a customer's own, a technician's vendor's. Any other
 * work order is refused as unknown (404), as if it did not exist.
 */
export interface WorkOrderScope {
  customerId?: string;
  vendor?: string;
}

/** A maintenance WO with its upgrade, or the refusal saying why not. */
export async function maintenanceWorkOrder(
  db: Database,
  woNumber: string,
  scope: WorkOrderScope = {},
): Promise<WorkOrder & { upgradeId: string }> {
  const workOrder = await db.workOrder.findUnique({ where: { woNumber } });
  const outOfScope =
    workOrder &&
    ((scope.customerId !== undefined && workOrder.customerId !== scope.customerId) ||
      // One with no vendor is no technician's.
      (scope.vendor !== undefined && workOrder.vendor !== scope.vendor));
  if (!workOrder || outOfScope) {
    throw new Refused('UNKNOWN_WORK_ORDER', `work order ${woNumber} does not exist`);
  }
  if (workOrder.type !== 'MAINTENANCE' || !workOrder.upgradeId) {
    throw new Refused(
      'NOT_MAINTENANCE',
      `work order ${woNumber} is an ${workOrder.type} order, not an ONT swap`,
    );
  }
  return workOrder as WorkOrder & { upgradeId: string };
}

/** Sends to the work order's run, in the run's trace (`name`); its refusals are thrown as such. */
export async function tellRun<T>(
  temporal: Client,
  workOrder: { woNumber: string; upgradeId: string },
  name: string,
  send: (run: WorkflowHandle) => Promise<T>,
): Promise<T> {
  const run = temporal.workflow.getHandle(workOrder.upgradeId);
  try {
    return await inRunTrace(run, name, () => send(run));
  } catch (error) {
    const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
    if (cause instanceof ApplicationFailure && isRefusalCode(cause.type)) {
      throw new Refused(cause.type, cause.message);
    }
    if (error instanceof WorkflowNotFoundError) {
      throw new Refused(
        'WORK_ORDER_CLOSED',
        `the upgrade of work order ${workOrder.woNumber} is no longer running`,
      );
    }
    throw new Unavailable('the request could not be delivered; please try again', {
      cause: error,
      context: { woNumber: workOrder.woNumber, sent: name },
    });
  }
}
