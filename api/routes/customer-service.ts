/**
 * The customer-service console's API (CS agents only, role cs): find a customer, read what the
 * Billing App shows of them, and act for them — each action idempotent (Idempotency-Key) and
 * recorded in the audit trail (services/operator-actions.ts), each read of a customer's data in
 * the access record (services/access-records.ts). Bills, payments and upgrades are read with the
 * customer's own reads (`/v1/customers/{id}/bills`, `…/payments`, `…/upgrades`), which CS may read.
 */
import type { Response } from 'express';
import type { RefusalCode } from '../../contracts/refusals';
import {
  CsCancelBody,
  CsNoteBody,
  CsResendBody,
  CsSearchQuery,
  CsVisitBody,
  IdempotencyKey,
  Pagination,
} from '../../contracts/requests';
import type { Database } from '../../platform/database';
import { ticketsOf } from '../../services/crm-views';
import { bookVisitFor, cancelUpgradeFor, noteTicketFor, resendNoticeFor } from '../../services/cs-requests';
import {
  customerNotices,
  customerProfile,
  customerWorkOrders,
  searchCustomers,
} from '../../services/customer-service';
import { requireCustomer } from '../../services/customers';
import { auditTrail } from '../../services/operator-actions';
import { principalOf, readCustomer } from '../access';
import { ok, operationsOf, paged, problem, refusals, UNAVAILABLE } from '../operation';
import { upgradeView } from '../upgrade-view';
import { BOOKING_REFUSALS } from './visits';

const operation = operationsOf('Customer service');

type PageWindow = { skip: number; take: number };

const IDEMPOTENT = {
  'Idempotency-Key': {
    schema: IdempotencyKey,
    description: 'a repeat with the same key answers the first answer and acts once; a UUID when absent',
    example: 'cs-1',
  },
};

/** A CS action's refusals: its own, then its Idempotency-Key used before for another action. */
const actionRefusals = (...codes: RefusalCode[]) => refusals(...codes, 'IDEMPOTENCY_KEY_REUSED');

/** The operator acting, and the request's key: each action runs once per key (the audit trail). */
const actedBy = (res: Response, headers: { 'Idempotency-Key'?: string }) => ({
  operator: principalOf(res).sub,
  idempotencyKey: headers['Idempotency-Key'],
});

/** One of a customer's lists, whole, under `key`; or 404 for a customer who does not exist. */
const customerList =
  <K extends string, T>(key: K, list: (db: Database, customerId: string) => Promise<T>) =>
  async ({ params: { customerId } }: { params: { customerId: string } }, { db }: { db: Database }) => {
    await requireCustomer(db, customerId);
    return { [key]: await list(db, customerId) } as Record<K, T>;
  };

/** A page of one of a customer's lists, or 404 for a customer who does not exist. */
const customerPage =
  <T extends object>(list: (db: Database, customerId: string, window: PageWindow) => Promise<T>) =>
  async (
    {
      params: { customerId },
      query,
    }: { params: { customerId: string }; query: { page: number; pageSize: number } },
    { db }: { db: Database },
  ) => {
    await requireCustomer(db, customerId);
    return paged(query, (w) => list(db, customerId, w));
  };

export const CUSTOMER_SERVICE = [
  operation({
    operationId: 'searchCustomers',
    route: 'GET /v1/cs/customers',
    summary: 'Find a customer',
    description:
      'By customer ID, name (any part of at least 3 letters or digits; `%` and `_` are plain characters), phone number (`0857…` or `+62857…`, any part of at least 4 digits), bill code, ticket or WO number. By name; at most 20 a page and 5 pages (100 customers per query: refine it to find others). Each customer shown is recorded in the access record.',
    access: 'cs',
    query: CsSearchQuery,
    responses: {
      200: ok('one page of customers', 'CsCustomerSearch'),
      ...refusals('SEARCH_TOO_SHORT'),
    },
    handler: async ({ query, res }, { db }) => {
      const found = await paged(query, (w) => searchCustomers(db, query.q, w));
      readCustomer(res, ...found.customers.map((c) => c.customerId));
      return found;
    },
  }),
  operation({
    operationId: 'getCustomerProfile',
    route: 'GET /v1/cs/customers/{customerId}',
    summary: 'The customer as the Billing App shows them',
    description:
      'Who, the package and its history, the ONTs, and where the Temporal Web UI shows their runs.',
    access: 'cs',
    responses: { 200: ok('the customer', 'CsCustomerProfile'), ...refusals('UNKNOWN_CUSTOMER') },
    handler: ({ params: { customerId } }, { db, config }) =>
      customerProfile(db, customerId, { url: config.temporal.uiUrl, namespace: config.temporal.namespace }),
  }),
  operation({
    operationId: 'listCustomerWorkOrders',
    route: 'GET /v1/cs/customers/{customerId}/work-orders',
    summary: 'The customer’s work orders (WO Upgrade and WO Maintenance)',
    description: 'Newest first, each with its visit and the visit’s history.',
    access: 'cs',
    responses: { 200: ok('the work orders', 'CsWorkOrders'), 404: problem('no such customer') },
    handler: customerList('workOrders', customerWorkOrders),
  }),
  operation({
    operationId: 'listCustomerTickets',
    route: 'GET /v1/cs/customers/{customerId}/tickets',
    summary: 'The customer’s CRM trouble tickets',
    description: 'Newest first, each with its notes.',
    access: 'cs',
    responses: { 200: ok('the tickets', 'TicketList'), 404: problem('no such customer') },
    handler: customerList('tickets', ticketsOf),
  }),
  operation({
    operationId: 'listCustomerNotices',
    route: 'GET /v1/cs/customers/{customerId}/notices',
    summary: 'Every notice sent to the customer, per channel',
    description:
      'Push, inbox and email, each delivered, failed (with the provider’s reason) or pending. Newest first.',
    access: 'cs',
    query: Pagination,
    responses: { 200: ok('one page of notices', 'CsNotices'), 404: problem('no such customer') },
    handler: customerPage(customerNotices),
  }),
  operation({
    operationId: 'getAuditTrail',
    route: 'GET /v1/cs/customers/{customerId}/audit-trail',
    summary: 'What customer service did for the customer',
    description: 'Every action CS took (who, when, what, on what, why, what came of it), newest first.',
    access: 'cs',
    query: Pagination,
    responses: { 200: ok('one page of the audit trail', 'CsAuditTrail'), 404: problem('no such customer') },
    handler: customerPage(auditTrail),
  }),
  operation({
    operationId: 'cancelUpgradeForCustomer',
    route: 'POST /v1/cs/upgrades/{upgradeId}/cancellation',
    summary: 'Cancel an upgrade in flight, with a reason',
    description:
      'The same ending as "Request Cancellation" in the Temporal Web UI: the run settles it (before the package switch the bill is voided and the WO Upgrade cancelled; after it the open ONT visit is cancelled) and tells the customer; a run already gone is settled by the reconciler. Waits up to 20 s for the settlement and answers the upgrade as it left it; the customer may then upgrade again.',
    access: 'cs',
    headers: IDEMPOTENT,
    body: { name: 'CsCancelRequest', schema: CsCancelBody, example: { reason: 'Pelanggan berubah pikiran' } },
    responses: {
      200: ok('the upgrade as the cancel left it', 'CsCancelAnswer'),
      ...actionRefusals('UNKNOWN_UPGRADE', 'NOT_IN_FLIGHT'),
      503: UNAVAILABLE,
    },
    handler: ({ params: { upgradeId }, headers, body, res }, deps) =>
      cancelUpgradeFor(deps, actedBy(res, headers), { upgradeId, reason: body.reason }, upgradeView),
  }),
  operation({
    operationId: 'bookVisitForCustomer',
    route: 'POST /v1/cs/customers/{customerId}/work-orders/{woNumber}/appointment',
    summary: 'Book or move the technician’s visit for the customer',
    description:
      'The customer on the phone asks: the same rules as the customer’s own move (a free place, at least VISIT_MOVE_LEAD_HOURS before both the visit booked and the new one), and CS may book the first visit too. Recorded as booked by CS.',
    access: 'cs',
    headers: IDEMPOTENT,
    body: {
      name: 'CsVisitRequest',
      schema: CsVisitBody,
      example: { date: '2025-11-25', slot: '13-15', reason: 'Pelanggan minta sore hari' },
    },
    responses: {
      200: ok('the visit booked', 'CsVisitAnswer'),
      ...actionRefusals(...BOOKING_REFUSALS),
      503: UNAVAILABLE,
    },
    handler: ({ params: { customerId, woNumber }, headers, body, res }, deps) =>
      bookVisitFor(deps, actedBy(res, headers), { customerId, woNumber, ...body }),
  }),
  operation({
    operationId: 'resendNotice',
    route: 'POST /v1/cs/notices/{notificationId}/resend',
    summary: 'Send a notice again that was not delivered',
    description:
      'On its own channel, under its own idempotency key: the push from what it said, the email from the copy kept before its first send. A delivered notice is never sent twice (409).',
    access: 'cs',
    headers: IDEMPOTENT,
    body: {
      name: 'CsResendRequest',
      schema: CsResendBody,
      example: { reason: 'Alamat email sudah diperbaiki' },
    },
    responses: {
      200: ok('delivered, or refused again with the reason', 'CsResendAnswer'),
      ...actionRefusals('UNKNOWN_NOTICE', 'ALREADY_DELIVERED', 'NO_EMAIL_COPY'),
    },
    handler: ({ params: { notificationId }, headers, body, res }, deps) =>
      resendNoticeFor(deps, actedBy(res, headers), { notificationId, reason: body.reason }),
  }),
  operation({
    operationId: 'noteTicket',
    route: 'POST /v1/cs/tickets/{ticketNo}/notes',
    summary: 'Add a note to a ticket (the CRM’s "Noted")',
    description: 'A line on the ticket naming who wrote it and when; the note is also the audit trail’s why.',
    access: 'cs',
    headers: IDEMPOTENT,
    body: {
      name: 'CsNoteRequest',
      schema: CsNoteBody,
      example: { note: 'Pelanggan dihubungi, minta dijadwalkan ulang' },
    },
    responses: {
      200: ok('the ticket with its note', 'CsNoteAnswer'),
      ...actionRefusals('UNKNOWN_TICKET'),
    },
    handler: ({ params: { ticketNo }, headers, body, res }, deps) =>
      noteTicketFor(deps, actedBy(res, headers), { ticketNo, note: body.note }),
  }),
];
