/**
 * JSON shapes the API answers with, shared by routes, the statement page and tests.
 * Money is integer rupiah; calendar days are `YYYY-MM-DD`; instants are ISO 8601 with the
 * Asia/Jakarta offset (`2025-11-21T13:34:28+07:00`).
 */

export interface PackageView {
  code: string;
  name: string;
  line: 'STREAM' | 'STREAM_PLUS';
  speedMbps: number;
  termMonths: number;
  priceIdr: number;
  requiresDualBand: boolean;
  tier: number;
  promo: PromoView | null;
}

export interface PromoView {
  name: string;
  endsOn: string;
  fallbackPackageCode: string;
  /** As the Billing App shows it: `END PROMO : 21-MAR-2026 BACK TO STREAM 150 SEMESTERLY`. */
  label: string;
}

export interface PackageDetailView extends PackageView {
  termsAndConditions: string[];
}

export interface BillLineView {
  label: string;
  amountIdr: number;
}

export interface BillQuoteView {
  period: string;
  billingDate: string;
  dueDate: string;
  billingMonth: { start: string; end: string; label: string };
  billCycle: number;
  packageCode: string;
  packageName: string;
  actualChargeIdr: number;
  adjustmentIdr: number;
  baseIdr: number;
  vatRatePercent: number;
  vatIdr: number;
  totalIdr: number;
  amountInWords: string;
  lines: BillLineView[];
}

export interface BillView extends BillQuoteView {
  billCode: string;
  customerId: string;
  status: 'UNPAID' | 'PAID';
  paidAmountIdr: number;
  upgradeId: string | null;
  createdAt: string;
  links: { self: string; statement: string };
}

/** What the printable Billing Statement needs besides the bill. */
export interface StatementCustomer {
  id: string;
  name: string;
  installationAddress: string;
}
