/**
 * The technician's visit for an ONT swap (TMF646's appointment): free slots, the vendor's
 * dispatcher booking or moving it, the customer moving it, a technician reporting it missed.
 * Bookings go to the waiting run as a Temporal update: its validator refuses what cannot be
 * booked (answered 422/409 before anything is written), its handler books the place.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Response } from 'express';
import {
  type BookedVisit,
  bookVisitUpdate,
  type VisitBooker,
  visitReportedSignal,
} from '../../contracts/upgrade';
import { jakartaDateOf } from '../../domain/calendar';
import { bookingRefusal } from '../../domain/visits';
import {
  appointmentSummary,
  appointmentsByWorkOrder,
  appointmentView,
  availableSlots,
  currentAppointment,
} from '../../services/appointments';
import { assertMaySeeWorkOrder, assertVendorsWorkOrder } from '../access';
import type { ApiDependencies } from '../dependencies';
import { ok, operationsOf, problem } from '../operation';
import { conflict, HttpProblem, notFound, unprocessable } from '../problem';
import { AppointmentBody, AvailableSlotsQuery, VisitReportBody } from '../schemas';

const operation = operationsOf('Visits');

export const BOOKING_ANSWERS = {
  404: problem('no such work order (or another customer’s)'),
  409: problem(
    'the slot is full (SLOT_FULL), the work order is not waiting for a visit (NOT_AWAITING_VISIT: closed, swapped, or no visit booked yet to move), or not a maintenance WO (NOT_MAINTENANCE)',
  ),
  422: problem(
    'not a date (NOT_A_DATE), not a slot (NOT_A_SLOT), a Sunday (NOT_A_WORKING_DAY), in the past (IN_THE_PAST), or too close to move (TOO_LATE_TO_MOVE)',
  ),
  503: problem('Temporal did not take the booking; nothing changed, try again'),
};

export const VISITS = [
  operation({
    operationId: 'getAvailableSlots',
    route: 'GET /v1/work-orders/{woNumber}/available-slots',
    summary: 'Free visit slots for a maintenance work order',
    description:
      'Working days (Monday to Saturday) and slots (Jakarta hours) from `from` (today) for `days` days, with the places the vendor has left in the work order’s area. Slots already started are left out.',
    access: 'work-order-read',
    query: AvailableSlotsQuery,
    responses: {
      200: ok('the slots', 'AvailableSlots'),
      404: problem('no such work order'),
      409: problem('not a maintenance WO: no visit to book (NOT_MAINTENANCE)'),
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
      const { area, slots } = await availableSlots(
        db,
        workOrder.fatCode,
        query.from ?? jakartaDateOf(now),
        query.days,
        now,
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
      const workOrder = await maintenanceWorkOrder(deps.db, woNumber, res);
      const booked = await book(deps, workOrder, { ...body, by: 'TECHNICIAN', minLeadHours: 0 });
      res.status(booked.previous ? 200 : 201);
      return answer(deps, workOrder.upgradeId!, booked);
    },
  }),
  operation({
    operationId: 'moveAppointment',
    route: 'PUT /v1/customers/{customerId}/work-orders/{woNumber}/appointment',
    summary: 'The customer moves the technician’s visit',
    description:
      'To another slot with a free place, at least VISIT_MOVE_LEAD_HOURS (24) before both the visit booked and the new one. Only a visit the vendor booked can be moved.',
    access: 'customer-act',
    body: {
      name: 'AppointmentRequest',
      schema: AppointmentBody,
      example: { date: '2025-11-25', slot: '13-15' },
    },
    responses: { 200: ok('the visit moved', 'AppointmentAnswer'), ...BOOKING_ANSWERS },
    handler: async ({ params: { customerId, woNumber }, body }, deps) => {
      const workOrder = await maintenanceWorkOrder(deps.db, woNumber);
      if (workOrder.customerId !== customerId) throw notFound(`work order ${woNumber} does not exist`);
      const current = currentAppointment(
        (await appointmentsByWorkOrder(deps.db, [woNumber])).get(woNumber) ?? [],
      );
      // The visit booked may not be moved once it is too close, whatever the new slot.
      if (current?.status === 'BOOKED') {
        refuseIfTooClose(deps, current.date, current.slot);
      }
      const booked = await book(deps, workOrder, {
        ...body,
        by: 'CUSTOMER',
        minLeadHours: deps.config.visitMoveLeadHours,
      });
      return answer(deps, workOrder.upgradeId!, booked);
    },
  }),
  operation({
    operationId: 'reportVisit',
    route: 'POST /v1/technician/work-orders/{woNumber}/visit-report',
    summary: 'Report that the visit did not swap the ONT (pending)',
    description:
      'The visit booked is recorded as missed with its category; the customer is told and the vendor books a new visit. The swap itself is reported with `ont-replacement`.',
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
      404: problem('no such work order'),
      409: problem('no visit is booked (NO_VISIT_BOOKED), or the work order is closed (WORK_ORDER_CLOSED)'),
      503: problem('Temporal did not take the report; nothing changed, try again'),
    },
    handler: async ({ params: { woNumber }, body, res }, { db, temporal, logger }) => {
      const workOrder = await maintenanceWorkOrder(db, woNumber, res);
      const upgradeId = workOrder.upgradeId!;
      const current = currentAppointment((await appointmentsByWorkOrder(db, [woNumber])).get(woNumber) ?? []);
      if (current?.status !== 'BOOKED') {
        throw conflict(`work order ${woNumber} has no visit booked to report on`, {
          reason: 'NO_VISIT_BOOKED',
        });
      }
      try {
        await temporal.workflow.getHandle(upgradeId).signal(visitReportedSignal, {
          workOrderNumber: woNumber,
          outcome: 'PENDING',
          category: body.category,
          remark: body.remark ?? null,
          reportedAt: new Date().toISOString(),
        });
      } catch (error) {
        throw temporalRefusal(error, woNumber, logger);
      }
      res.status(202);
      return {
        workOrderNumber: woNumber,
        upgradeId,
        status: 'ACCEPTED' as const,
        links: { upgrade: `/v1/upgrades/${upgradeId}` },
      };
    },
  }),
];

/** A maintenance WO whose visit is still to happen, or the answer saying why not (a technician: their vendor's only). */
export async function maintenanceWorkOrder(
  db: ApiDependencies['db'],
  woNumber: string,
  technician?: Response,
) {
  const workOrder = await db.workOrder.findUnique({ where: { woNumber } });
  if (!workOrder) throw notFound(`work order ${woNumber} does not exist`);
  if (technician) assertVendorsWorkOrder(technician, workOrder, woNumber);
  if (workOrder.type !== 'MAINTENANCE' || !workOrder.upgradeId) {
    throw conflict(`work order ${woNumber} is an ${workOrder.type} order, not an ONT swap`, {
      reason: 'NOT_MAINTENANCE',
    });
  }
  return workOrder;
}

/** Sends the booking to the waiting run; its refusals become 409/422 answers. */
export async function book(
  { temporal, logger }: ApiDependencies,
  workOrder: { woNumber: string; upgradeId: string | null; status: string },
  request: { date: string; slot: string; by: VisitBooker; minLeadHours: number },
): Promise<BookedVisit> {
  if (workOrder.status !== 'REPLACING') {
    throw conflict(`work order ${workOrder.woNumber} is ${workOrder.status}: no visit to book`, {
      reason: 'NOT_AWAITING_VISIT',
    });
  }
  try {
    return await temporal.workflow
      .getHandle(workOrder.upgradeId!)
      .executeUpdate(bookVisitUpdate, { args: [{ workOrderNumber: workOrder.woNumber, ...request }] });
  } catch (error) {
    throw temporalRefusal(error, workOrder.woNumber, logger);
  }
}

/** The update's failure as an answer: the validator's and the booking's refusals, a run gone, or 503. */
function temporalRefusal(error: unknown, woNumber: string, logger: ApiDependencies['logger']): HttpProblem {
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (cause instanceof ApplicationFailure) {
    const reason = REFUSALS[cause.type ?? ''];
    if (reason)
      return (reason.status === 409 ? conflict : unprocessable)(cause.message, { reason: reason.code });
  }
  if (error instanceof WorkflowNotFoundError) {
    return conflict(`the upgrade of work order ${woNumber} is no longer running`, {
      reason: 'WORK_ORDER_CLOSED',
    });
  }
  logger.error({ err: error, woNumber }, 'the upgrade run did not take the visit request');
  return new HttpProblem(503, 'Service Unavailable', 'the request could not be delivered; please try again');
}

const REFUSALS: Record<string, { status: 409 | 422; code: string }> = {
  SlotFull: { status: 409, code: 'SLOT_FULL' },
  NotAwaitingVisit: { status: 409, code: 'NOT_AWAITING_VISIT' },
  InvalidState: { status: 409, code: 'NOT_AWAITING_VISIT' },
  NOT_A_DATE: { status: 422, code: 'NOT_A_DATE' },
  NOT_A_SLOT: { status: 422, code: 'NOT_A_SLOT' },
  NOT_A_WORKING_DAY: { status: 422, code: 'NOT_A_WORKING_DAY' },
  IN_THE_PAST: { status: 422, code: 'IN_THE_PAST' },
  TOO_LATE_TO_MOVE: { status: 422, code: 'TOO_LATE_TO_MOVE' },
};

export function refuseIfTooClose({ config }: ApiDependencies, date: string, slot: string) {
  const refusal = bookingRefusal({ date, slot, now: new Date(), minLeadHours: config.visitMoveLeadHours });
  if (refusal?.reason === 'TOO_LATE_TO_MOVE' || refusal?.reason === 'IN_THE_PAST') {
    throw unprocessable(`the visit booked (${slot} on ${date}) is too close to move: ${refusal.message}`, {
      reason: 'TOO_LATE_TO_MOVE',
    });
  }
}

export async function answer({ db }: ApiDependencies, upgradeId: string, booked: BookedVisit) {
  const current = appointmentSummary(
    await db.appointment.findUniqueOrThrow({ where: { id: booked.appointmentId } }),
  );
  return {
    workOrderNumber: booked.workOrderNumber,
    upgradeId,
    appointment: appointmentView(current),
    previous: booked.previous,
    links: {
      upgrade: `/v1/upgrades/${upgradeId}`,
      availableSlots: `/v1/work-orders/${booked.workOrderNumber}/available-slots`,
    },
  };
}
