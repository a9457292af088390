/**
 * Every setting comes from the environment, parsed once. Defaults run the whole system on
 * one machine (embedded PostgreSQL, Temporal dev server); setting DATABASE_URL or
 * TEMPORAL_ADDRESS points it at real infrastructure instead. README lists each variable.
 */
import path from 'node:path';
import { GATEWAY_METHODS, type GatewayMethod } from '../contracts/payments';
import { type IssuerSettings, parseIssuers } from './auth/issuers';
import { ROLES } from './auth/principal';
import { DEVELOPMENT_VENDORS, WEB_CLIENT_ID, WEB_CLIENT_SCOPE } from './auth/provider-constants';
import type { StatementLinkSettings } from './auth/statement-link';
import { developmentKeyring, KeyringSettingError, parseKeyring } from './encryption-keys';
import { type Env, EnvSchema } from './environment';
import { MIDTRANS_SANDBOX_URL } from './midtrans';
import type { Keyring } from './payload-encryption';
import { DEVELOPMENT_MIDTRANS_SERVER_KEY, DEVELOPMENT_STATEMENT_LINK_SECRET, secretRefusal } from './secrets';

export { EMAIL_FROM_DEFAULT, NAMESPACE_RETENTION_DEFAULT } from './environment';

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
    /** The TEMPORAL_* variables, for @temporalio/envconfig (TEMPORAL_API_KEY, TEMPORAL_TLS_*, TEMPORAL_PROFILE…). */
    connectionEnv: Record<string, string>;
    devServer: { port: number; uiPort: number; cliPath?: string };
    uiUrl?: string;
    /** How long closed runs are kept (set on the dev server's namespace at start). */
    retention: string;
  };
  /** Payload encryption keys (platform/payload-encryption.ts); the key bytes never leave the keyring. */
  encryption: { keyring: Keyring; isDevelopmentKey: boolean };
  /**
   * The codec server for the Web UI (api/codec-server.ts), in the API process: `port` null is off.
   * `auth` none (development only, loopback only) or operator (a bearer token of the operator role).
   */
  codec: {
    port: number | null;
    host: string;
    auth: 'none' | 'operator';
    allowedOrigins: string[];
    /** HTTPS on the listener: the Web UI passes an operator's token to an https endpoint only. */
    tls?: { certPath: string; keyPath: string };
  };
  /** Resend when an API key is set; otherwise the local outbox table. */
  email: { resendApiKey?: string; resendBaseUrl?: string; from: string };
  auth: {
    /** The identity providers whose tokens the API accepts, each limited to its roles. */
    issuers: IssuerSettings[];
    /** The embedded OpenID provider (local/auth/provider.ts); never in production. `port` null: another process runs it. */
    development?: { issuer: string; port: number | null; audience: string; accessTokenSeconds: number };
    /** What the web app's browser code signs in with (oidc-client-ts), served to it by the API. */
    webClient?: { authority: string; clientId: string; scope: string };
    statementLinks: StatementLinkSettings;
  };
  /**
   * The payment gateway (Midtrans Core API, platform/midtrans.ts): its base URL and server key
   * (never logged), the methods offered; `standInPort` when `npm start` runs the local stand-in
   * (no MIDTRANS_API_BASE_URL outside production), whose URL then replaces `baseUrl`.
   */
  payments: {
    midtrans: { baseUrl: string; serverKey: string; standInPort: number | null };
    methods: GatewayMethod[];
  };
  /**
   * The API's rate limits (api/rate-limits.ts), counted in PostgreSQL for every replica: requests
   * per `windowMs` (a minute) per customer (upgrade starts, quotes), per source IP (the gateway's
   * notifications) and per staff account (the CS search).
   */
  rateLimit: {
    windowMs: number;
    upgradeStarts: number;
    quotes: number;
    paymentNotifications: number;
    csSearches: number;
  };
  /** How long `/readyz` answers from its last checks before it checks again (0: every probe). */
  readinessCacheMs: number;
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
  /** `npm start`'s development trace viewer (local/trace-viewer.ts); `null`: none. */
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
  if (e.NODE_ENV === 'production') {
    const refusal = secretRefusal(e);
    if (refusal) throw new Error(`invalid environment:\n  ${refusal}`);
  } else if (!isLoopback(e.HOST)) {
    throw new Error(
      `invalid environment:\n  NODE_ENV: ${e.NODE_ENV} serves development routes (a token for anyone at POST /v1/dev/sign-in), so HOST must be a loopback address, not ${e.HOST}; set NODE_ENV=production to listen on ${e.HOST}`,
    );
  }
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
      // TLS, mTLS and API key: @temporalio/envconfig reads its standard names (platform/temporal-connection.ts).
      connectionEnv: Object.fromEntries(
        Object.entries(environment).filter(
          (entry): entry is [string, string] =>
            entry[0].startsWith('TEMPORAL_') && typeof entry[1] === 'string',
        ),
      ),
      devServer: { port: e.TEMPORAL_DEV_PORT, uiPort: e.TEMPORAL_UI_PORT, cliPath: e.TEMPORAL_CLI_PATH },
      uiUrl: e.TEMPORAL_UI_URL,
      retention: e.NAMESPACE_RETENTION,
    },
    encryption: encryptionSettings(e),
    codec: codecSettings(e),
    email: { resendApiKey: e.RESEND_API_KEY, resendBaseUrl: e.RESEND_BASE_URL, from: e.EMAIL_FROM },
    auth: authSettings(e),
    payments: paymentSettings(e),
    rateLimit: {
      windowMs: 60_000,
      upgradeStarts: e.UPGRADE_RATE_LIMIT_PER_MINUTE,
      quotes: e.QUOTE_RATE_LIMIT_PER_MINUTE,
      paymentNotifications: e.PAYMENT_NOTIFICATION_RATE_LIMIT_PER_MINUTE,
      csSearches: e.CS_SEARCH_RATE_LIMIT_PER_MINUTE,
    },
    readinessCacheMs: e.READINESS_CACHE_MS,
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

export { DEVELOPMENT_MIDTRANS_SERVER_KEY, DEVELOPMENT_STATEMENT_LINK_SECRET } from './secrets';

type SecretName = 'STATEMENT_LINK_SECRET';

/** A secret of at least 32 characters from `name`, or the development one outside production. */
function secretOf(e: Env, name: SecretName, development: string): string {
  const value = e[name];
  if (value) {
    if (value.length < 32) throw new Error(`invalid environment:\n  ${name}: at least 32 characters`);
    return value;
  }
  if (e.NODE_ENV === 'production') throw new Error(`invalid environment:\n  ${name}: required in production`);
  return development;
}

function paymentSettings(e: Env): AppConfig['payments'] {
  const production = e.NODE_ENV === 'production';
  const serverKey = e.MIDTRANS_SERVER_KEY ?? (production ? undefined : DEVELOPMENT_MIDTRANS_SERVER_KEY);
  if (!serverKey) throw new Error('invalid environment:\n  MIDTRANS_SERVER_KEY: required in production');
  const standIn = !production && !e.MIDTRANS_API_BASE_URL;
  const methods = e.PAYMENT_METHODS
    ? e.PAYMENT_METHODS.split(',')
        .map((m) => m.trim())
        .filter(Boolean)
    : [...GATEWAY_METHODS];
  const unknown = methods.filter((m) => !(GATEWAY_METHODS as readonly string[]).includes(m));
  if (unknown.length > 0 || methods.length === 0) {
    throw new Error(
      `invalid environment:\n  PAYMENT_METHODS: a comma-separated list of ${GATEWAY_METHODS.join(', ')}${unknown.length ? ` (not ${unknown.join(', ')})` : ''}`,
    );
  }
  return {
    midtrans: {
      baseUrl:
        e.MIDTRANS_API_BASE_URL ??
        (standIn ? `http://127.0.0.1:${e.MIDTRANS_STAND_IN_PORT}` : MIDTRANS_SANDBOX_URL),
      serverKey,
      standInPort: standIn ? e.MIDTRANS_STAND_IN_PORT : null,
    },
    methods: methods as GatewayMethod[],
  };
}

function authSettings(e: Env): AppConfig['auth'] {
  if (e.AUTH_JWT_SECRET) {
    throw new Error(
      'invalid environment:\n  AUTH_JWT_SECRET: shared-secret (HS256) tokens are no longer accepted, since anyone holding the secret could mint operator tokens; remove it and set AUTH_ISSUERS to the identity providers the API trusts (docs/security.md)',
    );
  }
  const configured = parseIssuers(e.AUTH_ISSUERS, e.AUTH_ISSUERS_FILE) ?? [];
  const statementLinks = {
    secret: secretOf(e, 'STATEMENT_LINK_SECRET', DEVELOPMENT_STATEMENT_LINK_SECRET),
    marginDays: e.STATEMENT_LINK_MARGIN_DAYS,
  };
  const production = e.NODE_ENV === 'production';
  const webClient =
    e.AUTH_WEB_AUTHORITY && e.AUTH_WEB_CLIENT_ID
      ? { authority: e.AUTH_WEB_AUTHORITY, clientId: e.AUTH_WEB_CLIENT_ID, scope: e.AUTH_WEB_SCOPE }
      : undefined;
  if (production) {
    if (configured.length === 0)
      throw new Error(
        'invalid environment:\n  AUTH_ISSUERS: required in production (the identity providers whose tokens the API accepts, docs/security.md)',
      );
    for (const { issuer, jwksUri } of configured) {
      for (const url of [issuer, jwksUri]) {
        if (url !== undefined && !isHttpsOrLoopback(url))
          throw new Error(
            `invalid environment:\n  AUTH_ISSUERS: issuer ${issuer} needs https URLs in production (${url} is not), or its keys could be swapped on the way`,
          );
      }
    }
    return { issuers: configured, webClient, statementLinks };
  }
  if (e.OIDC_PORT === null && !e.OIDC_ISSUER) return { issuers: configured, webClient, statementLinks };
  const issuer = (e.OIDC_ISSUER ?? `http://localhost:${e.OIDC_PORT}`).replace(/\/+$/, '');
  const development = {
    issuer,
    port: e.OIDC_PORT,
    audience: e.AUTH_AUDIENCE,
    accessTokenSeconds: e.OIDC_ACCESS_TOKEN_SECONDS,
  };
  const embedded: IssuerSettings = {
    issuer,
    audience: e.AUTH_AUDIENCE,
    algorithms: ['ES256'],
    roles: [...ROLES],
    vendors: [...DEVELOPMENT_VENDORS],
    claims: { role: 'roles', customerId: 'customer_id', subject: 'preferred_username' },
    jwksCooldownSeconds: 30,
    jwksCacheMaxAgeSeconds: 600,
  };
  return {
    issuers: [embedded, ...configured.filter((c) => c.issuer !== issuer)],
    development,
    webClient: webClient ?? { authority: issuer, clientId: WEB_CLIENT_ID, scope: WEB_CLIENT_SCOPE },
    statementLinks,
  };
}

function encryptionSettings(e: Env): AppConfig['encryption'] {
  if (!e.PAYLOAD_ENCRYPTION_KEYS) {
    if (e.NODE_ENV === 'production') {
      throw new Error(
        'invalid environment:\n  PAYLOAD_ENCRYPTION_KEYS: required in production (<id>:<base64 of 32 random bytes>, comma-separated)',
      );
    }
    if (e.PAYLOAD_ENCRYPTION_KEY_ID) {
      throw new Error(
        'invalid environment:\n  PAYLOAD_ENCRYPTION_KEY_ID: set without PAYLOAD_ENCRYPTION_KEYS',
      );
    }
    return { keyring: developmentKeyring(), isDevelopmentKey: true };
  }
  try {
    return {
      keyring: parseKeyring(e.PAYLOAD_ENCRYPTION_KEYS, e.PAYLOAD_ENCRYPTION_KEY_ID),
      isDevelopmentKey: false,
    };
  } catch (error) {
    if (error instanceof KeyringSettingError) throw new Error(`invalid environment:\n  ${error.message}`);
    throw error;
  }
}

const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** https, or http to this machine only (a sidecar or a test's provider: nothing on the way to read or swap). */
function isHttpsOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || (protocol === 'http:' && isLoopback(hostname));
}

function codecSettings(e: Env): AppConfig['codec'] {
  const auth = e.CODEC_AUTH ?? (e.NODE_ENV === 'production' ? 'operator' : 'none');
  if (auth === 'none' && e.NODE_ENV === 'production') {
    throw new Error('invalid environment:\n  CODEC_AUTH: none is for development; production needs operator');
  }
  if (auth === 'none' && e.CODEC_PORT !== null && !isLoopback(e.CODEC_HOST)) {
    throw new Error(
      'invalid environment:\n  CODEC_AUTH: none decrypts for anyone who reaches it, so CODEC_HOST must be a loopback address',
    );
  }
  const uiPort = e.TEMPORAL_UI_PORT;
  const allowedOrigins = e.CODEC_ALLOWED_ORIGINS
    ? e.CODEC_ALLOWED_ORIGINS.split(',')
        .map((o) => o.trim().replace(/\/+$/, ''))
        .filter(Boolean)
    : e.TEMPORAL_UI_URL
      ? [new URL(e.TEMPORAL_UI_URL).origin]
      : [`http://localhost:${uiPort}`, `http://127.0.0.1:${uiPort}`];
  if (!e.CODEC_TLS_CERT_PATH !== !e.CODEC_TLS_KEY_PATH) {
    throw new Error('invalid environment:\n  CODEC_TLS_CERT_PATH, CODEC_TLS_KEY_PATH: both or neither');
  }
  const tls =
    e.CODEC_TLS_CERT_PATH && e.CODEC_TLS_KEY_PATH
      ? { certPath: e.CODEC_TLS_CERT_PATH, keyPath: e.CODEC_TLS_KEY_PATH }
      : undefined;
  return { port: e.CODEC_PORT, host: e.CODEC_HOST, auth, allowedOrigins, ...(tls ? { tls } : {}) };
}
