/**
 * Prometheus metrics of an HTTP server: requests by method, route template and status, with their
 * latency, and the process's own (`<prefix>`); `extra()` adds metrics read at each scrape, left out
 * (and logged) when it fails. Served on a port of its own (metrics-endpoint.ts).
 */
import type { RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Logger } from '../logger';

export interface HttpMetrics {
  /** Middleware: counts and times every request once its answer is sent. */
  track: RequestHandler;
  /** Every metric in the Prometheus text format. */
  render(): Promise<string>;
}

/**
 * The route template (`/v1/upgrades/:upgradeId`) an asked path matches among the OpenAPI paths
 * (`/v1/upgrades/{upgradeId}`) of a server, or `unmatched`: a raw path never becomes a label.
 */
export function routeTemplates(paths: readonly string[]): (path: string) => string {
  const routes = [...new Set(paths)].map((path) => ({
    template: path.replace(/\{(\w+)\}/g, ':$1'),
    pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}/?$`, 'i'),
  }));
  return (path) => routes.find((route) => route.pattern.test(path))?.template ?? 'unmatched';
}

export function createHttpMetrics(options: {
  prefix: string;
  /** The route template of a path (`/v1/upgrades/:upgradeId`); a raw path never becomes a label. */
  routeOf: (path: string) => string;
  extra: () => Promise<string>;
  logger: Logger;
}): HttpMetrics {
  const { routeOf, logger } = options;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: options.prefix });
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
        return own + (await options.extra());
      } catch (error) {
        logger.warn({ err: error }, 'scrape-time metrics left out of /metrics: their source did not answer');
        return own;
      }
    },
  };
}
