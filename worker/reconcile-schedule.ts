import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { RECONCILE_SCHEDULE_ID, RECONCILE_WORKFLOW_TYPE } from '../contracts/upgrade';

/**
 * The reconciler's Temporal Schedule (every minute; a run still going skips the next), created
 * once by whichever worker starts first and brought in step with this release by the others.
 * Operators see it under Schedules in the Web UI and can pause or trigger it there.
 */
export async function ensureReconcileSchedule(temporal: Client, taskQueue: string): Promise<void> {
  const spec = { intervals: [{ every: '1 minute' as const }] };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: RECONCILE_WORKFLOW_TYPE,
    taskQueue,
    args: [{}],
  };
  try {
    await temporal.schedule.create({
      scheduleId: RECONCILE_SCHEDULE_ID,
      spec,
      action,
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
      memo: {
        purpose: 'settle upgrades whose run closed without our code (terminated, timed out, never started)',
      },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await temporal.schedule
      .getHandle(RECONCILE_SCHEDULE_ID)
      .update((previous) => ({ ...previous, spec, action }));
  }
}
