/**
 * The API's Prometheus metrics, served on a port of their own (API_METRICS_PORT), never on the
 * public one: requests by method, route template and status, with their latency; the upgrades by
 * status, read from PostgreSQL at each scrape (services/upgrade-counts.ts), so every API process
 * reports the same numbers and a restart loses none; and the process's own (`selfcare_api_`).
 */
import type { Database } from '../platform/database';
import type { Logger } from '../platform/logger';
import { createHttpMetrics } from '../platform/telemetry/http-metrics';
import { upgradeMetrics } from '../services/upgrade-counts';
import type { ApiMetrics } from './dependencies';
import { OPERATIONS } from './operations';

export type { ApiMetrics };

/** The route templates of the operations, as Express mounts them (`/v1/upgrades/:upgradeId`). */
const ROUTES = [...new Set(OPERATIONS.map((op) => op.path))].map((path) => ({
  template: path.replace(/\{(\w+)\}/g, ':$1'),
  pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}/?$`, 'i'),
}));

/** The template a path matches, or `unmatched`: a raw path never becomes a label. */
export function routeOf(path: string): string {
  return ROUTES.find((route) => route.pattern.test(path))?.template ?? 'unmatched';
}

export function createApiMetrics(db: Database, logger: Logger): ApiMetrics {
  return createHttpMetrics({ prefix: 'selfcare_api_', routeOf, extra: upgradeMetrics(db), logger });
}
