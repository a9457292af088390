/** What every route handler is given: the database, the Temporal client, the configuration, the logger. */
import type { Client } from '@temporalio/client';
import type { TokenVerifier } from '../platform/auth';
import type { AppConfig } from '../platform/config';
import type { Database } from '../platform/database';
import type { ApiCheck, Readiness } from '../platform/health/readiness';
import type { Logger } from '../platform/logger';
import type { HttpMetrics } from '../platform/telemetry/http-metrics';
import type { PaymentGateway } from '../services/payment-gateway';

export interface ApiDependencies {
  db: Database;
  temporal: Client;
  config: AppConfig;
  logger: Logger;
  /** Requests counted and timed for Prometheus (api/metrics.ts); unset when API_METRICS_PORT=off. */
  metrics?: ApiMetrics;
  /** What `/readyz` reports; unset: PostgreSQL, migrations and Temporal through the clients above. */
  readiness?: Readiness<ApiCheck>;
  /** The bearer tokens' verifier; default: one for the configured issuers. */
  verifier?: TokenVerifier;
  /** The payment gateway; default: Midtrans's Core API at MIDTRANS_API_BASE_URL (services/payment-gateway.ts). */
  paymentGateway?: PaymentGateway;
}

/** Requests counted and timed, and the upgrade counts read at each scrape (api/metrics.ts). */
export type ApiMetrics = HttpMetrics;
