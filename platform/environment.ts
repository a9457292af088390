/**
 * What the environment may hold: every variable the services read, its type and its default,
 * parsed by one schema (loadConfig in platform/config.ts turns it into settings). README and
 * docs/operating.md list each variable.
 */
import path from 'node:path';
import type { Duration } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';
import { z } from 'zod';
import { DEFAULT_VISIT_MOVE_LEAD_HOURS } from '../contracts/upgrade';

/**
 * How long Temporal keeps a closed run's history (docs/decisions.md, "Retention"): the dev server,
 * the cluster's setup-namespace.sh and docker-compose.yml all set it.
 */
export const NAMESPACE_RETENTION_DEFAULT = '720h';

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

export const EnvSchema = z.object({
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
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_UI_URL: optionalString,

  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalString,
  EMAIL_FROM: z.string().default(EMAIL_FROM_DEFAULT),
  ONT_SWAP_SLA: duration.default('3 days'),
  VISIT_MOVE_LEAD_HOURS: z.coerce.number().int().min(0).max(720).default(DEFAULT_VISIT_MOVE_LEAD_HOURS),
  /** Gone: read only to refuse it with a sentence that says what replaced it. */
  AUTH_JWT_SECRET: optionalString,
  AUTH_ISSUERS: optionalString,
  AUTH_ISSUERS_FILE: optionalString,
  AUTH_AUDIENCE: z.string().default('selfcare-api'),
  AUTH_WEB_AUTHORITY: optionalString,
  AUTH_WEB_CLIENT_ID: optionalString,
  AUTH_WEB_SCOPE: z.string().default('openid profile'),
  OIDC_PORT: portOrOff(4000),
  OIDC_ISSUER: optionalString,
  /** The development provider's access-token lifetime; the web app renews a minute before its end. */
  OIDC_ACCESS_TOKEN_SECONDS: z.coerce.number().int().min(61).max(86_400).default(3600),
  STATEMENT_LINK_SECRET: optionalString,
  STATEMENT_LINK_MARGIN_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  MIDTRANS_SERVER_KEY: optionalString,
  MIDTRANS_API_BASE_URL: optionalString,
  /** `npm start`'s stand-in of Midtrans (local/midtrans-stand-in.ts) when MIDTRANS_API_BASE_URL is unset; 0: any free port. */
  MIDTRANS_STAND_IN_PORT: z.coerce.number().int().min(0).max(65_535).default(4010),
  /** The payment methods the app offers, in order (comma-separated). */
  PAYMENT_METHODS: optionalString,
  PAYLOAD_ENCRYPTION_KEYS: optionalString,
  PAYLOAD_ENCRYPTION_KEY_ID: optionalString,
  NAMESPACE_RETENTION: duration.default(NAMESPACE_RETENTION_DEFAULT),
  CODEC_PORT: portOrOff(8234),
  CODEC_HOST: z.string().default('127.0.0.1'),
  CODEC_AUTH: z.enum(['none', 'operator']).optional(),
  CODEC_ALLOWED_ORIGINS: optionalString,
  CODEC_TLS_CERT_PATH: optionalString,
  CODEC_TLS_KEY_PATH: optionalString,
  UPGRADE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  QUOTE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  PAYMENT_NOTIFICATION_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  CS_SEARCH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  READINESS_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
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

/** Every variable loadConfig reads: a stack a script or test starts gets its own values, not the shell's. */
export const CONFIG_VARIABLES = Object.keys(EnvSchema.shape) as Array<keyof Env>;

/** The shell's environment without the stack's configuration (tool paths stay: they describe the machine). */
export function environmentWithoutConfig(environment: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const kept = { ...environment };
  for (const name of CONFIG_VARIABLES) if (name !== 'TEMPORAL_CLI_PATH') delete kept[name];
  return kept;
}
