/**
 * Reading upgrades: an upgrade, lists of upgrades, and a customer's pending upgrade for the home
 * page. All from the database, where every step records its fact as it happens (local activities
 * write inside the run), so reads need neither a worker nor Temporal.
 */
import { IN_FLIGHT_STATUSES } from '../../contracts/upgrade';
import type { Database } from '../../platform/database';
import type { UpgradeRequest } from '../../prisma/generated/client';
import { loadUpgradeViews } from '../../services/upgrade-views';
import { upgradeView } from '../upgrade-view';

/** Upgrades as a list shows them, with their links. */
export async function listUpgrades(db: Database, rows: UpgradeRequest[]) {
  return (await loadUpgradeViews(db, rows)).map(upgradeView);
}

/** The customer's upgrade in flight, if any: its progress and the work order of its ONT swap. */
export async function readPendingUpgrade(db: Database, customerId: string) {
  const pending = await db.upgradeRequest.findFirst({
    where: { customerId, status: { in: [...IN_FLIGHT_STATUSES] } },
    orderBy: { requestedAt: 'desc' },
  });
  if (!pending) return null;
  const progress = (await loadUpgradeViews(db, [pending]))[0]!;
  return { progress, maintenanceWorkOrderNo: progress.maintenanceWorkOrderNo };
}
