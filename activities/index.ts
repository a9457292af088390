/**
 * All activities the worker registers, built from their dependencies. Each outside system is
 * one module; every write is idempotent on a business key so a retry changes nothing twice.
 */

import type { NoticeActivityName } from '../contracts/notifications';
import type { BillPaymentInput } from '../contracts/payments';
import type { Database } from '../platform/database';
import type { Logger } from '../platform/logger';
import type { EmailTransport } from '../platform/notifications/email-transport';
import type { PushGateway } from '../platform/notifications/push-gateway';
import { createBillingActivities } from './billing';
import { createDeviceActivities } from './devices';
import { createNotificationActivities } from './notifications';
import { createOntSwapActivities } from './ont-swap';
import { createSettlementActivities } from './settlement';
import { createSubscriptionActivities } from './subscriptions';
import { createTicketActivities } from './tickets';
import { createUpgradeRequestActivities } from './upgrade-requests';
import { createVisitActivities } from './visits';
import { createWorkOrderActivities } from './work-orders';

export interface ActivityDependencies {
  db: Database;
  logger: Logger;
  email: EmailTransport;
  push: PushGateway;
  emailFrom: string;
  statementUrl: (billCode: string, customerId: string) => string;
  /** Hours before a visit until which the customer may move it (VISIT_MOVE_LEAD_HOURS). */
  visitMoveLeadHours?: number;
  /**
   * Starts the bill's own run (reminder, receipt): `BillPaymentWorkflow` `bill-<billCode>`, once
   * (an existing run is left alone). Unset where no Temporal client is at hand (tests of steps).
   */
  startBillPayment?: (input: BillPaymentInput) => Promise<void>;
  /**
   * Ends the run of a bill just voided (a cancel request; a run already closed is left alone), so
   * it stops listing among the bills awaiting payment. Unset where no Temporal client is at hand.
   */
  endBillPayment?: (billCode: string) => Promise<void>;
}

export function createActivities(deps: ActivityDependencies) {
  return {
    ...createUpgradeRequestActivities(deps),
    ...createBillingActivities(deps),
    ...createTicketActivities(deps),
    ...createWorkOrderActivities(deps),
    ...createSubscriptionActivities(deps),
    ...createDeviceActivities(deps),
    ...createOntSwapActivities(deps),
    ...createSettlementActivities(deps),
    ...createNotificationActivities(deps),
    ...createVisitActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;

/** Steps that only write our own PostgreSQL: the workflow runs them as local activities. */
export type DatabaseSteps = Pick<
  Activities,
  | 'acceptUpgradeRequest'
  | 'issueUpgradeBill'
  | 'openUpgradeTicket'
  | 'createUpgradeWorkOrder'
  | 'switchSubscription'
  | 'openChangeOntTicket'
  | 'createMaintenanceWorkOrder'
  | 'escalateOntSwap'
  | 'completeOntSwap'
  | 'completeUpgrade'
  | 'settleUpgrade'
  | 'bookVisit'
  | 'recordMissedVisit'
  | 'readBillStatus'
>;

/** Steps that reach outside providers (push gateway, Resend): regular activities with retries. */
export type NoticeSteps = Pick<Activities, NoticeActivityName>;
