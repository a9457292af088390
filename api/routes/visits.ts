/**
 * The technician's visit for an ONT swap (TMF646's appointment): free slots, the vendor's
 * dispatcher booking or moving it, the customer moving it, a technician reporting it missed.
 * Bookings go to the waiting run as a Temporal update: its validator refuses what cannot be
 * booked (answered 422/409 before anything is written), its handler books the place.
 */

import { AppointmentBody, AvailableSlotsQuery, VisitReportBody } from '../../contracts/requests';
import { jakartaDateOf } from '../../domain/calendar';
import { availableSlots } from '../../services/appointments';
import { bookVisit, reportMissedVisit } from '../../services/visit-requests';
import { maintenanceWorkOrder } from '../../services/work-order-runs';
import { assertMaySeeWorkOrder, principalOf, vendorOf } from '../access';
import { ok, operationsOf, refusals, UNAVAILABLE } from '../operation';

const operation = operationsOf('Visits');

/** Why a booking or a move is refused (the customer's, the vendor's and CS's alike). */
export const BOOKING_REFUSALS = [
  'UNKNOWN_WORK_ORDER',
  'SLOT_FULL',
  'NOT_AWAITING_VISIT',
  'NOT_MAINTENANCE',
  'NOT_A_DATE',
  'NOT_A_SLOT',
  'NOT_A_WORKING_DAY',
  'IN_THE_PAST',
  'TOO_LATE_TO_MOVE',
] as const;
const BOOKING_ANSWERS = { ...refusals(...BOOKING_REFUSALS), 503: UNAVAILABLE };

export const VISITS = [
  operation({
    operationId: 'getAvailableSlots',
    route: 'GET /v1/work-orders/{woNumber}/available-slots',
    summary: 'Free visit slots for a maintenance work order',
    description:
      'Working days (Monday to Saturday) and slots (Jakarta hours) from `from` (today) for `days` days, with the places the vendor has left in the work order’s area. Slots already started are left out, and for a customer or CS the slots within `moveLeadHours`, which they may not book.',
    access: 'work-order-read',
    query: AvailableSlotsQuery,
    responses: {
      200: ok('the slots', 'AvailableSlots'),
      ...refusals('UNKNOWN_WORK_ORDER', 'NOT_MAINTENANCE'),
    },
    handler: async ({ params: { woNumber }, query, res }, { db, config }) => {
      const found = await db.workOrder.findUnique({
        where: { woNumber },
        select: { customerId: true, vendor: true },
      });
      // Another customer's (or vendor's) work order answers 404 before anything else is said of it.
      if (found) assertMaySeeWorkOrder(res, found, woNumber);
      const workOrder = await maintenanceWorkOrder(db, woNumber);
      const now = new Date();
      // The dispatcher books any slot not yet begun; a customer (or CS for one) only what she may book.
      const leadHours = principalOf(res).role === 'technician' ? 0 : config.visitMoveLeadHours;
      const { area, slots } = await availableSlots(
        db,
        workOrder.fatCode,
        query.from ?? jakartaDateOf(now),
        query.days,
        { now, minLeadHours: leadHours },
      );
      return { workOrderNumber: woNumber, area, moveLeadHours: config.visitMoveLeadHours, slots };
    },
  }),
  operation({
    operationId: 'bookAppointment',
    route: 'POST /v1/technician/work-orders/{woNumber}/appointment',
    summary: 'Book (201) or move (200) the technician’s visit',
    description:
      'The vendor’s dispatcher books the visit in a slot with a free place; the customer is told (push, inbox, email) and reminded the day before.',
    access: 'technician',
    body: {
      name: 'AppointmentRequest',
      schema: AppointmentBody,
      example: { date: '2025-11-24', slot: '08-10' },
    },
    responses: {
      200: ok('the visit moved', 'AppointmentAnswer'),
      201: ok('the visit booked', 'AppointmentAnswer'),
      ...BOOKING_ANSWERS,
    },
    handler: async ({ params: { woNumber }, body, res }, deps) => {
      const answer = await bookVisit(
        deps,
        { woNumber, ...body, by: 'TECHNICIAN', minLeadHours: 0 },
        { vendor: vendorOf(res) },
      );
      res.status(answer.previous ? 200 : 201);
      return answer;
    },
  }),
  operation({
    operationId: 'moveAppointment',
    route: 'PUT /v1/customers/{customerId}/work-orders/{woNumber}/appointment',
    summary: 'The customer books or moves the technician’s visit',
    description:
      'Books the first visit when none is booked (the vendor has not yet, or the last one was missed), or moves the visit booked: to a slot with a free place, at least VISIT_MOVE_LEAD_HOURS (24) before both the visit booked and the new one (`previous` is null for a first booking).',
    access: 'customer-act',
    body: {
      name: 'AppointmentRequest',
      schema: AppointmentBody,
      example: { date: '2025-11-25', slot: '13-15' },
    },
    responses: { 200: ok('the visit moved', 'AppointmentAnswer'), ...BOOKING_ANSWERS },
    handler: async ({ params: { customerId, woNumber }, body }, deps) => {
      const minLeadHours = deps.config.visitMoveLeadHours;
      return bookVisit(deps, { woNumber, ...body, by: 'CUSTOMER', minLeadHours }, { customerId });
    },
  }),
  operation({
    operationId: 'reportVisit',
    route: 'POST /v1/technician/work-orders/{woNumber}/visit-report',
    summary: 'Report that the visit did not swap the ONT (pending)',
    description:
      'The visit booked is recorded as missed with its category; the customer is told and the vendor books a new visit. Only once the visit’s slot has begun (VISIT_NOT_STARTED before). The swap itself is reported with `ont-replacement`.',
    access: 'technician',
    body: {
      name: 'VisitReport',
      schema: VisitReportBody,
      example: {
        outcome: 'PENDING',
        category: 'CUSTOMER_NOT_HOME',
        remark: 'Rumah kosong, telepon tidak diangkat',
      },
    },
    responses: {
      202: ok('the report reached the upgrade', 'OntReplacementAccepted'),
      ...refusals(
        'UNKNOWN_WORK_ORDER',
        'NOT_MAINTENANCE',
        'NO_VISIT_BOOKED',
        'VISIT_NOT_STARTED',
        'WORK_ORDER_CLOSED',
      ),
      503: UNAVAILABLE,
    },
    handler: async ({ params: { woNumber }, body, res }, deps) => {
      const answer = await reportMissedVisit(
        deps,
        woNumber,
        { category: body.category, remark: body.remark ?? null },
        { vendor: vendorOf(res) },
      );
      res.status(202);
      return answer;
    },
  }),
];
