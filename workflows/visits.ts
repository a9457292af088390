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
import type { RefusalCode } from '../contracts/refusals';
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
 * Runs started before this revision end their wait as soon as the swap is reported, even with a
 * booking or a missed visit not yet told (the visit race); from it, every booking and miss is
 * told, in the order they came, before the swap closes the wait.
 */
export const ONE_VISIT_STORY = 'one-visit-story';

/** A missed visit the loop has yet to record, with the visit it was reported on. */
interface Miss {
  report: VisitReport;
  visit: BookedVisit;
}

/**
 * The visit as the workflow knows it, fed by the `bookVisit` update and the `visitReported`
 * signal. Handlers are registered when the run starts; they refuse until the run waits for a visit.
 */
export class VisitDesk {
  private workOrderNumber: string | null = null;
  private open = false;
  /** Since ONE_VISIT_STORY: every event told, in order (else only the latest booking, and the race). */
  private story = false;
  /** The visit that stands: booked and neither moved, missed nor done. */
  current: BookedVisit | undefined;
  /** Bookings the loop has yet to announce, oldest first (before ONE_VISIT_STORY: the latest only). */
  private bookings: BookedVisit[] = [];
  private miss: Miss | undefined;

  constructor(private readonly upgradeId: string) {
    setHandler(bookVisitUpdate, (request) => this.book(request), {
      validator: (request) => this.validate(request),
    });
    setHandler(visitReportedSignal, (report) => this.reported(report));
  }

  /** From the maintenance WO's creation: bookings are taken, and kept until the wait reads them. */
  openFor(workOrderNumber: string, story: boolean): void {
    this.workOrderNumber = workOrderNumber;
    this.open = true;
    this.story = story;
  }

  /**
   * What the wait does next. Before ONE_VISIT_STORY a reported swap ends it at once; since, the
   * bookings and the miss still to tell come first (a miss always follows the bookings queued:
   * a booking waits for a miss to be recorded).
   */
  next(swapReported: boolean): 'booked' | 'missed' | 'swapped' | 'wait' {
    if (swapReported && !this.story) return 'swapped';
    if (this.bookings.length > 0) return 'booked';
    if (this.miss && (this.story || this.current)) return 'missed';
    return swapReported ? 'swapped' : 'wait';
  }

  takeBooking(): BookedVisit {
    return this.bookings.shift()!;
  }

  /** The miss to record; before ONE_VISIT_STORY, on the visit that stands when it is read. */
  takeMiss(): Miss {
    const miss = this.story ? this.miss! : { report: this.miss!.report, visit: this.current! };
    if (!this.story) {
      this.miss = undefined;
      this.current = undefined;
    }
    return miss;
  }

  /** The miss is on record: a booking waiting for it goes on. */
  missRecorded(): void {
    this.miss = undefined;
  }

  get isOpen(): boolean {
    return this.open;
  }

  get tellsStory(): boolean {
    return this.story;
  }

  /** Something for the wait to do: wakes it. */
  get pending(): boolean {
    return this.bookings.length > 0 || !!this.miss;
  }

  close(): void {
    this.open = false;
  }

  /** Runs before the update is accepted: a refusal here leaves no trace in the history. */
  private validate(request: VisitBookingRequest): void {
    if (!this.open || request.workOrderNumber !== this.workOrderNumber) {
      throw refusal('NOT_AWAITING_VISIT', `work order ${request.workOrderNumber} is not waiting for a visit`);
    }
    if (request.by === 'CUSTOMER' && !this.current) {
      throw refusal('NOT_AWAITING_VISIT', 'no visit is booked yet: the installer books the first one');
    }
    const refused = bookingRefusal({ ...request, now: new Date() });
    if (refused) throw refusal(refused.reason, refused.message);
  }

  private async book(request: VisitBookingRequest): Promise<BookedVisit> {
    // A visit reported missed is recorded before the next booking is written.
    if (this.story) await condition(() => this.miss === undefined);
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
      if (this.story) this.bookings.push(booked);
      else this.bookings = [booked];
      return booked;
    } catch (error) {
      // The caller gets the activity's own failure (SLOT_FULL…), not its wrapper.
      throw failureOf(error);
    }
  }

  private reported(report: VisitReport): void {
    if (!this.open || report.workOrderNumber !== this.workOrderNumber || !this.current) return;
    if (!this.story) {
      this.miss = { report, visit: this.current };
      return;
    }
    // The visit is over when it is reported missed: nothing left to move or remind of.
    if (this.miss) return;
    this.miss = { report, visit: this.current };
    this.current = undefined;
  }
}

function refusal(type: RefusalCode, message: string): ApplicationFailure {
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

  for (;;) {
    const next = desk.next(wait.report() !== undefined);
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
      await db.recordMissedVisit({ appointmentId: visit.appointmentId, report: missed });
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
      // A booking being written as the swap came in finishes before the run goes on (and, since
      // ONE_VISIT_STORY, is told like the others).
      await condition(allHandlersFinished);
      if (desk.tellsStory) continue;
      break;
    }

    const visit = desk.current;
    const reminder =
      visit && remindedFor !== visit.appointmentId
        ? reminderAt(visit.date).getTime()
        : Number.POSITIVE_INFINITY;
    const wakeAt = Math.min(reminder, nextEscalation);
    const woken = await condition(() => !!wait.report() || desk.pending, Math.max(1, wakeAt - Date.now()), {
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
