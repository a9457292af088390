/**
 * The technician's and the customer's requests about an ONT swap's visit: book or move it (the
 * run's `bookVisit` update validates and books), report it missed, report the swap. Each checks
 * what the rows can refuse before anything reaches the run, then tells the run (work-order-runs.ts).
 */

import { Refused } from '../contracts/refusals';
import {
  type BookedVisit,
  bookVisitUpdate,
  type OntReplacedSignal,
  ontReplacedSignal,
  type VisitBooker,
  type VisitReport,
  visitReportedSignal,
} from '../contracts/upgrade';
import { jakartaDateOf } from '../domain/calendar';
import { bookingRefusal, missedReportRefusal } from '../domain/visits';
import type { Database } from '../platform/database';
import {
  appointmentSummary,
  appointmentsByWorkOrder,
  appointmentView,
  currentAppointment,
} from './appointments';
import { maintenanceWorkOrder, type RunDependencies, tellRun, type WorkOrderScope } from './work-order-runs';

/** The visit standing on a work order now (booked, or swapped on). */
async function currentVisit(db: Database, woNumber: string) {
  return currentAppointment((await appointmentsByWorkOrder(db, [woNumber])).get(woNumber) ?? []);
}

/**
 * Books (the vendor's dispatcher) or moves (the customer, `customerId` given, at least
 * `minLeadHours` before both the visit booked and the new one) the work order's visit.
 */
export async function bookVisit(
  { db, temporal }: RunDependencies,
  request: { woNumber: string; date: string; slot: string; by: VisitBooker; minLeadHours: number },
  scope: WorkOrderScope = {},
) {
  const { woNumber, ...booking } = request;
  const workOrder = await maintenanceWorkOrder(db, woNumber, scope);
  // The customer's move and CS's on their behalf keep the lead time; the vendor's dispatcher need not.
  if (request.by !== 'TECHNICIAN') {
    const current = await currentVisit(db, woNumber);
    // The visit booked may not be moved once it is too close, whatever the new slot.
    const tooClose =
      current?.status === 'BOOKED' &&
      bookingRefusal({ ...current, now: new Date(), minLeadHours: request.minLeadHours });
    if (tooClose && (tooClose.reason === 'TOO_LATE_TO_MOVE' || tooClose.reason === 'IN_THE_PAST')) {
      throw new Refused(
        'TOO_LATE_TO_MOVE',
        `the visit booked (${current.slot} on ${current.date}) is too close to move: ${tooClose.message}`,
      );
    }
  }
  if (workOrder.status !== 'REPLACING') {
    throw new Refused(
      'NOT_AWAITING_VISIT',
      `work order ${woNumber} is ${workOrder.status}: no visit to book`,
    );
  }
  const booked: BookedVisit = await tellRun(temporal, workOrder, 'visit booked', (run) =>
    run.executeUpdate(bookVisitUpdate, { args: [{ workOrderNumber: woNumber, ...booking }] }),
  );
  const appointment = appointmentSummary(
    await db.appointment.findUniqueOrThrow({ where: { id: booked.appointmentId } }),
  );
  const { upgradeId } = workOrder;
  return {
    workOrderNumber: woNumber,
    upgradeId,
    appointment: appointmentView(appointment),
    previous: booked.previous,
    links: {
      upgrade: `/v1/upgrades/${upgradeId}`,
      availableSlots: `/v1/work-orders/${woNumber}/available-slots`,
    },
  };
}

/** The run took the report: what the technician's routes answer (202). */
const accepted = (woNumber: string, upgradeId: string) => ({
  workOrderNumber: woNumber,
  upgradeId,
  status: 'ACCEPTED' as const,
  links: { upgrade: `/v1/upgrades/${upgradeId}` },
});

/** The visit booked did not swap the ONT: recorded as missed with its category, once its slot has begun. */
export async function reportMissedVisit(
  { db, temporal }: RunDependencies,
  woNumber: string,
  report: Pick<VisitReport, 'category' | 'remark'>,
  scope: WorkOrderScope = {},
) {
  const workOrder = await maintenanceWorkOrder(db, woNumber, scope);
  const visit = await currentVisit(db, woNumber);
  if (visit?.status !== 'BOOKED') {
    throw new Refused('NO_VISIT_BOOKED', `work order ${woNumber} has no visit booked to report on`);
  }
  // Days before the visit it is not missed: the technician may still come, or it may be moved.
  const early = missedReportRefusal({ ...visit, now: new Date() });
  if (early) throw new Refused(early.reason, early.message);
  await tellRun(temporal, workOrder, 'visit reported missed', (run) =>
    run.signal(visitReportedSignal, {
      workOrderNumber: woNumber,
      outcome: 'PENDING',
      ...report,
      reportedAt: new Date().toISOString(),
    }),
  );
  return accepted(woNumber, workOrder.upgradeId);
}

/** The ONT was swapped: the run records it, closes the ticket and WO, and tells the customer. */
export async function reportOntSwap(
  { db, temporal }: RunDependencies,
  woNumber: string,
  report: Omit<OntReplacedSignal, 'workOrderNumber' | 'band'> & { band: 'SINGLE' | 'DUAL'; early: boolean },
  scope: WorkOrderScope = {},
) {
  const workOrder = await maintenanceWorkOrder(db, woNumber, scope);
  if (workOrder.status !== 'REPLACING') {
    const why = workOrder.cancelReason ? ` (${workOrder.cancelReason})` : '';
    throw new Refused('WORK_ORDER_CLOSED', `work order ${woNumber} is already ${workOrder.status}${why}`);
  }
  if (report.band !== 'DUAL') {
    throw new Refused('NOT_DUAL_BAND', 'the new ONT must be dual band for the upgraded package');
  }
  const visit = report.early ? null : await currentVisit(db, woNumber);
  if (visit?.status === 'BOOKED' && jakartaDateOf(new Date()) < visit.date) {
    throw new Refused(
      'BEFORE_VISIT',
      `the visit is booked for ${visit.date} (${visit.slot}); a swap reported before that day needs "early": true`,
    );
  }
  const device = await db.ontDevice.findUnique({ where: { serial: report.newOntSerial } });
  if (device && device.upgradeId !== workOrder.upgradeId) {
    throw new Refused('ONT_ALREADY_REGISTERED', `ONT ${report.newOntSerial} is already registered`);
  }
  const { early: _, ...swap } = report;
  await tellRun(temporal, workOrder, 'ONT swap reported', (run) =>
    run.signal(ontReplacedSignal, { ...swap, workOrderNumber: woNumber, band: 'DUAL' }),
  );
  return accepted(woNumber, workOrder.upgradeId);
}
