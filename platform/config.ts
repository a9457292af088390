/**
 * Every setting comes from the environment, parsed once. Defaults run the whole system on
 * one machine (embedded PostgreSQL, Temporal dev server); setting DATABASE_URL or
 * TEMPORAL_ADDRESS points it at real infrastructure instead. README lists each variable.
 */
import path from 'node:path';
import type { Duration } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';
import { z } from 'zod';
import { DEFAULT_VISIT_MOVE_LEAD_HOURS } from '../contracts/upgrade';

/** The sender of customer emails unless EMAIL_FROM says otherwise. */
export const EMAIL_FROM_DEFAULT = 'Oxygen.id <do-not-reply@oxygen.id>';

const port = z.coerce.number().int().min(1).max(65535);
/** A port, or `off` (read as `null`). */
const portOrOff = (fallback: number) =>
  z
    .union([z.literal('off'), port], { error: 'a port (1-65535) or "off"' })
    .default(fallback)
    .transform((v) => (v === 'off' ? null : v));
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));
/** A duration as Temporal reads it (`ms`): '3 days', '90 minutes', '2s'; more than zero. */
const duration = z.string().refine((value) => {
  try {
    return msToNumber(value as Duration) > 0;
  } catch {
    return false;
  }
}, 'a duration like "3 days" or "90 minutes"');
const bool = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default(path.resolve(process.cwd(), '.data')),

  PORT: port.default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_BASE_URL: optionalString,

  DATABASE_URL: optionalString,
  EMBEDDED_PG_PORT: port.default(5488),

  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('selfcare-upgrade'),
  TEMPORAL_API_KEY: optionalString,
  TEMPORAL_TLS: bool,
  TEMPORAL_TLS_CERT_PATH: optionalString,
  TEMPORAL_TLS_KEY_PATH: optionalString,
  TEMPORAL_TLS_CA_PATH: optionalString,
  TEMPORAL_TLS_SERVER_NAME: optionalString,
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_UI_URL: optionalString,

  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalString,
  EMAIL_FROM: z.string().default(EMAIL_FROM_DEFAULT),
  ONT_SWAP_SLA: duration.default('3 days'),
  VISIT_MOVE_LEAD_HOURS: z.coerce.number().int().min(0).max(720).default(DEFAULT_VISIT_MOVE_LEAD_HOURS),
  AUTH_JWT_SECRET: optionalString,
  PAYMENT_WEBHOOK_SECRET: optionalString,
  UPGRADE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),
  MIGRATE_ON_START: z.enum(['true', 'false']).optional(),
  API_METRICS_PORT: portOrOff(9464),
  WORKER_METRICS_PORT: portOrOff(9465),
  METRICS_HOST: z.string().default('127.0.0.1'),
  TRACE_VIEWER: z.enum(['off', 'phoenix']).default('off'),
  TRACE_VIEWER_PORT: port.default(6006),
  TRACE_VIEWER_GRPC_PORT: port.default(4317),
  RUN_API: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  RUN_WORKER: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  dataDir: string;
  api: { host: string; port: number; publicBaseUrl: string };
  database: { url?: string; embeddedPort: number };
  temporal: {
    /** Unset: start the local dev server. */
    address?: string;
    namespace: string;
    taskQueue: string;
    apiKey?: string;
    tls?: { certPath?: string; keyPath?: string; caPath?: string; serverName?: string };
    devServer: { port: number; uiPort: number; cliPath?: string };
    uiUrl?: string;
  };
  /** Resend when an API key is set; otherwise the local outbox table. */
  email: { resendApiKey?: string; resendBaseUrl?: string; from: string };
  /** HS256 secret of the bearer tokens; a fixed development secret unless in production. */
  auth: { jwtSecret: string; isDevelopmentSecret: boolean };
  /** HMAC-SHA256 secret the payment gateway signs its notifications with; a development one unless in production. */
  payments: { webhookSecret: string };
  rateLimit: { upgradesPerMinute: number };
  /** How long the technician may take to swap an ONT before the run escalates. */
  ontSwapSla: string;
  /** Hours before a visit until which the customer may move it. */
  visitMoveLeadHours: number;
  /** Loads the catalog and the demo customers (idempotently). Off in production unless asked. */
  seedDemoData: boolean;
  /**
   * Apply pending migrations at start (a laptop's `npm start`); otherwise only check the schema
   * and refuse to start when it is behind (production: `npm run migrate` runs once per release).
   */
  migrateOnStart: boolean;
  /** Prometheus endpoints, each on a port of its own (`null`: off). */
  metrics: { host: string; apiPort: number | null; workerPort: number | null };
  /** `npm start`'s development trace viewer (scripts/lib/trace-viewer.ts); `null`: none. */
  traceViewer: { kind: 'phoenix'; port: number; grpcPort: number } | null;
  runApi: boolean;
  runWorker: boolean;
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid environment:\n${problems}`);
  }
  const e = parsed.data;
  const wantsTls = e.TEMPORAL_TLS || !!e.TEMPORAL_TLS_CERT_PATH || !!e.TEMPORAL_API_KEY;
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    dataDir: path.resolve(e.DATA_DIR),
    api: {
      host: e.HOST,
      port: e.PORT,
      publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`,
    },
    database: { url: e.DATABASE_URL, embeddedPort: e.EMBEDDED_PG_PORT },
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      apiKey: e.TEMPORAL_API_KEY,
      tls: wantsTls
        ? {
            certPath: e.TEMPORAL_TLS_CERT_PATH,
            keyPath: e.TEMPORAL_TLS_KEY_PATH,
            caPath: e.TEMPORAL_TLS_CA_PATH,
            serverName: e.TEMPORAL_TLS_SERVER_NAME,
          }
        : undefined,
      devServer: { port: e.TEMPORAL_DEV_PORT, uiPort: e.TEMPORAL_UI_PORT, cliPath: e.TEMPORAL_CLI_PATH },
      uiUrl: e.TEMPORAL_UI_URL,
    },
    email: { resendApiKey: e.RESEND_API_KEY, resendBaseUrl: e.RESEND_BASE_URL, from: e.EMAIL_FROM },
    auth: authSettings(e),
    payments: { webhookSecret: secretOf(e, 'PAYMENT_WEBHOOK_SECRET', DEVELOPMENT_PAYMENT_WEBHOOK_SECRET) },
    rateLimit: { upgradesPerMinute: e.UPGRADE_RATE_LIMIT_PER_MINUTE },
    ontSwapSla: e.ONT_SWAP_SLA,
    visitMoveLeadHours: e.VISIT_MOVE_LEAD_HOURS,
    seedDemoData: e.SEED_DEMO_DATA ? e.SEED_DEMO_DATA === 'true' : e.NODE_ENV !== 'production',
    migrateOnStart: e.MIGRATE_ON_START ? e.MIGRATE_ON_START === 'true' : e.NODE_ENV !== 'production',
    metrics: { host: e.METRICS_HOST, apiPort: e.API_METRICS_PORT, workerPort: e.WORKER_METRICS_PORT },
    traceViewer:
      e.TRACE_VIEWER === 'off'
        ? null
        : { kind: e.TRACE_VIEWER, port: e.TRACE_VIEWER_PORT, grpcPort: e.TRACE_VIEWER_GRPC_PORT },
    runApi: e.RUN_API,
    runWorker: e.RUN_WORKER,
  };
}

/** Known to every developer: fine on a laptop, refused in production. */
export const DEVELOPMENT_JWT_SECRET = 'oxygen-selfcare-development-secret-not-for-production';

/** Known to every developer (and to `npm run pay`): fine on a laptop, refused in production. */
export const DEVELOPMENT_PAYMENT_WEBHOOK_SECRET = 'oxygen-selfcare-payment-gateway-development-secret';

/** A secret of at least 32 characters from `name`, or the development one outside production. */
function secretOf(e: Env, name: 'AUTH_JWT_SECRET' | 'PAYMENT_WEBHOOK_SECRET', development: string): string {
  const value = e[name];
  if (value) {
    if (value.length < 32) throw new Error(`invalid environment:\n  ${name}: at least 32 characters`);
    return value;
  }
  if (e.NODE_ENV === 'production') throw new Error(`invalid environment:\n  ${name}: required in production`);
  return development;
}

function authSettings(e: Env): AppConfig['auth'] {
  const jwtSecret = secretOf(e, 'AUTH_JWT_SECRET', DEVELOPMENT_JWT_SECRET);
  return { jwtSecret, isDevelopmentSecret: !e.AUTH_JWT_SECRET };
}
