/**
 * The payment gateway as the bill's payment sees it (a port), and its one adapter: Midtrans's
 * Core API (platform/midtrans.ts). One order per attempt: a VA (BCA, BNI, BRI, Permata), a
 * Mandiri Bill (biller code + bill key) or a QRIS code, for exactly the amount asked, closing at
 * `expiresAt`. `status` is what the gateway says of an order now (the Status API), in the words
 * of its notifications.
 */
import type { GatewayMethod } from '../contracts/payments';
import {
  type ChargeChannel,
  fromMidtransTime,
  type MidtransClient,
  MidtransError,
  type MidtransTransaction,
  midtransClient,
} from '../platform/midtrans';

export interface OpenedOrder {
  orderId: string;
  transactionId: string | null;
  vaNumber: string | null;
  billerCode: string | null;
  billKey: string | null;
  qrString: string | null;
  expiresAt: Date;
}

/** What the gateway says of an order: Midtrans's transaction_status and the fields that go with it. */
export interface OrderStatus {
  orderId: string;
  /** settlement | capture | pending | expire | cancel | deny | … */
  transactionStatus: string;
  fraudStatus: string | null;
  statusCode: string;
  /** "771700.00", as Midtrans writes it. */
  grossAmount: string;
  transactionId: string | null;
  paymentType: string | null;
  /** When it settled, if it did. */
  settledAt: Date | null;
}

export interface PaymentGateway {
  open(order: {
    orderId: string;
    method: GatewayMethod;
    amountIdr: number;
    expiresAt: Date;
    billCode: string;
  }): Promise<OpenedOrder>;
  status(orderId: string): Promise<OrderStatus>;
  /** Cancels a pending order; an order already closed is left as it is. */
  cancel(orderId: string): Promise<void>;
}

/** The order ID exists at the gateway already (Midtrans 406). */
export class DuplicateOrder extends Error {
  override readonly name = 'DuplicateOrder';
}

const CHANNELS: Record<GatewayMethod, ChargeChannel> = {
  VA_BCA: { kind: 'bank_transfer', bank: 'bca' },
  VA_BNI: { kind: 'bank_transfer', bank: 'bni' },
  VA_BRI: { kind: 'bank_transfer', bank: 'bri' },
  VA_PERMATA: { kind: 'bank_transfer', bank: 'permata' },
  VA_MANDIRI: { kind: 'echannel' },
  QRIS: { kind: 'qris' },
};

export function midtransGateway(
  settings: { baseUrl: string; serverKey: string },
  client: MidtransClient = midtransClient(settings),
): PaymentGateway {
  return {
    async open({ orderId, method, amountIdr, expiresAt, billCode }) {
      // Whole minutes, rounded down: the gateway closes the order no later than asked.
      const expiryMinutes = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 60_000));
      let answer: MidtransTransaction;
      try {
        answer = await client.charge({
          orderId,
          grossAmount: amountIdr,
          channel: CHANNELS[method],
          expiryMinutes,
          billInfo: { bill_info1: 'Tagihan:', bill_info2: `Oxygen.id ${billCode}` },
        });
      } catch (error) {
        if (error instanceof MidtransError && error.statusCode === '406')
          throw new DuplicateOrder(`order ${orderId} exists at the gateway already`);
        throw error;
      }
      return {
        orderId,
        transactionId: answer.transaction_id ?? null,
        vaNumber: answer.va_numbers?.[0]?.va_number ?? answer.permata_va_number ?? null,
        billerCode: answer.biller_code ?? null,
        billKey: answer.bill_key ?? null,
        qrString: answer.qr_string ?? null,
        expiresAt: answer.expiry_time ? fromMidtransTime(answer.expiry_time) : expiresAt,
      };
    },
    async status(orderId) {
      const answer = await client.status(orderId);
      return {
        orderId,
        transactionStatus: answer.transaction_status ?? 'unknown',
        fraudStatus: answer.fraud_status ?? null,
        statusCode: answer.status_code,
        grossAmount: answer.gross_amount ?? '0',
        transactionId: answer.transaction_id ?? null,
        paymentType: answer.payment_type ?? null,
        settledAt: answer.settlement_time ? fromMidtransTime(answer.settlement_time) : null,
      };
    },
    async cancel(orderId) {
      try {
        await client.cancel(orderId);
      } catch (error) {
        // 412: the order can no longer be cancelled (paid, expired); 404: never reached the gateway.
        if (error instanceof MidtransError && ['404', '412'].includes(error.statusCode)) return;
        throw error;
      }
    },
  };
}
