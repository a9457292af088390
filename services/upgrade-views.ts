/**
 * An upgrade as the rows that own each fact tell it: the request (status, plan, acceptance,
 * escalation, end), the bill, the tickets, the work orders, the package change, the notices, the
 * visit's bookings and the new ONT, all keyed by the upgrade ID. The rows are the one truth of an
 * upgrade's progress for every view the API answers (customer, customer service, operators);
 * nothing is copied onto the request, and no view asks the run. The API formats this record
 * (api/upgrade-view.ts); the run's own `progress` query is its record for operators and tests.
 */

import { msToNumber } from '@temporalio/common/lib/time';
import { STEPS, type StepDeclaration } from '../contracts/steps';
import {
  DEFAULT_ONT_SWAP_SLA,
  type ProgressFacts,
  UPGRADE_STEPS,
  type UpgradeStatus,
  type UpgradeStep,
  type UpgradeStepName,
} from '../contracts/upgrade';
import type { Database } from '../platform/database';
import type { UpgradeRequest } from '../prisma/generated/client';
import { type AppointmentSummary, appointmentsOfUpgrades, currentAppointment } from './appointments';

export interface UpgradeRecord
  extends ProgressFacts<{
    /** The visit booked (or done), and every booking, oldest first. */
    appointment: AppointmentSummary | null;
    appointmentHistory: AppointmentSummary[];
  }> {
  upgradeId: string;
  customerId: string;
  fromPackageCode: string | null;
  targetPackageCode: string;
  requestedAt: string;
  /** Each step that happened, once, in the order of UPGRADE_STEPS, at its latest time. */
  steps: UpgradeStep[];
}

type When = Date | null | undefined;

/** What one upgrade's rows say, as the derivation of its steps reads them. */
interface UpgradeFacts {
  row: UpgradeRequest;
  bill?: { createdAt: Date; voidedAt: Date | null };
  upgradeTicket?: { closedAt: Date | null };
  upgradeWo?: { createdAt: Date };
  maintenance?: { createdAt: Date; completedAt: Date | null; cancelledAt: Date | null };
  switchedAt: When;
  newOntAt: When;
  /** When the notice of this kind last reached a channel. */
  lastNotice: (kind: string) => When;
  appointments: AppointmentSummary[];
}

const latest = (dates: When[]): When =>
  dates.filter((d): d is Date => d instanceof Date).sort((a, b) => b.getTime() - a.getTime())[0];
const ended = (facts: UpgradeFacts, status: UpgradeStatus) =>
  facts.row.status === status ? facts.row.updatedAt : null;

/** The steps a notice's delivery is (contracts/steps.ts): read from that notice's rows. */
type NoticeStep = {
  [S in UpgradeStepName]: (typeof STEPS)[S] extends { notice: string } ? S : never;
}[UpgradeStepName];

/**
 * How every other step is read from the rows that own it. A total map: a step declared in
 * contracts/steps.ts without its reading here (or a notice) does not compile.
 */
const STEP_READINGS: { readonly [S in Exclude<UpgradeStepName, NoticeStep>]: (facts: UpgradeFacts) => When } =
  {
    REQUEST_ACCEPTED: (f) => f.row.acceptedAt,
    BILL_ISSUED: (f) => f.bill?.createdAt,
    UPGRADE_TICKET_CLOSED: (f) => f.upgradeTicket?.closedAt,
    UPGRADE_WORK_ORDER_CREATED: (f) => f.upgradeWo?.createdAt,
    PACKAGE_SWITCHED: (f) => f.switchedAt,
    ONT_SWAP_SCHEDULED: (f) => f.maintenance?.createdAt,
    ONT_VISIT_BOOKED: (f) => latest(f.appointments.map((a) => new Date(a.bookedAt))),
    ONT_VISIT_MISSED: (f) =>
      latest(
        f.appointments
          .filter((a) => a.status === 'MISSED')
          .map((a) => (a.closedAt ? new Date(a.closedAt) : null)),
      ),
    ONT_SWAP_ESCALATED: (f) => f.row.escalatedAt,
    ONT_REPLACED: (f) => f.newOntAt,
    ONT_SWAP_CLOSED: (f) => f.maintenance?.completedAt,
    BILL_VOIDED: (f) => f.bill?.voidedAt,
    ONT_VISIT_CANCELLED: (f) => f.maintenance?.cancelledAt,
    COMPLETED: (f) => f.row.completedAt,
    FAILED: (f) => ended(f, 'FAILED'),
    CANCELLED: (f) => ended(f, 'CANCELLED'),
    TERMINATED: (f) => ended(f, 'TERMINATED'),
  };

/** When the rows say the step happened (its latest time), or nothing. */
function stepTime(name: UpgradeStepName, facts: UpgradeFacts): When {
  const { notice } = STEPS[name] as StepDeclaration;
  return notice
    ? facts.lastNotice(notice)
    : STEP_READINGS[name as Exclude<UpgradeStepName, NoticeStep>](facts);
}

export function stepsOf(facts: UpgradeFacts): UpgradeStep[] {
  return UPGRADE_STEPS.flatMap((name) => {
    const at = stepTime(name, facts);
    return at instanceof Date ? [{ name, at: at.toISOString() }] : [];
  });
}

export async function loadUpgradeView(db: Database, upgradeId: string): Promise<UpgradeRecord | null> {
  const row = await db.upgradeRequest.findUnique({ where: { id: upgradeId } });
  return row ? (await loadUpgradeViews(db, [row]))[0]! : null;
}

/** The views of many requests in seven queries sent together, whatever their number. */
export async function loadUpgradeViews(db: Database, rows: UpgradeRequest[]): Promise<UpgradeRecord[]> {
  const upgradeId = { in: rows.map((row) => row.id) };
  const [bills, tickets, workOrders, changes, notices, devices, appointments] = await Promise.all([
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
    // Beside the others, not after them: an appointment carries its upgrade (only maintenance WOs have them).
    appointmentsOfUpgrades(
      db,
      rows.map((row) => row.id),
    ),
  ]);
  const of = <T extends { upgradeId: string | null }>(list: T[], id: string) =>
    list.filter((item) => item.upgradeId === id);

  return rows.map((row) => {
    const bill = of(bills, row.id)[0];
    const ticket = (kind: string) => of(tickets, row.id).find((t) => t.kind === kind);
    const workOrder = (type: string) => of(workOrders, row.id).find((w) => w.type === type);
    const lastNotice = (kind: string) =>
      latest(of(notices, row.id).flatMap((n) => (n.kind === kind ? [n.deliveredAt] : [])));
    const upgradeTicket = ticket('UPGRADE');
    const changeOnt = ticket('CHANGE_ONT');
    const upgradeWo = workOrder('UPGRADE');
    const maintenance = workOrder('MAINTENANCE');
    const newOnt = of(devices, row.id)[0];
    const history = (maintenance && appointments.get(maintenance.woNumber)) || [];
    const steps = stepsOf({
      row,
      bill,
      upgradeTicket,
      upgradeWo,
      maintenance,
      switchedAt: of(changes, row.id)[0]?.changedAt,
      newOntAt: newOnt?.installedAt,
      lastNotice,
      appointments: history,
    });

    return {
      upgradeId: row.id,
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
            appointment: currentAppointment(history),
            appointmentHistory: history,
          }
        : null,
    };
  });
}
