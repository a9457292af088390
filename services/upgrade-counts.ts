/**
 * How many upgrades are in each status, read from the requests in one GROUP BY, so every API
 * process reports the same numbers and a restart loses none (the API's /metrics, `upgradeMetrics` below).
 */

import { Counter, Gauge, Registry } from 'prom-client';
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

/**
 * The upgrades by status as Prometheus metrics (`selfcare_upgrades`, `…_awaiting_ont_swap`,
 * `selfcare_ont_swap_escalations_total`), read from the rows at each scrape.
 */
export function upgradeMetrics(db: Database): () => Promise<string> {
  const outcomes = new Registry();
  const upgrades = new Gauge({
    name: 'selfcare_upgrades',
    help: 'Upgrades in each status (all time; BILLING, AWAITING_ONT_SWAP and ESCALATED are in flight)',
    labelNames: ['status'],
    registers: [outcomes],
  });
  const awaitingSwap = new Gauge({
    name: 'selfcare_upgrades_awaiting_ont_swap',
    help: 'Runs waiting for the technician to report the ONT swap (AWAITING_ONT_SWAP or ESCALATED)',
    registers: [outcomes],
  });
  const escalations = new Counter({
    name: 'selfcare_ont_swap_escalations_total',
    help: 'Upgrades whose ONT swap missed the SLA and was escalated',
    registers: [outcomes],
  });

  return async () => {
    const counts = await countUpgrades(db);
    for (const status of UPGRADE_STATUSES) upgrades.set({ status }, counts.byStatus[status]);
    awaitingSwap.set(counts.awaitingOntSwap);
    // A counter whose value is the number of escalated rows (they are never deleted).
    escalations.reset();
    escalations.inc(counts.escalations);
    return outcomes.metrics();
  };
}
