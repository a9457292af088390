/**
 * Finding upgrades whose run closed without our code: terminated or reset away by an operator,
 * timed out, or never started because the API died between admission and `workflow.start`. The
 * database still says they are in flight (and the customer cannot start another); Temporal knows
 * better. Registered by the worker only: it needs a Temporal client.
 */
import type { Client } from '@temporalio/client';
import { IN_FLIGHT_STATUSES, UPGRADE_WORKFLOW_TYPE } from '../contracts/upgrade';
import type { Database } from '../platform/database';
import { NEVER_STARTED_GRACE_MS, type RunEnding, runEnding } from '../services/run-state';

export interface AbandonedUpgrade extends RunEnding {
  upgradeId: string;
  customerId: string;
}

/** At most this many upgrades are looked at in one pass; the next pass takes the rest. */
const PASS = 500;

export function createReconcileActivities({ db, temporal }: { db: Database; temporal: Client }) {
  /**
   * Who may be abandoned, without asking about every run in flight (most wait for days for a
   * technician): runs Temporal lists as closed while their last UpgradeStatus was still an
   * in-flight one, and admissions not accepted by a run a minute after the request.
   */
  async function candidates(): Promise<string[]> {
    const inFlight = IN_FLIGHT_STATUSES.map((status) => `'${status}'`).join(', ');
    const closed: string[] = [];
    const query = `WorkflowType = '${UPGRADE_WORKFLOW_TYPE}' AND ExecutionStatus != 'Running' AND UpgradeStatus IN (${inFlight})`;
    for await (const run of temporal.workflow.list({ query })) {
      closed.push(run.workflowId);
      if (closed.length >= PASS) break;
    }
    const unstarted = await db.upgradeRequest.findMany({
      where: {
        status: { in: [...IN_FLIGHT_STATUSES] },
        acceptedAt: null,
        requestedAt: { lt: new Date(Date.now() - NEVER_STARTED_GRACE_MS) },
      },
      orderBy: { requestedAt: 'asc' },
      take: PASS,
      select: { id: true },
    });
    return [...new Set([...closed, ...unstarted.map((row) => row.id)])];
  }

  return {
    /** In-flight upgrades (those named, or the candidates above) whose run is not running. */
    async findAbandonedUpgrades(input: { upgradeIds?: string[] }): Promise<AbandonedUpgrade[]> {
      const ids = input.upgradeIds ?? (await candidates());
      const rows = await db.upgradeRequest.findMany({
        where: { id: { in: ids }, status: { in: [...IN_FLIGHT_STATUSES] } },
        orderBy: { requestedAt: 'asc' },
        select: { id: true, customerId: true, requestedAt: true },
      });
      const abandoned: AbandonedUpgrade[] = [];
      for (const row of rows) {
        const ending = await runEnding(temporal, row.id, row.requestedAt);
        if (ending) abandoned.push({ upgradeId: row.id, customerId: row.customerId, ...ending });
      }
      return abandoned;
    },
  };
}

export type ReconcileActivities = ReturnType<typeof createReconcileActivities>;
