/**
 * The one way an email leaves the system. Resend (the `resend` SDK) when an API key is configured;
 * otherwise the local outbox table, which keeps the whole message for developers to read
 * (`GET /v1/dev/outbox`). Both are idempotent on `OutgoingEmail.idempotencyKey`: sending the same key
 * twice delivers one message.
 */
import { ApplicationFailure } from '@temporalio/common';
import { type ErrorResponse, Resend } from 'resend';
import type { AppConfig } from '../config';
import type { Database } from '../database';
import { KEEP_EXISTING } from '../once';

export interface OutgoingEmail {
  /** Same key, same email: a retry never sends a second message. */
  idempotencyKey: string;
  customerId: string | null;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface EmailTransport {
  readonly name: string;
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
}

/** Failure types raised by the transports, for retry policies and for tests. */
export const EMAIL_REJECTED = 'EmailRejected';
export const EMAIL_TRANSPORT_UNAVAILABLE = 'EmailTransportUnavailable';

/** Stores the message in `EmailOutbox`; the same idempotency key finds the row already there. */
export class OutboxEmailTransport implements EmailTransport {
  readonly name = 'outbox';

  constructor(private readonly db: Database) {}

  async send(email: OutgoingEmail): Promise<{ providerMessageId: string }> {
    const row = await keepInOutbox(this.db, email);
    return { providerMessageId: String(row.id) };
  }
}

/** The message kept under its idempotency key: the first one stored wins, later ones find it. */
async function keepInOutbox(db: Database, email: OutgoingEmail) {
  const { idempotencyKey } = email;
  const select = { id: true, from: true, to: true, subject: true, html: true, text: true } as const;
  return db.emailOutbox.upsert({
    where: { idempotencyKey },
    create: {
      idempotencyKey,
      customerId: email.customerId,
      from: email.from,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
    },
    ...KEEP_EXISTING(idempotencyKey),
    select,
  });
}

export interface ResendTransportOptions {
  apiKey: string;
  /** Another API root, e.g. a local stand-in in tests. Unset: the SDK's default (`RESEND_BASE_URL` or api.resend.com). */
  baseUrl?: string;
  /** Abort a request that hangs longer than this (default 30 s); it counts as a network error (retryable). */
  timeoutMs?: number;
  /**
   * Keep each message in `EmailOutbox` before its first send and send the kept copy on every retry.
   * A retry renders the email anew (the statement link carries a fresh token), and Resend refuses a
   * key it already accepted when the payload differs (409 invalid_idempotent_request, not retryable):
   * without the kept copy, an answer lost after Resend accepted would fail the upgrade.
   */
  outbox?: Database;
}

/**
 * Sends through Resend with Resend's own idempotency (`Idempotency-Key` header, kept by Resend for 24 h).
 * The SDK never throws on API errors; it answers `{ data, error }`, and `error` is classified here:
 * network errors, 429 and 5xx are retryable; other 4xx (bad from/to, bad key, validation) are not.
 */
export class ResendEmailTransport implements EmailTransport {
  readonly name = 'resend';
  private readonly resend: Resend;
  private readonly timeoutMs: number;
  private readonly outbox?: Database;

  constructor(options: ResendTransportOptions) {
    // The SDK takes `baseUrl` as a constructor option; without it, it reads RESEND_BASE_URL at construction.
    const baseUrl = options.baseUrl?.replace(/\/+$/, '');
    this.resend = new Resend(options.apiKey, baseUrl ? { baseUrl } : undefined);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.outbox = options.outbox;
  }

  /** The API root requests go to (for logs and tests; never carries the key). */
  get baseUrl(): string {
    return this.resend.baseUrl;
  }

  async send(email: OutgoingEmail): Promise<{ providerMessageId: string }> {
    const { from, to, subject, html, text } = this.outbox ? await keepInOutbox(this.outbox, email) : email;
    const { data, error, headers } = await this.resend.emails.send(
      { from, to: [to], subject, html, text },
      { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(this.timeoutMs) },
    );
    if (error) throw classifyResendError(error, headers);
    if (!data?.id) {
      throw ApplicationFailure.retryable('Resend answered without an email id', EMAIL_TRANSPORT_UNAVAILABLE);
    }
    return { providerMessageId: data.id };
  }
}

/** Error names Resend uses for conditions that pass with time. */
const RETRYABLE_NAMES = new Set<string>([
  'rate_limit_exceeded',
  'daily_quota_exceeded',
  'monthly_quota_exceeded',
  'concurrent_idempotent_requests',
  'application_error',
  'internal_server_error',
]);

/** Error names Resend uses for requests that will fail the same way every time. */
const PERMANENT_NAMES = new Set<string>([
  'invalid_idempotency_key',
  'validation_error',
  'missing_api_key',
  'restricted_api_key',
  'invalid_api_key',
  'not_found',
  'method_not_allowed',
  'invalid_idempotent_request',
  'invalid_attachment',
  'invalid_from_address',
  'invalid_access',
  'invalid_parameter',
  'invalid_region',
  'missing_required_field',
  'security_error',
]);

function isRetryable(status: number | null | undefined, name: string): boolean {
  if (status === null) return true; // the SDK's "could not reach the API"
  if (typeof status === 'number') {
    // 409: the same key is still being processed (retry) or was used with another payload (never).
    if (status === 409) return name === 'concurrent_idempotent_requests';
    return status === 408 || status === 429 || status >= 500;
  }
  // A body without statusCode: judge by the error name; an unknown name is retried (bounded by the policy).
  return RETRYABLE_NAMES.has(name) || !PERMANENT_NAMES.has(name);
}

/** Turns a Resend error into a Temporal failure: retryable (honouring Retry-After) or `EmailRejected`. */
export function classifyResendError(
  error: ErrorResponse,
  headers: Record<string, string> | null = null,
): ApplicationFailure {
  // The SDK passes the API's JSON error body through, so `statusCode` comes from the body; null = network.
  const status = error.statusCode as number | null | undefined;
  const name = String(error.name ?? 'unknown_error');
  const details = { statusCode: status ?? null, name };
  const message = `Resend ${status ?? 'network'} ${name}: ${error.message ?? 'no message'}`;
  if (!isRetryable(status, name)) return ApplicationFailure.nonRetryable(message, EMAIL_REJECTED, details);
  const retryAfterSeconds = Number(headers?.['retry-after']);
  return ApplicationFailure.create({
    message,
    type: EMAIL_TRANSPORT_UNAVAILABLE,
    nonRetryable: false,
    details: [details],
    nextRetryDelay:
      Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0
        ? Math.min(retryAfterSeconds, 3600) * 1000
        : undefined,
  });
}

/** Resend when `resendApiKey` is set (keeping what it sends in the outbox table), else the outbox table. */
export function createEmailTransport(email: AppConfig['email'], db: Database): EmailTransport {
  if (email.resendApiKey) {
    return new ResendEmailTransport({ apiKey: email.resendApiKey, baseUrl: email.resendBaseUrl, outbox: db });
  }
  return new OutboxEmailTransport(db);
}
