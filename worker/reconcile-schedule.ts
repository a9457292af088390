import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { RECONCILE_SCHEDULE_ID, RECONCILE_WORKFLOW_TYPE } from '../contracts/upgrade';

/**
 * The reconciler's Temporal Schedule (every minute; a run still going skips the next), created
 * once by whichever worker starts first. Operators see it under Schedules in the Web UI and can
 * pause or trigger it there.
 */
export async function ensureReconcileSchedule(temporal: Client, taskQueue: string): Promise<void> {
  try {
    await temporal.schedule.create({
      scheduleId: RECONCILE_SCHEDULE_ID,
      spec: { intervals: [{ every: '1 minute' }] },
      action: {
        type: 'startWorkflow',
        workflowType: RECONCILE_WORKFLOW_TYPE,
        taskQueue,
        args: [{}],
        workflowExecutionTimeout: '5 minutes',
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
      memo: {
        purpose: 'settle upgrades whose run closed without our code (terminated, timed out, never started)',
      },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}
