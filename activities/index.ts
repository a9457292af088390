/**
 * All activities the worker registers, built from their dependencies. Each outside system is
 * one module; every write is idempotent on a business key so a retry changes nothing twice.
 */

import type { Database } from '../platform/database';
import type { Logger } from '../platform/logger';
import type { EmailTransport } from '../platform/notifications/email-transport';
import type { PushGateway } from '../platform/notifications/push-gateway';
import { createBillingActivities } from './billing';
import { createDeviceActivities } from './devices';
import { createNotificationActivities } from './notifications';
import { createSubscriptionActivities } from './subscriptions';
import { createTicketActivities } from './tickets';
import { createUpgradeRequestActivities } from './upgrade-requests';
import { createWorkOrderActivities } from './work-orders';

export interface ActivityDependencies {
  db: Database;
  logger: Logger;
  email: EmailTransport;
  push: PushGateway;
  emailFrom: string;
  statementUrl: (billCode: string, customerId: string) => string;
}

export function createActivities(deps: ActivityDependencies) {
  return {
    ...createUpgradeRequestActivities(deps),
    ...createBillingActivities(deps),
    ...createTicketActivities(deps),
    ...createWorkOrderActivities(deps),
    ...createSubscriptionActivities(deps),
    ...createDeviceActivities(deps),
    ...createNotificationActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
