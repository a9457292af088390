/**
 * When a customer's new request finds an older upgrade "in flight", the API asks Temporal whether
 * that run still runs; if it does not (terminated, timed out, never started), the reconciler
 * workflow settles it now rather than within the minute, and the new request goes on.
 */
import type { Client } from '@temporalio/client';
import { RECONCILE_WORKFLOW_TYPE } from '../contracts/upgrade';
import type { Database } from '../platform/database';
import { runEnding } from './run-state';

export async function settleIfAbandoned(
  deps: { db: Database; temporal: Client; taskQueue: string },
  upgradeId: string | null,
): Promise<boolean> {
  if (!upgradeId) return false;
  const { db, temporal, taskQueue } = deps;
  const row = await db.upgradeRequest.findUnique({ where: { id: upgradeId }, select: { requestedAt: true } });
  if (!row) return false;
  try {
    const ending = await temporal.withDeadline(Date.now() + 3_000, () =>
      runEnding(temporal, upgradeId, row.requestedAt),
    );
    if (!ending) return false;
    await temporal.withDeadline(Date.now() + 15_000, () =>
      temporal.workflow.execute(RECONCILE_WORKFLOW_TYPE, {
        workflowId: `reconcile-${upgradeId}`,
        taskQueue,
        args: [{ upgradeIds: [upgradeId] }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        staticSummary: `Settle ${upgradeId} (its run is not running)`,
      }),
    );
    return true;
  } catch {
    // Temporal out of reach: the customer is told the upgrade is in progress, as before.
    return false;
  }
}
