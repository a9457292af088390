/** Bills, their quotes and lines, the payment the gateway reports, and what the printable statement needs. */
import { z } from 'zod';
import {
  BillCode,
  CustomerId,
  Idr,
  JakartaInstant,
  LocalDate,
  PackageCode,
  pageOf,
  UpgradeId,
} from './scalars';

export const BillLineView = z.strictObject({ label: z.string(), amountIdr: Idr });

export const BillQuoteView = z.strictObject({
  period: z
    .string()
    .regex(/^\d{6}$/)
    .describe('YYYYMM of the billing date'),
  billingDate: LocalDate,
  dueDate: LocalDate,
  billingMonth: z.strictObject({
    start: LocalDate,
    end: LocalDate,
    label: z
      .string()
      .regex(/^\d{2}\.\d{2}\.\d{4}-\d{2}\.\d{2}\.\d{4}$/)
      .describe('21.11.2025-22.05.2026'),
  }),
  billCycle: z.number().int(),
  packageCode: PackageCode,
  packageName: z.string(),
  actualChargeIdr: Idr.describe('"Actual Tagihan": the new package price'),
  adjustmentIdr: Idr.describe('"Penyesuaian Tagihan": credit for the unused old term'),
  baseIdr: Idr,
  vatRatePercent: z.number().int(),
  vatIdr: Idr,
  totalIdr: Idr.describe('"Total Tagihan", rounded to Rp 100'),
  amountInWords: z.string().describe('the total in Indonesian words (terbilang)'),
  lines: z.array(BillLineView),
});

export const BillView = BillQuoteView.extend({
  billCode: BillCode.describe('YYYYMM + 6 digits'),
  customerId: CustomerId,
  status: z
    .enum(['UNPAID', 'PAID', 'VOID'])
    .describe('VOID: cancelled with its upgrade before the package switch; kept, with a credit line'),
  paidAmountIdr: Idr,
  paidAt: JakartaInstant.nullable().describe('when the payment gateway says it was paid'),
  voidedAt: JakartaInstant.nullable(),
  upgradeId: UpgradeId.nullable(),
  createdAt: JakartaInstant,
  links: z.strictObject({ self: z.string(), statement: z.string() }),
});

export const BillPage = pageOf('bills', BillView, 'newest first');

export const PaymentRecorded = z.strictObject({
  status: z
    .enum(['RECORDED', 'ALREADY_RECORDED'])
    .describe('ALREADY_RECORDED: this transaction was recorded before'),
  billCode: BillCode,
  transactionId: z.string(),
});

export const PaymentAttemptView = z.strictObject({
  orderId: z.string().describe("the gateway's order_id: `<billCode>-<attempt>`"),
  billCode: BillCode,
  method: z.enum(['VA_BCA', 'VA_BNI', 'VA_BRI', 'VA_PERMATA', 'VA_MANDIRI', 'QRIS']),
  methodLabel: z.string().describe('the method in words, e.g. Virtual Account BCA'),
  status: z.enum(['PENDING', 'PAID', 'EXPIRED', 'CANCELLED', 'DENIED']),
  amountIdr: Idr.describe("exactly the bill's total"),
  vaNumber: z.string().nullable().describe('the virtual account number (VA methods but Mandiri)'),
  billerCode: z.string().nullable().describe("Mandiri Bill's biller code"),
  billKey: z.string().nullable().describe("Mandiri Bill's bill key"),
  qrString: z.string().nullable().describe('the QRIS payload, to render as a QR code'),
  createdAt: JakartaInstant,
  expiresAt: JakartaInstant.describe('the deadline: the gateway closes the order then'),
  closedAt: JakartaInstant.nullable(),
});

export const PaymentAttemptList = z.strictObject({
  billCode: BillCode,
  billStatus: z.enum(['UNPAID', 'PAID', 'VOID']),
  methods: z
    .array(PaymentAttemptView.shape.method)
    .describe('the methods offered, in the order to show them'),
  attempts: z.array(PaymentAttemptView).describe('newest first'),
});

export const MidtransNotificationAnswer = z.strictObject({
  status: z
    .enum(['RECORDED', 'ALREADY_RECORDED', 'CLOSED', 'UNCHANGED'])
    .describe(
      'RECORDED: paid now; ALREADY_RECORDED: a repeat; CLOSED: the attempt expired, was cancelled or denied; UNCHANGED: pending, or nothing new',
    ),
  orderId: z.string(),
});

export type PaymentAttemptView = z.output<typeof PaymentAttemptView>;
export type BillLineView = z.output<typeof BillLineView>;
export type BillQuoteView = z.output<typeof BillQuoteView>;
export type BillView = z.output<typeof BillView>;

/** What the printable Billing Statement needs besides the bill. */
export interface StatementCustomer {
  id: string;
  name: string;
  installationAddress: string;
}
