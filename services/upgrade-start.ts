/**
 * Starting an upgrade: the request admitted in PostgreSQL (an older one "in flight" whose run no
 * longer runs is settled first, once), then its workflow started. A start Temporal did not take
 * undoes the admission, unless a timeout hid a start that happened.
 */
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { Unavailable } from '../contracts/refusals';
import {
  IN_FLIGHT_STATUSES,
  UPGRADE_WORKFLOW_TYPE,
  type UpgradeWorkflowInput,
  upgradeWorkflowId,
} from '../contracts/upgrade';
import type { Database } from '../platform/database';
import { traceMemo } from '../platform/telemetry/run-trace';
import { settleIfAbandoned } from './abandoned-upgrades';
import { admitUpgrade, UpgradeInFlight, withdrawAdmission } from './upgrade-admission';

export interface StartDependencies {
  db: Database;
  temporal: Client;
  taskQueue: string;
  ontSwapSla: string;
}

export async function startUpgrade(
  deps: StartDependencies,
  request: { customerId: string; idempotencyKey: string; targetPackageCode: string },
) {
  const { db, temporal, taskQueue } = deps;
  const { customerId, idempotencyKey, targetPackageCode } = request;
  const upgradeId = upgradeWorkflowId(customerId, idempotencyKey);
  const admit = () => admitUpgrade(db, { ...request, upgradeId, requestedAt: new Date() });
  const admission = await admit().catch(async (error) => {
    // "In flight" in our database, but is its run still running? If not, settle it, once.
    const settled =
      error instanceof UpgradeInFlight &&
      (await settleIfAbandoned({ db, temporal, taskQueue }, error.inFlightUpgradeId));
    if (!settled) throw error;
    return admit();
  });
  const { row, created } = admission;
  // A repeat of a request already settled (e.g. its run never started) starts nothing.
  if ((IN_FLIGHT_STATUSES as readonly string[]).includes(row.status)) {
    const input: UpgradeWorkflowInput = {
      upgradeId,
      customerId,
      targetPackageCode,
      idempotencyKey,
      requestedAt: row.requestedAt.toISOString(),
      ontSwapSla: deps.ontSwapSla,
    };
    try {
      await temporal.workflow.start(UPGRADE_WORKFLOW_TYPE, {
        workflowId: upgradeId,
        taskQueue,
        args: [input],
        // A repeated request (same key) finds the run it started, whether running or closed.
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        staticSummary: `Upgrade ${customerId} to ${targetPackageCode}`,
        staticDetails: `Requested ${input.requestedAt} with Idempotency-Key ${idempotencyKey}`,
        // The request's trace, for the technician's report and the payment to join later.
        ...traceMemo(),
      });
    } catch (error) {
      // A timeout may hide a start that happened: ask before undoing the admission.
      const started =
        error instanceof WorkflowExecutionAlreadyStartedError ||
        (await temporal.workflow
          .getHandle(upgradeId)
          .describe()
          .then(
            () => true,
            () => false,
          ));
      if (!started) {
        if (created) await withdrawAdmission(db, upgradeId);
        throw new Unavailable('the upgrade could not be started; please try again', {
          cause: error,
          context: { workflowId: upgradeId },
        });
      }
    }
  }
  return {
    upgradeId,
    workflowId: upgradeId,
    status: row.status,
    created,
    links: { self: `/v1/upgrades/${upgradeId}`, customerUpgrades: `/v1/customers/${customerId}/upgrades` },
  };
}
