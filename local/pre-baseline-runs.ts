/**
 * Upgrade runs a developer's `.data/` may still hold from before the workflow's release baseline
 * (docs/workflow-versioning.md): today's code has none of their branches, so a worker would fail
 * inside their replay. They are told apart by what only the code before the baseline wrote in a
 * history: a marker of one of its patches, or (before its first patch) the request accepted by a
 * regular activity, where today's code runs a local one.
 */
import { Client, Connection } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { UPGRADE_WORKFLOW_TYPE } from '../contracts/upgrade';

/** The patches of the code before the baseline; today's code has none of them. */
export const PRE_BASELINE_PATCHES = [
  'lean-core-local-activities',
  'ont-visit-appointments',
  'one-visit-story',
];

type History = temporal.api.history.v1.IHistory;

/** Whether a run's history was written by the code before the baseline. */
export function recordedBeforeBaseline(history: History): boolean {
  return (history.events ?? []).some((event) => {
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName === 'core_patch') {
      const data = marker.details?.['patch-data']?.payloads?.[0]?.data;
      const { id } = JSON.parse(data ? Buffer.from(data).toString('utf8') : '{}') as { id?: string };
      return PRE_BASELINE_PATCHES.includes(id ?? '');
    }
    return event.activityTaskScheduledEventAttributes?.activityType?.name === 'acceptUpgradeRequest';
  });
}

/** The workflow IDs of the open upgrade runs recorded before the baseline. */
export async function findPreBaselineRuns(client: Client): Promise<string[]> {
  const found: string[] = [];
  const query = `WorkflowType = "${UPGRADE_WORKFLOW_TYPE}" AND ExecutionStatus = "Running"`;
  for await (const run of client.workflow.list({ query })) {
    const history = await client.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
    if (recordedBeforeBaseline(history)) found.push(run.workflowId);
  }
  return found;
}

/**
 * One sentence for `npm start` to print when `.data/` holds open upgrade runs from before the
 * baseline, or null when it holds none.
 */
export async function preBaselineRunsMessage(client: Client): Promise<string | null> {
  const runs = await findPreBaselineRuns(client);
  if (runs.length === 0) return null;
  const which =
    runs.length === 1 ? `1 upgrade run (${runs[0]})` : `${runs.length} upgrade runs (${runs.join(', ')})`;
  return (
    `.data/ holds ${which} started before the workflow's release baseline, which today's code cannot ` +
    'continue: delete .data/ and run npm start again to start afresh (docs/workflow-versioning.md).'
  );
}

/** `npm start` refuses, in that one sentence, a `.data/` its worker could only fail on. */
export class PreBaselineRunsError extends Error {
  override name = 'PreBaselineRunsError';
}

/** Throws PreBaselineRunsError when the dev server at `address` holds runs from before the baseline. */
export async function assertNoPreBaselineRuns(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const message = await preBaselineRunsMessage(new Client({ connection, namespace }));
    if (message) throw new PreBaselineRunsError(message);
  } finally {
    await connection.close();
  }
}
