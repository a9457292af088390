/**
 * Finding upgrades whose run closed without our code: terminated or reset away by an operator,
 * timed out, or never started because the API died between admission and `workflow.start`. The
 * database still says they are in flight (and the customer cannot start another); Temporal knows
 * better. Registered by the worker only: it needs a Temporal client.
 */
import type { Client } from '@temporalio/client';
import { IN_FLIGHT_STATUSES } from '../contracts/upgrade';
import type { Database } from '../platform/database';
import { type RunEnding, runEnding } from '../services/run-state';

export interface AbandonedUpgrade extends RunEnding {
  upgradeId: string;
  customerId: string;
}

export function createReconcileActivities({ db, temporal }: { db: Database; temporal: Client }) {
  return {
    /** In-flight upgrades (all, or those named) whose run is not running; oldest first, at most 100. */
    async findAbandonedUpgrades(input: { upgradeIds?: string[] }): Promise<AbandonedUpgrade[]> {
      const rows = await db.upgradeRequest.findMany({
        where: {
          status: { in: [...IN_FLIGHT_STATUSES] },
          ...(input.upgradeIds ? { id: { in: input.upgradeIds } } : {}),
        },
        orderBy: { requestedAt: 'asc' },
        take: 100,
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
