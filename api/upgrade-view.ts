/**
 * An upgrade as the API answers it: the record the rows tell (services/upgrade-views.ts), its
 * instants in Jakarta time and links to what the run produced. Its type is the response schema's
 * (`UpgradeView`), so a field the record gains or loses fails to compile here, not in a client.
 */
import type { z } from 'zod';
import type { UpgradeView as UpgradeViewSchema } from '../contracts/views';
import { toJakartaIso } from '../domain';
import type { Database } from '../platform/database';
import type { UpgradeRequest } from '../prisma/generated/client';
import { appointmentView } from '../services/appointments';
import { loadUpgradeViews, type UpgradeRecord } from '../services/upgrade-views';

export type UpgradeView = z.output<typeof UpgradeViewSchema>;

export function upgradeView(record: UpgradeRecord): UpgradeView {
  const jakarta = (iso: string) => toJakartaIso(new Date(iso));
  const swap = record.ontSwap;
  return {
    ...record,
    workflowId: record.upgradeId,
    requestedAt: jakarta(record.requestedAt),
    steps: record.steps.map((step) => ({ name: step.name, at: jakarta(step.at) })),
    undeliveredNotices: record.undeliveredNotices.map((notice) => ({ ...notice, at: jakarta(notice.at) })),
    ontSwap: swap && {
      awaitingSince: jakarta(swap.awaitingSince),
      slaDeadline: jakarta(swap.slaDeadline),
      escalatedAt: swap.escalatedAt && jakarta(swap.escalatedAt),
      replacedAt: swap.replacedAt && jakarta(swap.replacedAt),
      appointment: swap.appointment ? appointmentView(swap.appointment) : null,
      appointmentHistory: swap.appointmentHistory.map(appointmentView),
    },
    links: {
      self: `/v1/upgrades/${record.upgradeId}`,
      ...(record.billCode
        ? { bill: `/v1/bills/${record.billCode}`, statement: `/v1/bills/${record.billCode}/statement` }
        : {}),
    },
  };
}

/** Upgrades as a list shows them, with their links. */
export async function upgradeViews(db: Database, rows: UpgradeRequest[]): Promise<UpgradeView[]> {
  return (await loadUpgradeViews(db, rows)).map(upgradeView);
}
