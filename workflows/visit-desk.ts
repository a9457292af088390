/**
 * The visit desk: what the run knows of the ONT visit between the booking update, the visit
 * report signal and the wait in workflows/visits.ts.
 */
import { ApplicationFailure, condition, currentUpdateInfo } from '@temporalio/workflow';
import type { RefusalCode } from '../contracts/refusals';
import type { BookedVisit, VisitBookingRequest, VisitReport } from '../contracts/upgrade';
import { bookingRefusal } from '../domain/visits';
import { localActivities } from './activities';
import { failureOf } from './settle';

/** A missed visit the loop has yet to record, with the visit it was reported on. */
interface Miss {
  report: VisitReport;
  visit: BookedVisit;
}

/**
 * The visit as the workflow knows it, fed by the `bookVisit` update (`validate`, then `book`) and
 * the `visitReported` signal (`reported`), whose handlers UpgradeWorkflow registers when the run
 * starts; they refuse until the run waits for a visit.
 */
export class VisitDesk {
  private workOrderNumber: string | null = null;
  private open = false;
  /** The visit that stands: booked and neither moved, missed nor done. */
  current: BookedVisit | undefined;
  /** Bookings the loop has yet to announce, oldest first. */
  private bookings: BookedVisit[] = [];
  private miss: Miss | undefined;

  constructor(private readonly upgradeId: string) {}

  /** From the maintenance WO's creation: bookings are taken, and kept until the wait reads them. */
  openFor(workOrderNumber: string): void {
    this.workOrderNumber = workOrderNumber;
    this.open = true;
  }

  /**
   * What the wait does next: the bookings and the miss still to tell come before a reported swap
   * (a miss always follows the bookings queued: a booking waits for a miss to be recorded).
   */
  next(swapReported: boolean): 'booked' | 'missed' | 'swapped' | 'wait' {
    if (this.bookings.length > 0) return 'booked';
    if (this.miss) return 'missed';
    return swapReported ? 'swapped' : 'wait';
  }

  takeBooking(): BookedVisit {
    return this.bookings.shift()!;
  }

  /** The miss to record, with the visit it was reported on. */
  takeMiss(): Miss {
    return this.miss!;
  }

  /** The miss is on record: a booking waiting for it goes on. */
  missRecorded(): void {
    this.miss = undefined;
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Something for the wait to do: wakes it. */
  get pending(): boolean {
    return this.bookings.length > 0 || !!this.miss;
  }

  close(): void {
    this.open = false;
  }

  /** Runs before the update is accepted: a refusal here leaves no trace in the history. */
  validate(request: VisitBookingRequest): void {
    if (!this.open || request.workOrderNumber !== this.workOrderNumber) {
      throw refusal('NOT_AWAITING_VISIT', `work order ${request.workOrderNumber} is not waiting for a visit`);
    }
    const refused = bookingRefusal({ ...request, now: new Date() });
    if (refused) throw refusal(refused.reason, refused.message);
  }

  async book(request: VisitBookingRequest): Promise<BookedVisit> {
    // A visit reported missed is recorded before the next booking is written.
    await condition(() => this.miss === undefined);
    try {
      const booked = await localActivities.bookVisit({
        upgradeId: this.upgradeId,
        workOrderNumber: request.workOrderNumber,
        date: request.date,
        slot: request.slot,
        by: request.by,
        requestKey: `${this.upgradeId}:${currentUpdateInfo()?.id}`,
      });
      this.current = booked;
      this.bookings.push(booked);
      return booked;
    } catch (error) {
      // The caller gets the activity's own failure (SLOT_FULL…), not its wrapper.
      throw failureOf(error);
    }
  }

  reported(report: VisitReport): void {
    if (!this.open || report.workOrderNumber !== this.workOrderNumber || !this.current) return;
    // The visit is over when it is reported missed: nothing left to move or remind of.
    if (this.miss) return;
    this.miss = { report, visit: this.current };
    this.current = undefined;
  }
}

function refusal(type: RefusalCode, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}
