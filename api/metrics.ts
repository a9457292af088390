/**
 * The API's Prometheus metrics, served on a port of their own (API_METRICS_PORT), never on the
 * public one: requests by method, route template and status, with their latency; the upgrades by
 * status, read from PostgreSQL at each scrape (services/upgrade-counts.ts), so every API process
 * reports the same numbers and a restart loses none; and the process's own (`selfcare_api_`).
 */
import type { Database } from '../platform/database';
import type { Logger } from '../platform/logger';
import { createHttpMetrics, routeTemplates } from '../platform/telemetry/http-metrics';
import { upgradeMetrics } from '../services/upgrade-counts';
import type { ApiMetrics } from './dependencies';
import { OPERATIONS } from './operations';

export type { ApiMetrics };

/** The route template of a path, among the operations' (`/v1/upgrades/:upgradeId`), or `unmatched`. */
export const routeOf = routeTemplates(OPERATIONS.map((op) => op.path));

export function createApiMetrics(db: Database, logger: Logger): ApiMetrics {
  return createHttpMetrics({ prefix: 'selfcare_api_', routeOf, extra: upgradeMetrics(db), logger });
}
