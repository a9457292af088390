/**
 * An upgrade as the API shows it, derived from the rows that own each fact: the request (status,
 * plan, acceptance, escalation, end), the bill, the tickets, the work orders, the package change,
 * the notices and the new ONT, all keyed by the upgrade ID. Nothing is copied onto the request.
 */

import { msToNumber } from '@temporalio/common/lib/time';
import {
  DEFAULT_ONT_SWAP_SLA,
  type UpgradeProgress,
  type UpgradeStep,
  type UpgradeStepName,
} from '../contracts/upgrade';
import { toJakartaIso } from '../domain';
import type { Database } from '../platform/database';
import type { UpgradeRequest } from '../prisma/generated/client';
import { appointmentsByWorkOrder, appointmentView, currentAppointment } from './appointments';

export async function loadUpgradeView(db: Database, upgradeId: string): Promise<UpgradeProgress | null> {
  const row = await db.upgradeRequest.findUnique({ where: { id: upgradeId } });
  return row ? (await loadUpgradeViews(db, [row]))[0]! : null;
}

/** The views of many requests in seven queries, whatever their number. */
export async function loadUpgradeViews(db: Database, rows: UpgradeRequest[]): Promise<UpgradeProgress[]> {
  const upgradeId = { in: rows.map((row) => row.id) };
  const [bills, tickets, workOrders, changes, notices, devices] = await Promise.all([
    db.bill.findMany({
      where: { upgradeId },
      select: { upgradeId: true, billCode: true, createdAt: true, voidedAt: true },
    }),
    db.ticket.findMany({
      where: { upgradeId },
      select: { upgradeId: true, kind: true, ticketNo: true, closedAt: true },
    }),
    db.workOrder.findMany({
      where: { upgradeId },
      select: {
        upgradeId: true,
        type: true,
        woNumber: true,
        createdAt: true,
        completedAt: true,
        dueAt: true,
        cancelledAt: true,
      },
    }),
    db.subscriptionChange.findMany({ where: { upgradeId }, select: { upgradeId: true, changedAt: true } }),
    db.notification.findMany({
      where: { upgradeId, OR: [{ deliveredAt: { not: null } }, { failedAt: { not: null } }] },
      select: {
        upgradeId: true,
        kind: true,
        channel: true,
        deliveredAt: true,
        failedAt: true,
        failureReason: true,
      },
    }),
    db.ontDevice.findMany({ where: { upgradeId }, select: { upgradeId: true, installedAt: true } }),
  ]);
  const appointments = await appointmentsByWorkOrder(
    db,
    workOrders.filter((w) => w.type === 'MAINTENANCE').map((w) => w.woNumber),
  );
  const of = <T extends { upgradeId: string | null }>(list: T[], id: string) =>
    list.filter((item) => item.upgradeId === id);

  return rows.map((row) => {
    const bill = of(bills, row.id)[0];
    const ticket = (kind: string) => of(tickets, row.id).find((t) => t.kind === kind);
    const workOrder = (type: string) => of(workOrders, row.id).find((w) => w.type === type);
    const lastNotice = (kind: string) =>
      of(notices, row.id)
        .filter((n) => n.kind === kind && n.deliveredAt)
        .map((n) => n.deliveredAt!)
        .sort((a, b) => b.getTime() - a.getTime())[0];
    const upgradeTicket = ticket('UPGRADE');
    const changeOnt = ticket('CHANGE_ONT');
    const upgradeWo = workOrder('UPGRADE');
    const maintenance = workOrder('MAINTENANCE');
    const newOnt = of(devices, row.id)[0];

    const at: Partial<Record<UpgradeStepName, Date | null | undefined>> = {
      REQUEST_ACCEPTED: row.acceptedAt,
      BILL_ISSUED: bill?.createdAt,
      UPGRADE_TICKET_CLOSED: upgradeTicket?.closedAt,
      UPGRADE_WORK_ORDER_CREATED: upgradeWo?.createdAt,
      PACKAGE_SWITCHED: of(changes, row.id)[0]?.changedAt,
      CUSTOMER_NOTIFIED: lastNotice('BILL_ISSUED'),
      ONT_SWAP_SCHEDULED: maintenance?.createdAt,
      ONT_SWAP_NOTICE_SENT: lastNotice('ONT_SWAP_SCHEDULED'),
      ONT_SWAP_ESCALATED: row.escalatedAt,
      ONT_REPLACED: newOnt?.installedAt,
      ONT_SWAP_CLOSED: maintenance?.completedAt,
      ONT_SWAP_COMPLETED_NOTICE_SENT: lastNotice('ONT_SWAP_COMPLETED'),
      BILL_VOIDED: bill?.voidedAt,
      ONT_VISIT_CANCELLED: maintenance?.cancelledAt,
      COMPLETED: row.completedAt,
      FAILED: row.status === 'FAILED' ? row.updatedAt : null,
      CANCELLED: row.status === 'CANCELLED' ? row.updatedAt : null,
      TERMINATED: row.status === 'TERMINATED' ? row.updatedAt : null,
    };
    const steps: UpgradeStep[] = Object.entries(at)
      .filter((entry): entry is [UpgradeStepName, Date] => entry[1] instanceof Date)
      .map(([name, when]) => ({ name, at: when.toISOString() }));

    return {
      upgradeId: row.id,
      workflowId: row.id,
      customerId: row.customerId,
      fromPackageCode: row.fromPackageCode,
      targetPackageCode: row.targetPackageCode,
      status: row.status,
      requestedAt: row.requestedAt.toISOString(),
      steps,
      billCode: bill?.billCode ?? null,
      upgradeTicketNo: upgradeTicket?.ticketNo ?? null,
      upgradeWorkOrderNo: upgradeWo?.woNumber ?? null,
      changeOntTicketNo: changeOnt?.ticketNo ?? null,
      maintenanceWorkOrderNo: maintenance?.woNumber ?? null,
      failureReason: row.failureReason,
      undeliveredNotices: of(notices, row.id)
        .filter((n) => n.failedAt && !n.deliveredAt)
        .map((n) => ({
          kind: n.kind,
          channel: n.channel,
          reason: n.failureReason ?? '',
          at: n.failedAt!.toISOString(),
        })),
      ontSwap: maintenance
        ? {
            awaitingSince: maintenance.createdAt.toISOString(),
            // Runs older than the `dueAt` column had the default SLA unless configured otherwise.
            slaDeadline: (
              maintenance.dueAt ??
              new Date(maintenance.createdAt.getTime() + msToNumber(DEFAULT_ONT_SWAP_SLA))
            ).toISOString(),
            escalatedAt: row.escalatedAt?.toISOString() ?? null,
            replacedAt: newOnt?.installedAt.toISOString() ?? null,
            appointment: currentAppointment(appointments.get(maintenance.woNumber) ?? []),
            appointmentHistory: appointments.get(maintenance.woNumber) ?? [],
          }
        : null,
    };
  });
}

/** An upgrade for the API: instants in Jakarta time, and links to what the run produced. */
export function withLinks(progress: UpgradeProgress) {
  const jakarta = (iso: string) => toJakartaIso(new Date(iso));
  const swap = progress.ontSwap;
  return {
    ...progress,
    requestedAt: jakarta(progress.requestedAt),
    steps: progress.steps.map((step) => ({ name: step.name, at: jakarta(step.at) })),
    undeliveredNotices: progress.undeliveredNotices.map((notice) => ({ ...notice, at: jakarta(notice.at) })),
    ontSwap: swap && {
      awaitingSince: jakarta(swap.awaitingSince),
      slaDeadline: jakarta(swap.slaDeadline),
      escalatedAt: swap.escalatedAt && jakarta(swap.escalatedAt),
      replacedAt: swap.replacedAt && jakarta(swap.replacedAt),
      appointment: swap.appointment ? appointmentView(swap.appointment) : null,
      appointmentHistory: (swap.appointmentHistory ?? []).map(appointmentView),
    },
    links: {
      self: `/v1/upgrades/${progress.upgradeId}`,
      ...(progress.billCode
        ? { bill: `/v1/bills/${progress.billCode}`, statement: `/v1/bills/${progress.billCode}/statement` }
        : {}),
    },
  };
}
