/**
 * The wait for the ONT swap as a field-service visit: the vendor's dispatcher books a visit, the
 * customer may move it, a reminder goes the day before, a missed visit is recorded and rebooked,
 * and past the SLA the run escalates again each further SLA period, until the technician reports
 * the swap. Every booking and miss is told, in the order they came, before the swap closes the wait.
 */
import { allHandlersFinished, condition } from '@temporalio/workflow';
import { VisitDateKey } from '../contracts/search-attributes';
import type { BookedVisit } from '../contracts/upgrade';
import { reminderAt, type VisitSlot, visitStart } from '../domain/visits';
import { localActivities, notices } from './activities';
import type { UpgradeRun } from './run';
import { bestEffort } from './settle';

/** The run, and what its swap step opened: the work order and ticket, since when, for how long. */
export interface VisitWait {
  run: UpgradeRun;
  workOrderNumber: string;
  changeOntTicketNo: string;
  awaitingSince: Date;
  slaMs: number;
  sla: string;
}

/** Waits, booking after booking, until the technician reports the swap. */
export async function awaitVisitAndSwap(wait: VisitWait): Promise<void> {
  const { run, workOrderNumber } = wait;
  const { desk } = run;
  const { upgradeId, customerId } = run.input;
  const notice = { upgradeId, customerId, workOrderNumber };
  let nextEscalation = wait.awaitingSince.getTime() + wait.slaMs;
  let escalations = 0;
  let remindedFor: number | undefined;

  for (;;) {
    const next = desk.next(run.swapReport !== undefined);
    if (next === 'booked') {
      const booked = desk.takeBooking();
      // Booked after its reminder's hour: the booking notice is the reminder.
      if (reminderAt(booked.date).getTime() <= Date.now()) remindedFor = booked.appointmentId;
      run.step('ONT_VISIT_BOOKED', {
        ontSwap: { ...run.progress.ontSwap!, visit: visitOf(booked, 'BOOKED') },
      });
      run.status(
        run.progress.status,
        `technician visit ${booked.date} ${booked.slot} for ${workOrderNumber}`,
        [{ key: VisitDateKey, value: visitStart(booked.date, booked.slot as VisitSlot) }],
      );
      await bestEffort(run, upgradeId, 'VISIT_BOOKED', () =>
        notices.notifyVisitBooked({
          ...notice,
          date: booked.date,
          slot: booked.slot,
          moved: booked.previous !== null,
          occurrence: String(booked.appointmentId),
        }),
      );
      continue;
    }

    if (next === 'missed') {
      const { report: missed, visit } = desk.takeMiss();
      await localActivities.recordMissedVisit({ appointmentId: visit.appointmentId, report: missed });
      desk.missRecorded();
      run.step('ONT_VISIT_MISSED', {
        ontSwap: { ...run.progress.ontSwap!, visit: visitOf(visit, 'MISSED') },
      });
      run.status(
        run.progress.status,
        `visit ${visit.date} ${visit.slot} missed (${missed.category}); waiting for a new booking for ${workOrderNumber}`,
      );
      await bestEffort(run, upgradeId, 'VISIT_MISSED', () =>
        notices.notifyVisitMissed({
          ...notice,
          date: visit.date,
          slot: visit.slot,
          category: missed.category,
          remark: missed.remark,
          occurrence: String(visit.appointmentId),
        }),
      );
      continue;
    }

    if (next === 'swapped') {
      if (!desk.isOpen) break;
      desk.close();
      // A booking being written as the swap came in finishes, and is told like the others, before
      // the run goes on.
      await condition(allHandlersFinished);
      continue;
    }

    const visit = desk.current;
    const reminder =
      visit && remindedFor !== visit.appointmentId
        ? reminderAt(visit.date).getTime()
        : Number.POSITIVE_INFINITY;
    const wakeAt = Math.min(reminder, nextEscalation);
    const woken = await condition(() => !!run.swapReport || desk.pending, Math.max(1, wakeAt - Date.now()), {
      summary: reminder < nextEscalation ? 'until the visit reminder' : `ONT swap SLA (${wait.sla})`,
    });
    if (woken) continue;

    if (visit && Date.now() >= reminder) {
      remindedFor = visit.appointmentId;
      await bestEffort(run, upgradeId, 'VISIT_REMINDER', () =>
        notices.notifyVisitReminder({
          ...notice,
          date: visit.date,
          slot: visit.slot,
          occurrence: String(visit.appointmentId),
        }),
      );
      run.step('ONT_VISIT_REMINDED');
    } else if (Date.now() >= nextEscalation) {
      escalations += 1;
      await escalate(wait, escalations, new Date(nextEscalation).toISOString());
      nextEscalation += wait.slaMs;
    }
  }
}

/** Past the SLA (again): a note on the ticket, ESCALATED, and the customer told it is delayed. */
async function escalate(
  wait: Pick<VisitWait, 'run' | 'workOrderNumber' | 'changeOntTicketNo' | 'sla'>,
  count: number,
  deadline: string,
): Promise<void> {
  const { run, workOrderNumber } = wait;
  const { upgradeId, customerId } = run.input;
  const escalatedAt = new Date().toISOString();
  run.step('ONT_SWAP_ESCALATED', { ontSwap: { ...run.progress.ontSwap!, escalatedAt } });
  run.status(
    'ESCALATED',
    `no ONT swap reported for ${workOrderNumber} within ${wait.sla}${count > 1 ? ` (${count} times)` : ''}`,
  );
  await localActivities.escalateOntSwap({
    upgradeId,
    ticketNo: wait.changeOntTicketNo,
    note: `ESCALATED${count > 1 ? ` (${count})` : ''}: ONT swap not reported within ${wait.sla} (SLA deadline ${deadline})`,
    escalatedAt,
  });
  await bestEffort(run, upgradeId, 'ONT_SWAP_DELAYED', () =>
    notices.notifyOntSwapDelayed({
      upgradeId,
      customerId,
      workOrderNumber,
      ...(count > 1 ? { occurrence: String(count) } : {}),
    }),
  );
}

function visitOf(visit: BookedVisit, status: 'BOOKED' | 'MISSED') {
  return { date: visit.date, slot: visit.slot, status };
}
