/**
 * What the installer vendor's technicians read: the day's visits of their vendor's ONT swaps by
 * slot, the work orders still to be booked, and one work order as the Billing App's WO Maintenance
 * form shows it (the job card). Only the vendor's own work orders; the routes check who asks.
 */

import { Refused } from '../contracts/refusals';
import type { JobCard, TechnicianVisit, TechnicianVisitList } from '../contracts/views';
import { toJakartaIso } from '../domain/calendar';
import { formatVisit, type VisitPendingCategory, type VisitSlot, visitArea } from '../domain/visits';
import type { Database } from '../platform/database';
import type { Customer, Prisma, WorkOrder } from '../prisma/generated/client';
import { appointmentsByWorkOrder, appointmentView, currentAppointment } from './appointments';

type VisitState = TechnicianVisit['state'];

const STATE_OF_APPOINTMENT: Record<string, VisitState | undefined> = {
  BOOKED: 'BOOKED',
  MISSED: 'MISSED',
  DONE: 'DONE',
};

/**
 * How many of the work orders still to be booked one answer lists, the most urgent first (by SLA):
 * a promo day leaves thousands waiting, and a technician picks from the top of the list; the
 * answer says how many there are in all.
 */
export const TO_BE_BOOKED_SHOWN = 50;

/**
 * The vendor's visits on a Jakarta day (booked, missed, done) by slot, then the most urgent work
 * orders still to be booked. An area is derived from the FAT code (`visitArea`), so the filter
 * asks for the FAT codes of that area among the vendor's: they are few, whatever the open runs.
 */
export async function vendorVisits(
  db: Database,
  request: { vendor: string; date: string; area: string | null },
): Promise<TechnicianVisitList> {
  const { vendor, date, area } = request;
  const openWorkOrder: Prisma.WorkOrderWhereInput = { vendor, type: 'MAINTENANCE' };
  const toBookWhere: Prisma.WorkOrderWhereInput = {
    ...openWorkOrder,
    status: 'REPLACING',
    appointments: { none: { status: 'BOOKED' } },
  };
  const dayWhere: Prisma.AppointmentWhereInput = {
    date: new Date(`${date}T00:00:00Z`),
    status: { in: ['BOOKED', 'MISSED', 'DONE'] },
  };
  const fatCodes = (
    await db.workOrder.groupBy({
      by: ['fatCode'],
      where: { OR: [toBookWhere, { ...openWorkOrder, appointments: { some: dayWhere } }] },
    })
  ).map((f) => f.fatCode);
  const ofArea = fatCodes.filter((code) => visitArea(code) === area);
  const areaWhere: Prisma.WorkOrderWhereInput = area
    ? {
        OR: [
          { fatCode: { in: ofArea.filter((code) => code !== null) } },
          ...(ofArea.includes(null) ? [{ fatCode: null }] : []),
        ],
      }
    : {};
  const [onDay, toBook, toBeBookedTotal] = await Promise.all([
    db.appointment.findMany({
      where: { ...dayWhere, workOrder: { ...openWorkOrder, ...areaWhere } },
      include: { workOrder: { include: { customer: true } } },
      orderBy: [{ slot: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    }),
    db.workOrder.findMany({
      where: { ...toBookWhere, ...areaWhere },
      include: { customer: true },
      orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }, { woNumber: 'asc' }],
      take: TO_BE_BOOKED_SHOWN,
    }),
    db.workOrder.count({ where: { ...toBookWhere, ...areaWhere } }),
  ]);
  return {
    vendor,
    date,
    area,
    areas: [...new Set(fatCodes.map(visitArea))].sort(),
    toBeBookedTotal,
    visits: [
      ...onDay.map((a) => ({
        ...entry(a.workOrder),
        state: STATE_OF_APPOINTMENT[a.status]!,
        date,
        slot: a.slot as VisitSlot,
        label: formatVisit(date, a.slot as VisitSlot),
        pendingCategory: a.pendingCategory as VisitPendingCategory | null,
      })),
      ...toBook.map((wo) => ({
        ...entry(wo),
        state: 'TO_BE_BOOKED' as const,
        date: null,
        slot: null,
        label: null,
        pendingCategory: null,
      })),
    ],
  };
}

function entry(wo: WorkOrder & { customer: Customer }) {
  return {
    workOrderNumber: wo.woNumber,
    area: visitArea(wo.fatCode),
    customer: { id: wo.customer.id, name: wo.customer.name, customerType: wo.customer.customerType },
    address: wo.address,
    dueAt: wo.dueAt && toJakartaIso(wo.dueAt),
  };
}

/** A maintenance WO of the vendor's as its job card; another's, or none by that number: refused. */
export async function jobCard(db: Database, woNumber: string, vendor: string): Promise<JobCard> {
  const wo = await db.workOrder.findUnique({ where: { woNumber }, include: { customer: true } });
  // Another vendor's work order, or one with no vendor, is unknown to this one.
  if (!wo || wo.vendor !== vendor) {
    throw new Refused('UNKNOWN_WORK_ORDER', `work order ${woNumber} does not exist`);
  }
  if (wo.type !== 'MAINTENANCE' || wo.status === 'DONE') {
    throw new Refused('NOT_MAINTENANCE', `work order ${woNumber} is an ${wo.type} order, not an ONT swap`);
  }
  const [history, ont] = await Promise.all([
    appointmentsByWorkOrder(db, [woNumber]).then((byWo) => byWo.get(woNumber) ?? []),
    db.ontDevice.findFirst({
      where: { customerId: wo.customerId, status: 'ACTIVE' },
      orderBy: { installedAt: 'desc' },
    }),
  ]);
  const current = currentAppointment(history);
  const { customer } = wo;
  const state: VisitState =
    wo.status === 'COMPLETED'
      ? 'DONE'
      : wo.status === 'CANCELLED'
        ? 'CANCELLED'
        : current?.status === 'BOOKED'
          ? 'BOOKED'
          : 'TO_BE_BOOKED';
  return {
    woNumber: wo.woNumber,
    type: 'MAINTENANCE',
    status: wo.status === 'REPLACING' ? 'Replacing' : wo.status,
    state,
    vendor: wo.vendor,
    customer: {
      id: customer.id,
      name: customer.name,
      customerType: customer.customerType,
      phone: customer.phone,
      email: customer.email,
    },
    address: wo.address,
    homepass: {
      code: customer.homepassCode,
      id: customer.homepassId,
      areaId: customer.areaId,
      clusterId: customer.clusterId,
    },
    area: visitArea(wo.fatCode),
    fatCode: wo.fatCode,
    fatPort: wo.fatPort,
    jobDescription: wo.jobDescription,
    ticketNo: wo.ticketNo,
    package: wo.packageLabel,
    createdAt: toJakartaIso(wo.createdAt),
    dueAt: wo.dueAt && toJakartaIso(wo.dueAt),
    completedAt: wo.completedAt && toJakartaIso(wo.completedAt),
    cancelReason: wo.cancelReason,
    ont: ont && { serial: ont.serial, model: ont.model, band: ont.band },
    appointment: current && appointmentView(current),
    appointmentHistory: history.map(appointmentView),
  };
}
