/**
 * The customer-service console's API (operators only): find a customer, read what the Billing App
 * shows of them, and act for them — each action idempotent (Idempotency-Key) and recorded in the
 * audit trail (services/operator-actions.ts). Bills, payments, tickets and upgrades are read with
 * the existing operator reads (`/v1/customers/{id}/bills`, `…/payments`, `…/upgrades`, `/v1/ops/tickets`).
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { Refused } from '../../contracts/refusals';
import {
  CsCancelBody,
  CsNoteBody,
  CsResendBody,
  CsSearchQuery,
  CsVisitBody,
  IdempotencyKey,
  Pagination,
  pageWindow,
} from '../../contracts/requests';
import { toJakartaIso } from '../../domain';
import { createEmailTransport } from '../../platform/notifications/email-transport';
import { createPushGateway } from '../../platform/notifications/push-gateway';
import { appointmentsByWorkOrder, currentAppointment } from '../../services/appointments';
import { TICKET_INCLUDE, ticketView } from '../../services/crm-views';
import {
  ActionRefused,
  cancelOutcome,
  cancelUpgrade,
  noteTicket,
  resendNotice,
  upgradeToCancel,
} from '../../services/cs-actions';
import {
  customerNotices,
  customerProfile,
  customerWorkOrders,
  searchCustomers,
  temporalRunUrl,
} from '../../services/customer-service';
import { requireCustomer } from '../../services/customers';
import {
  ActionKeyReused,
  type ActionRequest,
  auditTrail,
  recordedAction,
} from '../../services/operator-actions';
import { loadUpgradeView } from '../../services/upgrade-views';
import { bookVisit } from '../../services/visit-requests';
import { maintenanceWorkOrder } from '../../services/work-order-runs';
import { principalOf } from '../access';
import type { ApiDependencies } from '../dependencies';
import { ok, operationsOf, problem } from '../operation';
import { HttpProblem, notFound } from '../problem';
import { upgradeView } from '../upgrade-view';
import { BOOKING_ANSWERS } from './visits';

const operation = operationsOf('Customer service');

const IDEMPOTENT = {
  'Idempotency-Key': {
    schema: IdempotencyKey,
    description: 'a repeat with the same key answers the first answer and acts once; a UUID when absent',
    example: 'cs-1',
  },
};
const KEY_REUSED = problem(
  'the Idempotency-Key was used for another action or subject (IDEMPOTENCY_KEY_REUSED)',
);

/** Runs an action once per key, recorded in the audit trail; refusals become problems. */
async function act<A extends Record<string, unknown>>(
  res: Response,
  db: ApiDependencies['db'],
  request: Omit<ActionRequest, 'operator' | 'idempotencyKey'> & { idempotencyKey?: string },
  perform: () => Promise<{ answer: A; outcome: string }>,
) {
  try {
    const { answer, entry, repeated } = await recordedAction(
      db,
      { ...request, operator: principalOf(res).sub, idempotencyKey: request.idempotencyKey ?? randomUUID() },
      // biome-ignore lint/suspicious/noExplicitAny: each answer is a JSON view checked by its response schema
      perform as () => Promise<{ answer: any; outcome: string }>,
    );
    return { ...(answer as A), action: entry, repeated };
  } catch (error) {
    throw actionProblem(error);
  }
}

function actionProblem(error: unknown): unknown {
  if (error instanceof ActionKeyReused) return new Refused('IDEMPOTENCY_KEY_REUSED', error.message);
  if (!(error instanceof ActionRefused)) return error;
  if (error.reason) return new Refused(error.reason, error.message);
  if (error.status === 404) return notFound(error.message);
  return new HttpProblem(503, 'Service Unavailable', error.message);
}

export const CUSTOMER_SERVICE = [
  operation({
    operationId: 'searchCustomers',
    route: 'GET /v1/cs/customers',
    summary: 'Find a customer',
    description:
      'By customer ID, name (any part), phone number (`0857…` or `+62857…`, any part of at least 4 digits), bill code, ticket or WO number. By name, paginated.',
    access: 'operator',
    query: CsSearchQuery,
    responses: { 200: ok('one page of customers', 'CsCustomerSearch') },
    handler: async ({ query: { q, page, pageSize } }, { db }) => ({
      ...(await searchCustomers(db, q, pageWindow({ page, pageSize }))),
      page,
      pageSize,
    }),
  }),
  operation({
    operationId: 'getCustomerProfile',
    route: 'GET /v1/cs/customers/{customerId}',
    summary: 'The customer as the Billing App shows them',
    description:
      'Who, the package and its history, the ONTs, and where the Temporal Web UI shows their runs.',
    access: 'operator',
    responses: { 200: ok('the customer', 'CsCustomerProfile'), 404: problem('no such customer') },
    handler: async ({ params: { customerId } }, { db, config }) => {
      const profile = await customerProfile(db, customerId, new Date());
      if (!profile) throw notFound(`customer ${customerId} does not exist`);
      const runs = temporalRunUrl({ url: config.temporal.uiUrl, namespace: config.temporal.namespace }, '');
      return { ...profile, temporalRunsUrl: runs };
    },
  }),
  operation({
    operationId: 'listCustomerWorkOrders',
    route: 'GET /v1/cs/customers/{customerId}/work-orders',
    summary: 'The customer’s work orders (WO Upgrade and WO Maintenance)',
    description: 'Newest first, each with its visit and the visit’s history.',
    access: 'operator',
    responses: { 200: ok('the work orders', 'CsWorkOrders'), 404: problem('no such customer') },
    handler: async ({ params: { customerId } }, { db }) => {
      await requireCustomer(db, customerId);
      return { workOrders: await customerWorkOrders(db, customerId) };
    },
  }),
  operation({
    operationId: 'listCustomerNotices',
    route: 'GET /v1/cs/customers/{customerId}/notices',
    summary: 'Every notice sent to the customer, per channel',
    description:
      'Push, inbox and email, each delivered, failed (with the provider’s reason) or pending. Newest first.',
    access: 'operator',
    query: Pagination,
    responses: { 200: ok('one page of notices', 'CsNotices'), 404: problem('no such customer') },
    handler: async ({ params: { customerId }, query: { page, pageSize } }, { db }) => {
      await requireCustomer(db, customerId);
      return { ...(await customerNotices(db, customerId, pageWindow({ page, pageSize }))), page, pageSize };
    },
  }),
  operation({
    operationId: 'getAuditTrail',
    route: 'GET /v1/cs/customers/{customerId}/audit-trail',
    summary: 'What customer service did for the customer',
    description:
      'Every action an operator took (who, when, what, on what, why, what came of it), newest first.',
    access: 'operator',
    query: Pagination,
    responses: { 200: ok('one page of the audit trail', 'CsAuditTrail'), 404: problem('no such customer') },
    handler: async ({ params: { customerId }, query: { page, pageSize } }, { db }) => {
      await requireCustomer(db, customerId);
      return { ...(await auditTrail(db, customerId, pageWindow({ page, pageSize }))), page, pageSize };
    },
  }),
  operation({
    operationId: 'cancelUpgradeForCustomer',
    route: 'POST /v1/cs/upgrades/{upgradeId}/cancellation',
    summary: 'Cancel an upgrade in flight, with a reason',
    description:
      'The same ending as "Request Cancellation" in the Temporal Web UI: the run settles it (before the package switch the bill is voided and the WO Upgrade cancelled; after it the open ONT visit is cancelled) and tells the customer; a run already gone is settled by the reconciler. Waits up to 20 s for the settlement and answers the upgrade as it left it; the customer may then upgrade again.',
    access: 'operator',
    headers: IDEMPOTENT,
    body: { name: 'CsCancelRequest', schema: CsCancelBody, example: { reason: 'Pelanggan berubah pikiran' } },
    responses: {
      200: ok('the upgrade as the cancel left it', 'CsCancelAnswer'),
      404: problem('no such upgrade'),
      409: problem('the upgrade is no longer in flight (NOT_IN_FLIGHT)'),
      422: KEY_REUSED,
      503: problem('Temporal did not take the cancel; nothing changed, try again'),
    },
    handler: async ({ params: { upgradeId }, headers, body, res }, { db, temporal, config }) => {
      const found = await db.upgradeRequest.findUnique({
        where: { id: upgradeId },
        select: { customerId: true },
      });
      if (!found) throw notFound(`upgrade ${upgradeId} does not exist`);
      return act(
        res,
        db,
        {
          action: 'CANCEL_UPGRADE',
          idempotencyKey: headers['Idempotency-Key'],
          customerId: found.customerId,
          subject: upgradeId,
          reason: body.reason,
        },
        async () => {
          await upgradeToCancel(db, upgradeId);
          const { settled } = await cancelUpgrade(
            { db, temporal, taskQueue: config.temporal.taskQueue },
            upgradeId,
          );
          const view = upgradeView((await loadUpgradeView(db, upgradeId))!);
          return { answer: { upgrade: view, settled }, outcome: await cancelOutcome(db, upgradeId) };
        },
      );
    },
  }),
  operation({
    operationId: 'bookVisitForCustomer',
    route: 'POST /v1/cs/customers/{customerId}/work-orders/{woNumber}/appointment',
    summary: 'Book or move the technician’s visit for the customer',
    description:
      'The customer on the phone asks: the same rules as the customer’s own move (a free place, at least VISIT_MOVE_LEAD_HOURS before both the visit booked and the new one), and CS may book the first visit too. Recorded as booked by CS.',
    access: 'operator',
    headers: IDEMPOTENT,
    body: {
      name: 'CsVisitRequest',
      schema: CsVisitBody,
      example: { date: '2025-11-25', slot: '13-15', reason: 'Pelanggan minta sore hari' },
    },
    responses: {
      200: ok('the visit booked', 'CsVisitAnswer'),
      ...BOOKING_ANSWERS,
      422: problem(
        'not a date (NOT_A_DATE), not a slot (NOT_A_SLOT), a Sunday (NOT_A_WORKING_DAY), in the past (IN_THE_PAST), too close to move (TOO_LATE_TO_MOVE), or the Idempotency-Key was used for another action or subject (IDEMPOTENCY_KEY_REUSED)',
      ),
    },
    handler: async ({ params: { customerId, woNumber }, headers, body, res }, deps) => {
      // Another customer's work order is refused before anything is recorded.
      await maintenanceWorkOrder(deps.db, woNumber, { customerId });
      return act(
        res,
        deps.db,
        {
          action: 'BOOK_VISIT',
          idempotencyKey: headers['Idempotency-Key'],
          customerId,
          subject: woNumber,
          reason: body.reason,
        },
        async () => {
          const visit = await bookVisit(
            deps,
            {
              woNumber,
              date: body.date,
              slot: body.slot,
              by: 'CS',
              minLeadHours: deps.config.visitMoveLeadHours,
            },
            { customerId },
          );
          const outcome = visit.previous
            ? `Kunjungan dipindah dari ${visit.previous.slot} ${visit.previous.date} ke ${visit.appointment.label}.`
            : `Kunjungan dijadwalkan ${visit.appointment.label}.`;
          return { answer: { visit }, outcome };
        },
      );
    },
  }),
  operation({
    operationId: 'resendNotice',
    route: 'POST /v1/cs/notices/{notificationId}/resend',
    summary: 'Send a notice again that was not delivered',
    description:
      'On its own channel, under its own idempotency key: the push from what it said, the email from the copy kept before its first send. A delivered notice is never sent twice (409).',
    access: 'operator',
    headers: IDEMPOTENT,
    body: {
      name: 'CsResendRequest',
      schema: CsResendBody,
      example: { reason: 'Alamat email sudah diperbaiki' },
    },
    responses: {
      200: ok('delivered, or refused again with the reason', 'CsResendAnswer'),
      404: problem('no such notice'),
      409: problem('delivered already (ALREADY_DELIVERED), or no copy of the email kept (NO_EMAIL_COPY)'),
      422: KEY_REUSED,
    },
    handler: async ({ params: { notificationId }, headers, body, res }, { db, config }) => {
      const found = await db.notification.findUnique({
        where: { id: notificationId },
        select: { customerId: true },
      });
      if (!found) throw notFound(`notice ${notificationId} does not exist`);
      return act(
        res,
        db,
        {
          action: 'RESEND_NOTICE',
          idempotencyKey: headers['Idempotency-Key'],
          customerId: found.customerId,
          subject: String(notificationId),
          reason: body.reason,
        },
        async () => {
          const transports = {
            db,
            email: createEmailTransport(config.email, db),
            push: createPushGateway(db),
          };
          const notice = await resendNotice(transports, notificationId);
          const outcome =
            notice.status === 'DELIVERED'
              ? `${notice.kind} lewat ${notice.channel} terkirim ulang.`
              : `${notice.kind} lewat ${notice.channel} tetap gagal: ${notice.failureReason}.`;
          return { answer: { notice }, outcome };
        },
      );
    },
  }),
  operation({
    operationId: 'noteTicket',
    route: 'POST /v1/cs/tickets/{ticketNo}/notes',
    summary: 'Add a note to a ticket (the CRM’s "Noted")',
    description: 'A line on the ticket naming who wrote it and when; the note is also the audit trail’s why.',
    access: 'operator',
    headers: IDEMPOTENT,
    body: {
      name: 'CsNoteRequest',
      schema: CsNoteBody,
      example: { note: 'Pelanggan dihubungi, minta dijadwalkan ulang' },
    },
    responses: {
      200: ok('the ticket with its note', 'CsNoteAnswer'),
      404: problem('no such ticket'),
      422: KEY_REUSED,
    },
    handler: async ({ params: { ticketNo }, headers, body, res }, { db }) => {
      const found = await db.ticket.findUnique({ where: { ticketNo }, select: { customerId: true } });
      if (!found) throw notFound(`ticket ${ticketNo} does not exist`);
      const operator = principalOf(res).sub;
      return act(
        res,
        db,
        {
          action: 'NOTE_TICKET',
          idempotencyKey: headers['Idempotency-Key'],
          customerId: found.customerId,
          subject: ticketNo,
          reason: body.note,
        },
        async () => {
          const at = toJakartaIso(new Date());
          await noteTicket(db, ticketNo, `Noted ${operator} ${at}: ${body.note}`);
          const ticket = await db.ticket.findUniqueOrThrow({ where: { ticketNo }, include: TICKET_INCLUDE });
          return {
            answer: { ticket: ticketView(ticket) },
            outcome: `Catatan ditambahkan ke tiket ${ticketNo}.`,
          };
        },
      );
    },
  }),
];
