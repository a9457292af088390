/**
 * How many upgrades are in each status, read from the requests in one GROUP BY, so every API
 * process reports the same numbers and a restart loses none (the API's /metrics, api/metrics.ts).
 */
import { UPGRADE_STATUSES, type UpgradeStatus } from '../contracts/upgrade';
import type { Database } from '../platform/database';

export interface UpgradeCounts {
  /** Every status, 0 when no upgrade has it. */
  byStatus: Record<UpgradeStatus, number>;
  /** Runs waiting for the technician's report: AWAITING_ONT_SWAP, and ESCALATED (past the SLA, still waiting). */
  awaitingOntSwap: number;
  /** Upgrades that ever missed the swap SLA (`escalatedAt` is set once and kept, whatever the ending). */
  escalations: number;
}

export async function countUpgrades(db: Database): Promise<UpgradeCounts> {
  const groups = await db.upgradeRequest.groupBy({
    by: ['status'],
    _count: { _all: true, escalatedAt: true },
  });
  const byStatus = Object.fromEntries(UPGRADE_STATUSES.map((status) => [status, 0])) as Record<
    UpgradeStatus,
    number
  >;
  let escalations = 0;
  for (const group of groups) {
    byStatus[group.status] = group._count._all;
    escalations += group._count.escalatedAt;
  }
  return {
    byStatus,
    awaitingOntSwap: byStatus.AWAITING_ONT_SWAP + byStatus.ESCALATED,
    escalations,
  };
}
