/**
 * The technician's visit for a maintenance WO, as rows: booking against the vendor's places per
 * area and slot, a missed visit. Each write is keyed (the booking by its Temporal update, the miss
 * by its appointment), so a retried step finds what it did.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { RefusalCode } from '../contracts/refusals';
import type { BookedVisit, VisitBooker, VisitReport } from '../contracts/upgrade';
import { visitArea } from '../domain/visits';
import { updateIfMatches } from '../platform/database';
import { dateOnly } from '../services/catalog';
import type { ActivityDependencies } from './dependencies';
import { notFound } from './errors';

export function createVisitActivities({ db }: ActivityDependencies) {
  return {
    /**
     * Books the visit, or moves the one booked, if the slot has a free place. The slot's capacity
     * row is locked for the check and the insert, so two bookings of its last place cannot both
     * succeed. Throws `SlotFull` (not retried) when it is taken.
     */
    async bookVisit(input: {
      upgradeId: string;
      workOrderNumber: string;
      date: string;
      slot: string;
      by: VisitBooker;
      requestKey: string;
    }): Promise<BookedVisit> {
      const { workOrderNumber, date, slot } = input;
      return db.$transaction(async (tx) => {
        const earlier = await tx.appointment.findUnique({ where: { requestKey: input.requestKey } });
        if (earlier) return bookedVisit(earlier, null);
        const workOrder = await tx.workOrder.findUnique({ where: { woNumber: workOrderNumber } });
        if (!workOrder) throw notFound(`work order ${workOrderNumber} does not exist`);
        if (workOrder.status !== 'REPLACING') {
          throw ApplicationFailure.create({
            type: 'NOT_AWAITING_VISIT' satisfies RefusalCode,
            nonRetryable: true,
            message: `work order ${workOrderNumber} is ${workOrder.status}: no visit to book`,
          });
        }
        const area = visitArea(workOrder.fatCode);
        const [capacity] = await tx.$queryRaw<Array<{ places: number }>>`
          SELECT places FROM "VisitCapacity"
          WHERE slot = ${slot} AND area IN (${area}, 'DEFAULT')
          ORDER BY (area = ${area}) DESC LIMIT 1 FOR UPDATE`;
        const current = await tx.appointment.findFirst({
          where: { woNumber: workOrderNumber, status: 'BOOKED' },
        });
        const day = new Date(`${date}T00:00:00Z`);
        if (current && dateOnly(current.date) === date && current.slot === slot)
          return bookedVisit(current, null);
        const taken = await tx.appointment.count({ where: { area, date: day, slot, status: 'BOOKED' } });
        if (!capacity || taken >= capacity.places) {
          throw ApplicationFailure.create({
            type: 'SLOT_FULL' satisfies RefusalCode,
            nonRetryable: true,
            message: `the slot ${slot} on ${date} has no free place left`,
          });
        }
        if (current) {
          await tx.appointment.update({
            where: { id: current.id },
            data: { status: 'MOVED', closedAt: new Date() },
          });
        }
        const row = await tx.appointment.create({
          data: {
            woNumber: workOrderNumber,
            upgradeId: input.upgradeId,
            area,
            date: day,
            slot,
            status: 'BOOKED',
            bookedBy: input.by,
            requestKey: input.requestKey,
          },
        });
        return bookedVisit(row, current ? { date: dateOnly(current.date), slot: current.slot } : null);
      });
    },

    /** The technician reports the visit missed: the booking frees its place and keeps why. */
    async recordMissedVisit(input: { appointmentId: number; report: VisitReport }): Promise<void> {
      await updateIfMatches(() =>
        db.appointment.update({
          where: { id: input.appointmentId, status: 'BOOKED' },
          data: {
            status: 'MISSED',
            pendingCategory: input.report.category,
            remark: input.report.remark,
            closedAt: new Date(input.report.reportedAt),
          },
          select: { id: true },
        }),
      );
    },
  };
}

function bookedVisit(
  row: { id: number; woNumber: string; date: Date; slot: string; bookedBy: string },
  previous: BookedVisit['previous'],
): BookedVisit {
  return {
    appointmentId: row.id,
    workOrderNumber: row.woNumber,
    date: dateOnly(row.date),
    slot: row.slot,
    bookedBy: row.bookedBy as VisitBooker,
    previous,
  };
}
