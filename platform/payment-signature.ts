/**
 * The payment gateway's notifications are signed, not bearer-authenticated: `X-Callback-Timestamp`
 * (unix seconds) and `X-Callback-Signature`, the hex HMAC-SHA256 of `<timestamp>.<raw body>` with
 * PAYMENT_WEBHOOK_SECRET. A timestamp more than five minutes off is refused, so a captured
 * notification cannot be replayed later. During a rotation the previous secret
 * (PAYMENT_WEBHOOK_SECRET_PREVIOUS) is accepted too, until the gateway signs with the new one.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_CLOCK_SKEW_SECONDS = 300;

export function signNotification(
  secret: string,
  timestamp: number | string,
  rawBody: string | Buffer,
): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** Why a notification is not the gateway's, or null when it is. */
export function signatureRefusal(input: {
  /** The current secret first; the previous one during a rotation. */
  secrets: readonly string[];
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer | undefined;
  nowMs: number;
}): string | null {
  const { timestamp, signature, rawBody } = input;
  if (!timestamp || !signature) return 'X-Callback-Timestamp and X-Callback-Signature are required';
  if (!/^\d{1,12}$/.test(timestamp)) return 'X-Callback-Timestamp must be unix seconds';
  if (Math.abs(input.nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    return `X-Callback-Timestamp is more than ${MAX_CLOCK_SKEW_SECONDS} s away from now`;
  }
  if (!/^[0-9a-f]{64}$/i.test(signature)) return 'X-Callback-Signature must be 64 hex digits';
  const given = Buffer.from(signature, 'hex');
  const matches = input.secrets.some((secret) =>
    timingSafeEqual(
      Buffer.from(signNotification(secret, timestamp, rawBody ?? Buffer.alloc(0)), 'hex'),
      given,
    ),
  );
  return matches ? null : 'the signature does not match the body';
}

/** What the gateway posts when a bill is paid (api/schemas.ts's PaymentNotificationBody). */
export interface PaymentNotification {
  transactionId: string;
  billCode: string;
  amountIdr: number;
  method: string;
  paidAt: string;
}

/**
 * Posts a notification signed as the gateway signs it to `<apiUrl>/v1/payments/notifications`:
 * the stand-in of `npm run pay` and of the web app's development "pay" button. Returns the answer.
 */
export async function postSignedNotification(options: {
  apiUrl: string;
  secret: string;
  notification: PaymentNotification;
}): Promise<{ status: number; body: unknown }> {
  const raw = JSON.stringify(options.notification);
  const timestamp = Math.floor(Date.now() / 1000);
  const answer = await fetch(`${options.apiUrl}/v1/payments/notifications`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'X-Callback-Timestamp': String(timestamp),
      'X-Callback-Signature': signNotification(options.secret, timestamp, raw),
    },
    body: raw,
  });
  return { status: answer.status, body: await answer.json() };
}
