/**
 * Whether an upgrade's run is still running, asked of Temporal: the database says "in flight" for
 * runs that closed without our code (terminated, timed out) or never started.
 */
import { type Client, WorkflowNotFoundError } from '@temporalio/client';

export interface RunEnding {
  ending: 'FAILED' | 'CANCELLED' | 'TERMINATED';
  reason: string;
}

/** A run that never started may still be starting: the API admits first, then starts the run. */
export const NEVER_STARTED_GRACE_MS = 60_000;

/** How a run that is not running ended, or null while it runs (or may still start). */
export async function runEnding(
  temporal: Client,
  upgradeId: string,
  requestedAt: Date,
): Promise<RunEnding | null> {
  try {
    const handle = temporal.workflow.getHandle(upgradeId);
    const { status } = await handle.describe();
    switch (status.name) {
      case 'RUNNING':
      case 'PAUSED':
      case 'COMPLETED':
        return null;
      case 'TERMINATED':
        return { ending: 'TERMINATED', reason: `run terminated in Temporal${await terminateReason(handle)}` };
      case 'TIMED_OUT':
        return { ending: 'TERMINATED', reason: 'run timed out in Temporal' };
      case 'CANCELLED':
        return { ending: 'CANCELLED', reason: 'run cancelled in Temporal before it could settle' };
      default:
        return {
          ending: 'FAILED',
          reason: `run closed as ${status.name} in Temporal before it could settle`,
        };
    }
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    if (Date.now() - requestedAt.getTime() < NEVER_STARTED_GRACE_MS) return null;
    return {
      ending: 'TERMINATED',
      reason: 'run never started (the API stopped between admission and start)',
    };
  }
}

async function terminateReason(handle: ReturnType<Client['workflow']['getHandle']>): Promise<string> {
  const history = await handle.fetchHistory();
  const last = history.events?.at(-1)?.workflowExecutionTerminatedEventAttributes;
  return last?.reason ? `: ${last.reason}` : '';
}
