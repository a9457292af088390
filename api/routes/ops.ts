import { AccessRecordQuery, pageWindow, TicketQuery, UpgradeStatusQuery } from '../../contracts/requests';
import { accessRecords } from '../../services/access-records';
import { ticketsOf, workOrderView } from '../../services/crm-views';
import { readCustomer, showingCustomer } from '../access';
import { ok, operationsOf, paged, refusals } from '../operation';
import { upgradeViews } from '../upgrade-view';

const operation = operationsOf('Operations');

/** The Billing App / CRM views of the deck, as JSON, for operators; each customer shown is in the access record. */
export const OPS = [
  operation({
    operationId: 'listAllUpgrades',
    route: 'GET /v1/ops/upgrades',
    summary: 'Upgrades of every customer',
    description: 'Newest first, filtered by status and customer, paginated.',
    access: 'operator',
    query: UpgradeStatusQuery,
    responses: { 200: ok('one page of upgrades', 'UpgradePage') },
    handler: async ({ query: { status, customerId, page, pageSize }, res }, { db }) => {
      const rows = await db.upgradeRequest.findMany({
        where: { ...(status ? { status } : {}), ...(customerId ? { customerId } : {}) },
        orderBy: { requestedAt: 'desc' },
        ...pageWindow({ page, pageSize }),
      });
      readCustomer(res, ...rows.map((r) => r.customerId));
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
    handler: async ({ query: { customerId }, res }, { db }) => {
      readCustomer(res, customerId);
      return { tickets: await ticketsOf(db, customerId) };
    },
  }),
  operation({
    operationId: 'getWorkOrder',
    route: 'GET /v1/ops/work-orders/{woNumber}',
    summary: 'A work order as the Billing App shows it',
    description: 'Upgrade or maintenance (ONT swap) work order, with the technician visit and its history.',
    access: 'operator',
    responses: { 200: ok('the work order', 'WorkOrderView'), ...refusals('UNKNOWN_WORK_ORDER') },
    handler: async ({ params: { woNumber }, res }, { db }) =>
      showingCustomer(res, await workOrderView(db, woNumber)),
  }),
  operation({
    operationId: 'listAccessRecords',
    route: 'GET /v1/ops/access-records',
    summary: 'Who read whose personal data (UU PDP 27/2022)',
    description:
      'Every staff read of a customer’s personal data: the CS console’s profile and tabs, each customer a search showed, the ops views, each payload the codec server decrypted (by whom; the customer if the payload names one, else the workflow ID). Filtered by customer or by staff account, newest first, paginated. Reading this list is not itself recorded.',
    access: 'operator',
    query: AccessRecordQuery,
    responses: { 200: ok('one page of the access record', 'AccessRecords') },
    handler: ({ query: { customerId, reader, page, pageSize } }, { db }) =>
      paged({ page, pageSize }, (w) => accessRecords(db, { customerId, reader }, w)),
  }),
];
