import type { UpgradeProgress } from '../contracts/upgrade';
import { toJakartaIso } from '../domain';
import type { UpgradeRequest } from '../prisma/generated/client';

/** An upgrade as the API shows it, from the database row (closed runs, lists, fallbacks). */
export function progressFromRow(row: UpgradeRequest): UpgradeProgress {
  const saved = row.progress as UpgradeProgress | null;
  return {
    upgradeId: row.id,
    workflowId: row.id,
    customerId: row.customerId,
    fromPackageCode: row.fromPackageCode,
    targetPackageCode: row.targetPackageCode,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    steps: saved?.steps ?? [],
    billCode: row.billCode,
    upgradeTicketNo: row.upgradeTicketNo,
    upgradeWorkOrderNo: row.upgradeWorkOrderNo,
    changeOntTicketNo: row.changeOntTicketNo,
    maintenanceWorkOrderNo: row.maintenanceWorkOrderNo,
    failureReason: row.failureReason,
    ontSwap: saved?.ontSwap ?? null,
  };
}

/** An upgrade for the API: instants in Jakarta time, and links to what the run produced. */
export function withLinks(progress: UpgradeProgress) {
  const jakarta = (iso: string) => toJakartaIso(new Date(iso));
  const swap = progress.ontSwap;
  return {
    ...progress,
    requestedAt: jakarta(progress.requestedAt),
    steps: progress.steps.map((step) => ({ name: step.name, at: jakarta(step.at) })),
    ontSwap: swap && {
      awaitingSince: jakarta(swap.awaitingSince),
      slaDeadline: jakarta(swap.slaDeadline),
      escalatedAt: swap.escalatedAt && jakarta(swap.escalatedAt),
      replacedAt: swap.replacedAt && jakarta(swap.replacedAt),
    },
    links: {
      self: `/v1/upgrades/${progress.upgradeId}`,
      ...(progress.billCode
        ? { bill: `/v1/bills/${progress.billCode}`, statement: `/v1/bills/${progress.billCode}/statement` }
        : {}),
    },
  };
}
