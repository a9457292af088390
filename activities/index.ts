/**
 * All activities the worker registers, built from their dependencies. Each outside system is
 * one module; every write is idempotent on a business key so a retry changes nothing twice.
 */

import type { NoticeActivityName } from '../contracts/notifications';
import { createBillingActivities } from './billing';
import type { ActivityDependencies } from './dependencies';
import { createNotificationActivities } from './notifications';
import { createOntSwapActivities } from './ont-swap';
import { createSettlementActivities } from './settlement';
import { createSubscriptionActivities } from './subscriptions';
import { createTicketActivities } from './tickets';
import { createUpgradeRequestActivities } from './upgrade-requests';
import { createVisitActivities } from './visits';
import { createWorkOrderActivities } from './work-orders';

export type { ActivityDependencies };

export function createActivities(deps: ActivityDependencies) {
  return {
    ...createUpgradeRequestActivities(deps),
    ...createBillingActivities(deps),
    ...createTicketActivities(deps),
    ...createWorkOrderActivities(deps),
    ...createSubscriptionActivities(deps),
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
  | 'checkPaymentAttempt'
>;

/** Steps that reach outside providers (push gateway, Resend): regular activities with retries. */
export type NoticeSteps = Pick<Activities, NoticeActivityName>;
