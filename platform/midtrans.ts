/**
 * Midtrans's Core API, the few calls we make, over fetch: `POST /v2/charge` (a bank-transfer VA,
 * Mandiri Bill `echannel`, or QRIS), `GET /v2/{order_id}/status`, `POST /v2/{order_id}/cancel`,
 * HTTP Basic with the server key and an empty password. The official `midtrans-client` (1.4.3)
 * picks its base URL from `isProduction` alone (sandbox or production, static constants), so it
 * cannot be pointed at the local stand-in (local/midtrans-stand-in.ts): hence this client
 * (docs/decisions.md). The server key is never logged: errors carry the status and Midtrans's
 * `status_message`, not the request.
 *
 * The notification's `signature_key` is the hex SHA-512 of `order_id + status_code + gross_amount
 * + server key`, checked here in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export const MIDTRANS_SANDBOX_URL = 'https://api.sandbox.midtrans.com';

export type VaBank = 'bca' | 'bni' | 'bri' | 'permata';

/** What to charge: one of the channels the app offers. */
export type ChargeChannel = { kind: 'bank_transfer'; bank: VaBank } | { kind: 'echannel' } | { kind: 'qris' };

export interface ChargeRequest {
  orderId: string;
  grossAmount: number;
  channel: ChargeChannel;
  /** Minutes until Midtrans closes the order (custom_expiry). */
  expiryMinutes: number;
  /** Mandiri Bill's two lines shown at the ATM. */
  billInfo?: { bill_info1: string; bill_info2: string };
}

/** Midtrans's answer to a charge, a status or a cancel (the fields we read). */
export interface MidtransTransaction {
  status_code: string;
  status_message?: string;
  transaction_id?: string;
  order_id: string;
  gross_amount?: string;
  payment_type?: string;
  transaction_status?: string;
  fraud_status?: string;
  transaction_time?: string;
  settlement_time?: string;
  expiry_time?: string;
  va_numbers?: Array<{ bank: string; va_number: string }>;
  permata_va_number?: string;
  bill_key?: string;
  biller_code?: string;
  qr_string?: string;
  actions?: Array<{ name: string; method: string; url: string }>;
}

/** Midtrans answered, but not with what was asked (406: the order ID exists; 404: no such order). */
export class MidtransError extends Error {
  override readonly name = 'MidtransError';
  constructor(
    readonly statusCode: string,
    message: string,
  ) {
    super(message);
  }
}

export interface MidtransClient {
  charge(request: ChargeRequest): Promise<MidtransTransaction>;
  status(orderId: string): Promise<MidtransTransaction>;
  cancel(orderId: string): Promise<MidtransTransaction>;
}

export function midtransClient(options: {
  baseUrl: string;
  serverKey: string;
  timeoutMs?: number;
}): MidtransClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${options.serverKey}:`).toString('base64')}`;
  const call = async (
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    ok: readonly string[] = ['200'],
  ) => {
    const answer = await fetch(`${base}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        authorization,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const text = await answer.text();
    let json: MidtransTransaction;
    try {
      json = JSON.parse(text) as MidtransTransaction;
    } catch {
      throw new MidtransError(String(answer.status), `Midtrans answered ${answer.status}, not JSON`);
    }
    // Midtrans answers HTTP 200 with the outcome in `status_code` (a string).
    if (!ok.includes(String(json.status_code))) {
      throw new MidtransError(
        String(json.status_code ?? answer.status),
        `Midtrans ${method} ${path.replace(/\/v2\/[^/]+\//, '/v2/{order_id}/')}: ${json.status_code} ${json.status_message ?? ''}`.trim(),
      );
    }
    return json;
  };
  return {
    charge: (request) => call('POST', '/v2/charge', chargeBody(request), ['201']),
    // 200: settled or paid; 201: pending; 407: expired — each a status, not an error.
    status: (orderId) =>
      call('GET', `/v2/${encodeURIComponent(orderId)}/status`, undefined, ['200', '201', '202', '407']),
    cancel: (orderId) => call('POST', `/v2/${encodeURIComponent(orderId)}/cancel`, undefined, ['200']),
  };
}

/** The body of `POST /v2/charge` for a channel (Midtrans Core API). */
export function chargeBody(request: ChargeRequest): Record<string, unknown> {
  const { channel } = request;
  const common = {
    transaction_details: { order_id: request.orderId, gross_amount: request.grossAmount },
    custom_expiry: { expiry_duration: request.expiryMinutes, unit: 'minute' },
  };
  if (channel.kind === 'bank_transfer')
    return { payment_type: 'bank_transfer', bank_transfer: { bank: channel.bank }, ...common };
  if (channel.kind === 'echannel')
    return {
      payment_type: 'echannel',
      echannel: request.billInfo ?? { bill_info1: 'Pembayaran:', bill_info2: 'Tagihan Oxygen.id' },
      ...common,
    };
  return { payment_type: 'qris', ...common };
}

/** `signature_key` of a notification: hex SHA-512 of order_id + status_code + gross_amount + server key. */
export function notificationSignature(
  fields: { order_id: string; status_code: string; gross_amount: string },
  serverKey: string,
): string {
  return createHash('sha512')
    .update(`${fields.order_id}${fields.status_code}${fields.gross_amount}${serverKey}`)
    .digest('hex');
}

/** Whether `signature_key` is Midtrans's for these fields, compared in constant time. */
export function isMidtransSignature(
  fields: { order_id: string; status_code: string; gross_amount: string; signature_key: string },
  serverKey: string,
): boolean {
  if (!/^[0-9a-f]{128}$/i.test(fields.signature_key)) return false;
  const expected = Buffer.from(notificationSignature(fields, serverKey), 'hex');
  return timingSafeEqual(expected, Buffer.from(fields.signature_key, 'hex'));
}

/** Midtrans's `YYYY-MM-DD HH:mm:ss` (GMT+7) as an instant. */
export function fromMidtransTime(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}+07:00`);
}

/** An instant as Midtrans writes it: `YYYY-MM-DD HH:mm:ss` in GMT+7. */
export function toMidtransTime(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
