/**
 * The upgrade's contract, shared by the API, the workflow, the activities and the tests.
 * Imported by workflow code: keep it free of I/O and Node-only modules.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { VisitPendingCategory } from '../domain/visits';
import {
  IN_FLIGHT_STATUSES,
  PACKAGE_STEPS,
  UPGRADE_STATUSES,
  UPGRADE_STEPS,
  type UpgradeStatus,
  type UpgradeStepName,
} from './steps';

export const UPGRADE_WORKFLOW_TYPE = 'UpgradeWorkflow';

/**
 * Settles upgrades whose run closed without our code: one long-lived run (ID
 * `RECONCILE_WORKFLOW_ID`) passes every `RECONCILE_EVERY` and continues as new now and then; the
 * worker starts it (worker/reconciler.ts). `reconcileNowSignal` asks it for a pass at once.
 */
export const RECONCILE_WORKFLOW_TYPE = 'ReconcileUpgradesWorkflow';
export const RECONCILE_WORKFLOW_ID = 'reconcile-upgrades';
export const RECONCILE_EVERY = '1 minute';
/** The Schedule of earlier releases (a run a minute), deleted at worker start. */
export const RECONCILE_SCHEDULE_ID = 'reconcile-upgrades';
export const reconcileNowSignal = defineSignal('reconcileNow');

export { IN_FLIGHT_STATUSES, UPGRADE_STATUSES, type UpgradeStatus };

export interface UpgradeWorkflowInput {
  upgradeId: string;
  customerId: string;
  targetPackageCode: string;
  idempotencyKey: string;
  /** ISO instant the customer asked; the bill's date is this day in Jakarta. */
  requestedAt: string;
  /** How long a technician may take to swap the ONT before the run escalates (default 3 days). */
  ontSwapSla?: string;
}

export const DEFAULT_ONT_SWAP_SLA = '3 days';

/** Hours before a visit until which the customer may move it, unless VISIT_MOVE_LEAD_HOURS says otherwise. */
export const DEFAULT_VISIT_MOVE_LEAD_HOURS = 24;

/** What the workflow needs to know about the upgrade, fixed when the request is accepted. */
export interface UpgradePlan {
  customerName: string;
  from: { code: string; name: string; priceIdr: number };
  target: { code: string; name: string; priceIdr: number; termMonths: number; requiresDualBand: boolean };
  promoLabel: string | null;
  ont: { serial: string; model: string; band: 'SINGLE' | 'DUAL' } | null;
  needsOntSwap: boolean;
  currentPeriodStart: string;
}

export { PACKAGE_STEPS, UPGRADE_STEPS, type UpgradeStepName };

export interface UpgradeStep {
  name: UpgradeStepName;
  at: string;
}

/**
 * Failure types no retry can fix: activities throw them, the workflow does not retry them and
 * fails the upgrade with their message.
 */
export const NON_RETRYABLE_TYPES = [
  'UpgradeRefused',
  'NotFound',
  'EmailRejected',
  'EmailPropsInvalid',
  'InvalidState',
  'SLOT_FULL',
] as const;

/**
 * What both tellings of an upgrade's progress say: the run's `UpgradeProgress` and the rows'
 * record (services/upgrade-views.ts), `Swap` being what each adds to the ONT swap's wait.
 */
export interface ProgressFacts<Swap> {
  status: UpgradeStatus;
  billCode: string | null;
  upgradeTicketNo: string | null;
  upgradeWorkOrderNo: string | null;
  changeOntTicketNo: string | null;
  maintenanceWorkOrderNo: string | null;
  failureReason: string | null;
  /** Notices that could not be delivered for good (the upgrade went on without them). */
  undeliveredNotices: UndeliveredNotice[];
  /** Set while waiting for the technician: when the wait started and when it escalates. */
  ontSwap:
    | ({
        awaitingSince: string;
        slaDeadline: string;
        escalatedAt: string | null;
        replacedAt: string | null;
      } & Swap)
    | null;
}

/**
 * What the run itself knows, as its `progress` query and its result answer: the steps it took,
 * where it stands and the numbers it was given. The API's view is derived from the rows instead
 * (services/upgrade-views.ts); this is for operators and tests looking at the run.
 */
export interface UpgradeProgress
  extends ProgressFacts<{
    /** The technician's visit, once the vendor's dispatcher booked it. */
    visit?: { date: string; slot: string; status: 'BOOKED' | 'MISSED' | 'DONE' } | null;
  }> {
  /** Every step as it happened, repeated steps (a second booking) included. */
  steps: UpgradeStep[];
}

export interface UndeliveredNotice {
  kind: string;
  channel: 'PUSH' | 'INBOX' | 'EMAIL' | null;
  reason: string;
  at: string;
}

/** The technician's report that the ONT was swapped (technician API → signal). */
export interface OntReplacedSignal {
  workOrderNumber: string;
  newOntSerial: string;
  newOntModel: string;
  band: 'DUAL';
  technician: string | null;
  replacedAt: string;
}

export const progressQuery = defineQuery<UpgradeProgress>('progress');
export const ontReplacedSignal = defineSignal<[OntReplacedSignal]>('ontReplaced');

/** Who booked a visit: the vendor's dispatcher (technician API), the customer moving it, or customer service for them. */
export type VisitBooker = 'TECHNICIAN' | 'CUSTOMER' | 'CS';

/** Book or move the technician's visit (`bookVisitUpdate`), answered with the visit booked. */
export interface VisitBookingRequest {
  workOrderNumber: string;
  /** A Jakarta calendar date, YYYY-MM-DD. */
  date: string;
  /** One of domain/visits.ts VISIT_SLOTS. */
  slot: string;
  by: VisitBooker;
  /** Hours the slot must be ahead of now: the customer's moves (configured), 0 for the dispatcher. */
  minLeadHours: number;
}

export interface BookedVisit {
  appointmentId: number;
  workOrderNumber: string;
  date: string;
  slot: string;
  bookedBy: VisitBooker;
  /** The visit it replaced, when it moved one. */
  previous: { date: string; slot: string } | null;
}

export const bookVisitUpdate = defineUpdate<BookedVisit, [VisitBookingRequest]>('bookVisit');

/** The technician could not swap the ONT on the visit (TMF646: a pending visit, with why). */
export interface VisitReport {
  workOrderNumber: string;
  outcome: 'PENDING';
  category: VisitPendingCategory;
  remark: string | null;
  reportedAt: string;
}

export const visitReportedSignal = defineSignal<[VisitReport]>('visitReported');

/** Workflow ID for a customer's request; the same key finds the same run. */
export function upgradeWorkflowId(customerId: string, idempotencyKey: string): string {
  return `upgrade-${customerId}-${idempotencyKey}`;
}
