/** What the notice activities take and return, and what they need to run. */
import type { VisitPendingCategory } from '../../domain/visits';
import type { Database } from '../../platform/database';
import type { EmailTransport } from '../../platform/notifications/email-transport';
import type { PushGateway } from '../../platform/notifications/push-gateway';
import type { NotificationChannel } from '../../prisma/generated/client';

export interface NotificationDependencies {
  db: Database;
  email: EmailTransport;
  push: PushGateway;
  /** Sender of customer emails, e.g. `Oxygen.id <do-not-reply@oxygen.id>`. */
  emailFrom: string;
  /** The billing statement's address in the bill email (a signed link: no login needed). */
  statementUrl: (bill: { billCode: string; customerId: string; dueDate: Date }) => Promise<string>;
  /** Hours before a visit until which the customer may move it (VISIT_MOVE_LEAD_HOURS). */
  visitMoveLeadHours?: number;
}

export interface NoticeInput {
  /** The upgrade it is about; a bill issued elsewhere has none. */
  upgradeId: string | null;
  customerId: string;
  /** Scopes the idempotency key instead of the upgrade (a bill's notices: `bill-<billCode>`). */
  keyScope?: string;
  /** Tells apart notices of one kind that may come more than once (each visit booked, each escalation). */
  occurrence?: string;
}
interface UpgradeNoticeInput extends NoticeInput {
  upgradeId: string;
}
/** A bill's own notices (due-date reminder, receipt): keyed by the bill, whatever its upgrade. */
export interface BillNoticeInput extends NoticeInput {
  billCode: string;
}
export interface NotifyPaymentReceivedInput extends BillNoticeInput {
  transactionId: string;
}
export interface NotifyBillIssuedInput extends UpgradeNoticeInput {
  billCode: string;
}
export interface NotifyOntSwapInput extends UpgradeNoticeInput {
  workOrderNumber: string;
}
export interface NotifyUpgradeCancelledInput extends UpgradeNoticeInput {
  ending: 'FAILED' | 'CANCELLED' | 'TERMINATED';
  /** The bill voided with the upgrade, if one was issued. */
  voidedBillCode: string | null;
  /**
   * Withdrawn after the switch, while waiting for the ONT swap: the old package is back, the
   * visit (its WO) cancelled, and what was paid on the bill is owed back (absent: before the switch).
   */
  withdrawn?: { cancelledVisit: string | null; creditIdr: number };
}
export interface NotifyVisitInput extends NotifyOntSwapInput {
  date: string;
  slot: string;
}
export interface NotifyVisitBookedInput extends NotifyVisitInput {
  /** The visit was moved (by the customer or the dispatcher), not booked the first time. */
  moved: boolean;
}
export interface NotifyVisitMissedInput extends NotifyVisitInput {
  category: VisitPendingCategory;
  remark: string | null;
}
export interface NotifyOntSwapCompletedInput extends NotifyOntSwapInput {
  newOntSerial: string;
  newOntModel: string;
  /** When the technician swapped the ONT: ISO 8601 instant (or a `YYYY-MM-DD` day). */
  replacedAt: string;
}

export interface NotificationDeliverySummary {
  /** Channels delivered by this run. */
  delivered: NotificationChannel[];
  /** Channels an earlier run had already delivered. */
  skipped: NotificationChannel[];
}
