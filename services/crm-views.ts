/**
 * Tickets and work orders as the CRM and the Billing App show them (the ops reads and the
 * customer-service console share these).
 */
import { Refused } from '../contracts/refusals';
import { toJakartaIso } from '../domain';
import type { Database } from '../platform/database';
import type { Customer, Ticket, WorkOrder } from '../prisma/generated/client';
import { appointmentsByWorkOrder, appointmentView, currentAppointment } from './appointments';

const TICKET_STATUS = { CLOSED: 'close', OPEN: 'Open', CANCELLED: 'Cancelled' } as const;

type TicketRow = Ticket & {
  workOrders: { woNumber: string }[];
  customer: Pick<Customer, 'customerType'>;
};

export const TICKET_INCLUDE = {
  workOrders: { select: { woNumber: true } },
  customer: { select: { customerType: true } },
} as const;

export function ticketView(t: TicketRow) {
  return {
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
  };
}

/** A customer's tickets, newest first. */
export async function ticketsOf(db: Database, customerId: string) {
  const tickets = await db.ticket.findMany({
    where: { customerId },
    include: TICKET_INCLUDE,
    orderBy: [{ createdAt: 'desc' }, { ticketNo: 'desc' }],
  });
  return tickets.map(ticketView);
}

type WorkOrderRow = WorkOrder & { customer: Pick<Customer, 'id' | 'name' | 'customerType'> };

/** Work orders with their visits (current and history), in the order given. */
export async function workOrderViews(db: Database, rows: WorkOrderRow[]) {
  const visits = await appointmentsByWorkOrder(
    db,
    rows.map((wo) => wo.woNumber),
  );
  return rows.map((wo) => {
    const history = visits.get(wo.woNumber) ?? [];
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
  });
}

export const WORK_ORDER_INCLUDE = { customer: { select: { id: true, name: true, customerType: true } } };

/** One work order as the Billing App shows it, or UNKNOWN_WORK_ORDER. */
export async function workOrderView(db: Database, woNumber: string) {
  const wo = await db.workOrder.findUnique({ where: { woNumber }, include: WORK_ORDER_INCLUDE });
  if (!wo) throw new Refused('UNKNOWN_WORK_ORDER', `work order ${woNumber} does not exist`);
  return (await workOrderViews(db, [wo]))[0]!;
}
