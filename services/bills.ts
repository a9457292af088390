/**
 * A bill has one shape in three places: the quote (before it exists), the row (once issued) and
 * the API view. Each mapping is written once here.
 */
import type { BillQuoteView, BillView } from '../contracts/views';
import { billingMonthLabel, toJakartaIso, type UpgradeBillQuote } from '../domain';
import type { Bill, BillLine, Prisma } from '../prisma/generated/client';
import { dateOnly } from './catalog';

/** What a quote, a bill row and a bill view say alike, field for field. */
const SAME_IN_ALL = [
  'period',
  'billCycle',
  'packageCode',
  'packageName',
  'actualChargeIdr',
  'adjustmentIdr',
  'baseIdr',
  'vatRatePercent',
  'vatIdr',
  'totalIdr',
  'amountInWords',
] as const;
type Shared = Pick<UpgradeBillQuote, (typeof SAME_IN_ALL)[number]>;

function shared(quote: Shared): Shared {
  return Object.fromEntries(SAME_IN_ALL.map((field) => [field, quote[field]])) as Shared;
}

export function toQuoteView(quote: Omit<UpgradeBillQuote, 'monthsUsed'>): BillQuoteView {
  return {
    ...shared(quote),
    billingDate: quote.billingDate,
    dueDate: quote.dueDate,
    billingMonth: { ...quote.billingMonth, label: quote.billingMonthLabel },
    lines: quote.lines.map((line) => ({ label: line.label, amountIdr: line.amountIdr })),
  };
}

/** The bill row a quote issues (its code and owner given); its lines are billLineRowsOf. */
export function billRowOf(
  quote: UpgradeBillQuote,
  owner: { billCode: string; customerId: string; upgradeId: string },
): Prisma.BillUncheckedCreateInput {
  const { billingMonth } = quote;
  return {
    ...owner,
    ...shared(quote),
    billingDate: asDate(quote.billingDate),
    dueDate: asDate(quote.dueDate),
    billingMonthStart: asDate(billingMonth.start),
    billingMonthEnd: asDate(billingMonth.end),
    status: 'UNPAID',
  };
}

/** The statement's lines of a quote, in its order, for the bill `billCode` (one INSERT of them all). */
export function billLineRowsOf(quote: UpgradeBillQuote, billCode: string): Prisma.BillLineCreateManyInput[] {
  return quote.lines.map(({ label, amountIdr }, position) => ({ billCode, position, label, amountIdr }));
}

export function toBillView(bill: Bill & { lines: BillLine[] }): BillView {
  const start = dateOnly(bill.billingMonthStart);
  const end = dateOnly(bill.billingMonthEnd);
  const lines = [...bill.lines].sort((a, b) => a.position - b.position);
  return {
    billCode: bill.billCode,
    customerId: bill.customerId,
    ...toQuoteView({
      ...bill,
      billingDate: dateOnly(bill.billingDate),
      dueDate: dateOnly(bill.dueDate),
      billingMonth: { start, end },
      billingMonthLabel: billingMonthLabel(start, end),
      lines,
    }),
    status: bill.status,
    paidAmountIdr: bill.paidAmountIdr,
    paidAt: bill.paidAt ? toJakartaIso(bill.paidAt) : null,
    voidedAt: bill.voidedAt ? toJakartaIso(bill.voidedAt) : null,
    upgradeId: bill.upgradeId,
    createdAt: toJakartaIso(bill.createdAt),
    links: { self: `/v1/bills/${bill.billCode}`, statement: `/v1/bills/${bill.billCode}/statement` },
  };
}

/** `@db.Date` columns hold a calendar day as UTC midnight. */
export function asDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
