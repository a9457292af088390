/**
 * The wait for the ONT swap as a field-service visit (runs from the `ont-visit-appointments`
 * revision): the vendor's dispatcher books a visit, the customer may move it, a reminder goes the
 * day before, a missed visit is recorded and rebooked, and past the SLA the run escalates again
 * each further SLA period, until the technician reports the swap.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  setHandler,
} from '@temporalio/workflow';
import { VisitDateKey } from '../contracts/search-attributes';
import {
  type BookedVisit,
  bookVisitUpdate,
  type OntReplacedSignal,
  type VisitBookingRequest,
  type VisitReport,
  visitReportedSignal,
} from '../contracts/upgrade';
import { bookingRefusal, reminderAt, type VisitSlot, visitStart } from '../domain/visits';
import { db, notices } from './activities';
import type { UpgradeTracker } from './progress';
import { bestEffort, failureOf } from './settle';

/** Runs started before this revision wait for the swap signal alone. */
export const ONT_VISITS = 'ont-visit-appointments';

/**
 * The visit as the workflow knows it, fed by the `bookVisit` update and the `visitReported`
 * signal. Handlers are registered when the run starts; they refuse until the run waits for a visit.
 */
export class VisitDesk {
  private workOrderNumber: string | null = null;
  private open = false;
  current: BookedVisit | undefined;
  /** A booking the loop has yet to announce. */
  announce: BookedVisit | undefined;
  /** A missed visit the loop has yet to record. */
  missed: VisitReport | undefined;

  constructor(private readonly upgradeId: string) {
    setHandler(bookVisitUpdate, (request) => this.book(request), {
      validator: (request) => this.validate(request),
    });
    setHandler(visitReportedSignal, (report) => {
      if (this.open && report.workOrderNumber === this.workOrderNumber && this.current) this.missed = report;
    });
  }

  /** From the maintenance WO's creation: bookings are taken, and kept until the wait reads them. */
  openFor(workOrderNumber: string): void {
    this.workOrderNumber = workOrderNumber;
    this.open = true;
  }

  close(): void {
    this.open = false;
  }

  /** Runs before the update is accepted: a refusal here leaves no trace in the history. */
  private validate(request: VisitBookingRequest): void {
    if (!this.open || request.workOrderNumber !== this.workOrderNumber) {
      throw refusal('NotAwaitingVisit', `work order ${request.workOrderNumber} is not waiting for a visit`);
    }
    if (request.by === 'CUSTOMER' && !this.current) {
      throw refusal('NotAwaitingVisit', 'no visit is booked yet: the installer books the first one');
    }
    const refused = bookingRefusal({ ...request, now: new Date() });
    if (refused) throw refusal(refused.reason, refused.message);
  }

  private async book(request: VisitBookingRequest): Promise<BookedVisit> {
    try {
      const booked = await db.bookVisit({
        upgradeId: this.upgradeId,
        workOrderNumber: request.workOrderNumber,
        date: request.date,
        slot: request.slot,
        by: request.by,
        requestKey: `${this.upgradeId}:${currentUpdateInfo()?.id}`,
      });
      this.current = booked;
      this.announce = booked;
      return booked;
    } catch (error) {
      // The caller gets the activity's own failure (SlotFull…), not its wrapper.
      throw failureOf(error);
    }
  }
}

function refusal(type: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}

export interface VisitWait {
  upgradeId: string;
  customerId: string;
  workOrderNumber: string;
  changeOntTicketNo: string;
  awaitingSince: Date;
  slaMs: number;
  sla: string;
  run: UpgradeTracker;
  desk: VisitDesk;
  report: () => OntReplacedSignal | undefined;
}

/** Waits, booking after booking, until the technician reports the swap. */
export async function awaitVisitAndSwap(wait: VisitWait): Promise<void> {
  const { run, desk, upgradeId, customerId, workOrderNumber } = wait;
  const notice = { upgradeId, customerId, workOrderNumber };
  let nextEscalation = wait.awaitingSince.getTime() + wait.slaMs;
  let escalations = 0;
  let remindedFor: number | undefined;

  while (!wait.report()) {
    const booked = desk.announce;
    if (booked) {
      desk.announce = undefined;
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

    const missed = desk.missed;
    const visit = desk.current;
    if (missed && visit) {
      desk.missed = undefined;
      desk.current = undefined;
      await db.recordMissedVisit({ appointmentId: visit.appointmentId, report: missed });
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

    const reminder =
      visit && remindedFor !== visit.appointmentId
        ? reminderAt(visit.date).getTime()
        : Number.POSITIVE_INFINITY;
    const wakeAt = Math.min(reminder, nextEscalation);
    const woken = await condition(
      () => !!wait.report() || !!desk.announce || !!desk.missed,
      Math.max(1, wakeAt - Date.now()),
      { summary: reminder < nextEscalation ? 'until the visit reminder' : `ONT swap SLA (${wait.sla})` },
    );
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
  desk.close();
  // A booking being written as the swap came in finishes before the run goes on.
  await condition(allHandlersFinished);
}

/**
 * Past the SLA (again): a note on the ticket, ESCALATED, and the customer told it is delayed. The
 * first escalation is the same, command for command, in both revisions of the wait.
 */
export async function escalate(
  wait: Pick<VisitWait, 'run' | 'upgradeId' | 'customerId' | 'workOrderNumber' | 'changeOntTicketNo' | 'sla'>,
  count: number,
  deadline: string,
): Promise<void> {
  const { run, upgradeId, customerId, workOrderNumber } = wait;
  const escalatedAt = new Date().toISOString();
  run.step('ONT_SWAP_ESCALATED', { ontSwap: { ...run.progress.ontSwap!, escalatedAt } });
  run.status(
    'ESCALATED',
    `no ONT swap reported for ${workOrderNumber} within ${wait.sla}${count > 1 ? ` (${count} times)` : ''}`,
  );
  await db.escalateOntSwap({
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
