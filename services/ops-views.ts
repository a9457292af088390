/** The Billing App / CRM views of the deck, for operators: trouble tickets and work orders. */
import { Refused } from '../contracts/refusals';
import { toJakartaIso } from '../domain';
import type { Database } from '../platform/database';
import { appointmentsByWorkOrder, appointmentView, currentAppointment } from './appointments';

const TICKET_STATUS = { CLOSED: 'close', OPEN: 'Open', CANCELLED: 'Cancelled' } as const;

/** A customer's CRM trouble tickets, newest first. */
export async function ticketsOf(db: Database, customerId: string) {
  const tickets = await db.ticket.findMany({
    where: { customerId },
    include: { workOrders: { select: { woNumber: true } }, customer: { select: { customerType: true } } },
    orderBy: [{ createdAt: 'desc' }, { ticketNo: 'desc' }],
  });
  return tickets.map((t) => ({
    ticketNo: t.ticketNo,
    kind: t.kind,
    title: t.title,
    description: t.description,
    status: TICKET_STATUS[t.status],
    createdBy: t.createdBy,
    mode: t.mode,
    customerType: t.customer.customerType,
    notes: t.notes,
    createdAt: toJakartaIso(t.createdAt),
    closedAt: t.closedAt ? toJakartaIso(t.closedAt) : null,
    workOrderNo: t.workOrders[0]?.woNumber ?? null,
    upgradeId: t.upgradeId,
  }));
}

/** An upgrade or maintenance (ONT swap) work order, with the technician visit and its history. */
export async function workOrderView(db: Database, woNumber: string) {
  const wo = await db.workOrder.findUnique({ where: { woNumber }, include: { customer: true } });
  if (!wo) throw new Refused('UNKNOWN_WORK_ORDER', `work order ${woNumber} does not exist`);
  const history = (await appointmentsByWorkOrder(db, [woNumber])).get(woNumber) ?? [];
  const current = currentAppointment(history);
  const { id, name, customerType } = wo.customer;
  return {
    woNumber: wo.woNumber,
    type: wo.type,
    status: wo.status === 'REPLACING' ? ('Replacing' as const) : wo.status,
    package: wo.packageLabel,
    typePackage: wo.typePackage,
    totalIdr: wo.totalIdr,
    vendor: wo.vendor,
    fatCode: wo.fatCode,
    fatPort: wo.fatPort,
    customer: { id, name, customerType },
    address: wo.address,
    homepass: wo.homepass,
    jobDescription: wo.jobDescription,
    ticketNo: wo.ticketNo,
    upgradeId: wo.upgradeId,
    createdAt: toJakartaIso(wo.createdAt),
    completedAt: wo.completedAt ? toJakartaIso(wo.completedAt) : null,
    cancelledAt: wo.cancelledAt ? toJakartaIso(wo.cancelledAt) : null,
    cancelReason: wo.cancelReason,
    appointment: current && appointmentView(current),
    appointmentHistory: history.map(appointmentView),
  };
}
