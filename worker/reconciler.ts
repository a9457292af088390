import { type Client, ScheduleNotFoundError, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  RECONCILE_EVERY,
  RECONCILE_SCHEDULE_ID,
  RECONCILE_WORKFLOW_ID,
  RECONCILE_WORKFLOW_TYPE,
} from '../contracts/upgrade';

/**
 * The reconciler: one long-lived run (workflows/reconcile.ts), started by whichever worker starts
 * first; the others find it running (USE_EXISTING). The Schedule of earlier releases (a closed run
 * every minute in the Web UI's list) is deleted first, so old data is cleaned too.
 */
export async function ensureReconciler(temporal: Client, taskQueue: string): Promise<void> {
  try {
    await temporal.schedule.getHandle(RECONCILE_SCHEDULE_ID).delete();
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
  }
  try {
    await temporal.workflow.start(RECONCILE_WORKFLOW_TYPE, {
      workflowId: RECONCILE_WORKFLOW_ID,
      taskQueue,
      args: [{ every: RECONCILE_EVERY }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      memo: {
        purpose: 'settle upgrades whose run closed without our code (terminated, timed out, never started)',
      },
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
