/**
 * The API's Prometheus metrics, served on a port of their own (API_METRICS_PORT), never on the
 * public one: requests by method, route template and status, with their latency; the upgrades by
 * status, read from PostgreSQL at each scrape (services/upgrade-counts.ts), so every API process
 * reports the same numbers and a restart loses none; and the process's own (`selfcare_api_`).
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { UPGRADE_STATUSES } from '../contracts/upgrade';
import type { Database } from '../platform/database';
import type { Logger } from '../platform/logger';
import { countUpgrades } from '../services/upgrade-counts';
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
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'selfcare_api_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'selfcare_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'selfcare_http_request_duration_seconds',
    help: 'Time from request to answer sent, by method, route template and status',
    labelNames,
    registers: [registry],
  });

  // Read from the rows at each scrape; left out of the answer when PostgreSQL does not answer.
  const outcomes = new Registry();
  const upgrades = new Gauge({
    name: 'selfcare_upgrades',
    help: 'Upgrades in each status (all time; BILLING, AWAITING_ONT_SWAP and ESCALATED are in flight)',
    labelNames: ['status'],
    registers: [outcomes],
  });
  const awaitingSwap = new Gauge({
    name: 'selfcare_upgrades_awaiting_ont_swap',
    help: 'Runs waiting for the technician to report the ONT swap (AWAITING_ONT_SWAP or ESCALATED)',
    registers: [outcomes],
  });
  const escalations = new Counter({
    name: 'selfcare_ont_swap_escalations_total',
    help: 'Upgrades whose ONT swap missed the SLA and was escalated',
    registers: [outcomes],
  });

  const readOutcomes = async () => {
    const counts = await countUpgrades(db);
    for (const status of UPGRADE_STATUSES) upgrades.set({ status }, counts.byStatus[status]);
    awaitingSwap.set(counts.awaitingOntSwap);
    // A counter whose value is the number of escalated rows (they are never deleted).
    escalations.reset();
    escalations.inc(counts.escalations);
    return outcomes.metrics();
  };

  return {
    track: (req, res, next) => {
      // Read on the way in: once a mounted router has the request, `req.path` is relative to it.
      const method = req.method;
      const route = routeOf(req.path);
      const stopTimer = latency.startTimer();
      res.on('finish', () => {
        const labels = { method, route, status: String(res.statusCode) };
        requests.inc(labels);
        stopTimer(labels);
      });
      next();
    },
    render: async () => {
      const own = await registry.metrics();
      try {
        return own + (await readOutcomes());
      } catch (error) {
        logger.warn({ err: error }, 'upgrade counts left out of /metrics: PostgreSQL did not answer');
        return own;
      }
    },
  };
}
