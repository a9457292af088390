import { pageWindow, TicketQuery, UpgradeStatusQuery } from '../../contracts/requests';
import { ticketsOf, workOrderView } from '../../services/crm-views';
import { ok, operationsOf, refusals } from '../operation';
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
    handler: async ({ query: { customerId } }, { db }) => ({ tickets: await ticketsOf(db, customerId) }),
  }),
  operation({
    operationId: 'getWorkOrder',
    route: 'GET /v1/ops/work-orders/{woNumber}',
    summary: 'A work order as the Billing App shows it',
    description: 'Upgrade or maintenance (ONT swap) work order, with the technician visit and its history.',
    access: 'operator',
    responses: { 200: ok('the work order', 'WorkOrderView'), ...refusals('UNKNOWN_WORK_ORDER') },
    handler: async ({ params: { woNumber } }, { db }) => workOrderView(db, woNumber),
  }),
];
