/**
 * A bill's payment as Temporal sees it: one `BillPaymentWorkflow` per bill (`bill-<billCode>`),
 * started by the upgrade's run when it issues the bill (or by the first payment notification of
 * a bill issued elsewhere); it reminds the customer the day before the due date unless the bill
 * was paid or voided, and sends the receipt when the gateway's notification signals it.
 */
import { defineSignal } from '@temporalio/workflow';

export const BILL_PAYMENT_WORKFLOW_TYPE = 'BillPaymentWorkflow';

export function billWorkflowId(billCode: string): string {
  return `bill-${billCode}`;
}

/** The channels the receipt goes out on; a bill's notices are keyed by its run's ID. */
export const RECEIPT_CHANNELS = ['INBOX', 'PUSH', 'EMAIL'] as const;

export interface BillPaymentInput {
  billCode: string;
  customerId: string;
  /** The upgrade that issued the bill, if one did. */
  upgradeId: string | null;
  /** YYYY-MM-DD (Jakarta): the reminder goes at 09:00 the day before. */
  dueDate: string;
}

/** How the gateway says the customer paid. */
/** The payment methods, each with its label as the customer knows it. */
export const PAYMENT_METHOD_LABELS = {
  VA_BCA: 'Virtual Account BCA',
  VA_MANDIRI: 'Virtual Account Mandiri',
  VA_BNI: 'Virtual Account BNI',
  VA_BRI: 'Virtual Account BRI',
  VA_PERMATA: 'Virtual Account Permata',
  QRIS: 'QRIS',
  GOPAY: 'GoPay',
  OVO: 'OVO',
  DANA: 'DANA',
  SHOPEEPAY: 'ShopeePay',
};
export type PaymentMethod = keyof typeof PAYMENT_METHOD_LABELS;
export const PAYMENT_METHODS = Object.keys(PAYMENT_METHOD_LABELS) as [PaymentMethod, ...PaymentMethod[]];

/** The method as the customer knows it; a code the gateway added since is shown as it came. */
export function paymentMethodLabel(code: string): string {
  return (PAYMENT_METHOD_LABELS as Record<string, string>)[code] ?? code;
}

/** The methods the app offers through the gateway (Midtrans Core API), in the order shown. */
export const GATEWAY_METHODS = ['VA_BCA', 'VA_BNI', 'VA_BRI', 'VA_PERMATA', 'VA_MANDIRI', 'QRIS'] as const;
export type GatewayMethod = (typeof GATEWAY_METHODS)[number];

/** Where a payment attempt (one gateway order) stands. */
export const ATTEMPT_STATUSES = ['PENDING', 'PAID', 'EXPIRED', 'CANCELLED', 'DENIED'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/**
 * A payment attempt opened at the gateway (API): the bill's run asks the gateway's Status API
 * while it is pending (paymentAttemptChecks), so a payment whose notification never came is found.
 */
export interface PaymentAttemptSignal {
  orderId: string;
  /** ISO instant the gateway closes the order. */
  expiresAt: string;
  /** ISO instant it was opened. */
  openedAt: string;
}

export const paymentAttemptSignal = defineSignal<[PaymentAttemptSignal]>('paymentAttempt');

/** After the attempt opened: when the run asks the Status API (ms), then once more at its expiry. */
export const ATTEMPT_CHECKS_AFTER_MS = [15 * 60_000, 60 * 60_000] as const;
/** The last check: this long after the order's expiry, once the gateway has closed it. */
export const ATTEMPT_CHECK_AFTER_EXPIRY_MS = 60_000;

/** The payment recorded for the bill (the API recorded it first; the run only tells the customer). */
export interface BillPaidSignal {
  transactionId: string;
}

export const billPaidSignal = defineSignal<[BillPaidSignal]>('billPaid');

/** How a bill's run ended. */
export type BillPaymentOutcome = 'PAID' | 'VOID' | 'UNPAID';
