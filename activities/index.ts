/**
 * All activities the worker registers, built from their dependencies. Each outside system is
 * one module; every write is idempotent on a business key so a retry changes nothing twice.
 */
import type { Database } from '../platform/database';
import type { Logger } from '../platform/logger';
import { createUpgradeRequestActivities } from './upgrade-requests';

export interface ActivityDependencies {
  db: Database;
  logger: Logger;
}

export function createActivities(deps: ActivityDependencies) {
  return {
    ...createUpgradeRequestActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
