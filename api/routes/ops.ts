import { pageWindow, TicketQuery, UpgradeStatusQuery } from '../../contracts/requests';
import { toJakartaIso } from '../../domain';
import { appointmentsByWorkOrder, appointmentView, currentAppointment } from '../../services/appointments';
import { ok, operationsOf, problem } from '../operation';
import { notFound } from '../problem';
import { upgradeViews } from '../upgrade-view';

const operation = operationsOf('Operations');

/** The Billing App / CRM views of the deck, as JSON, for operators. */
export const OPS = [
  operation({
    operationId: 'listAllUpgrades',
    route: 'GET /v1/ops/upgrades',
    summary: 'Upgrades of every customer',
    description: 'Newest first, filtered by status and customer, paginated.',
    access: 'operator',
    query: UpgradeStatusQuery,
    responses: { 200: ok('one page of upgrades', 'UpgradePage') },
    handler: async ({ query: { status, customerId, page, pageSize } }, { db }) => {
      const rows = await db.upgradeRequest.findMany({
        where: { ...(status ? { status } : {}), ...(customerId ? { customerId } : {}) },
        orderBy: { requestedAt: 'desc' },
        ...pageWindow({ page, pageSize }),
      });
      return { upgrades: await upgradeViews(db, rows), page, pageSize };
    },
  }),
  operation({
    operationId: 'listTickets',
    route: 'GET /v1/ops/tickets',
    summary: 'A customer’s CRM trouble tickets',
    description: 'Newest first.',
    access: 'operator',
    query: TicketQuery,
    responses: { 200: ok('the tickets', 'TicketList') },
    handler: async ({ query: { customerId } }, { db }) => {
      const tickets = await db.ticket.findMany({
        where: { customerId },
        include: { workOrders: { select: { woNumber: true } }, customer: { select: { customerType: true } } },
        orderBy: [{ createdAt: 'desc' }, { ticketNo: 'desc' }],
      });
      return {
        tickets: tickets.map((t) => ({
          ticketNo: t.ticketNo,
          kind: t.kind,
          title: t.title,
          description: t.description,
          status: ({ CLOSED: 'close', OPEN: 'Open', CANCELLED: 'Cancelled' } as const)[t.status],
          createdBy: t.createdBy,
          mode: t.mode,
          customerType: t.customer.customerType,
          notes: t.notes,
          createdAt: toJakartaIso(t.createdAt),
          closedAt: t.closedAt ? toJakartaIso(t.closedAt) : null,
          workOrderNo: t.workOrders[0]?.woNumber ?? null,
          upgradeId: t.upgradeId,
        })),
      };
    },
  }),
  operation({
    operationId: 'getWorkOrder',
    route: 'GET /v1/ops/work-orders/{woNumber}',
    summary: 'A work order as the Billing App shows it',
    description: 'Upgrade or maintenance (ONT swap) work order, with the technician visit and its history.',
    access: 'operator',
    responses: { 200: ok('the work order', 'WorkOrderView'), 404: problem('no such work order') },
    handler: async ({ params: { woNumber } }, { db }) => {
      const wo = await db.workOrder.findUnique({ where: { woNumber }, include: { customer: true } });
      if (!wo) throw notFound(`work order ${woNumber} does not exist`);
      const history = (await appointmentsByWorkOrder(db, [woNumber])).get(woNumber) ?? [];
      const current = currentAppointment(history);
      const { id, name, customerType } = wo.customer;
      return {
        woNumber: wo.woNumber,
        type: wo.type,
        status: wo.status === 'REPLACING' ? 'Replacing' : wo.status,
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
    },
  }),
];
