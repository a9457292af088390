import type { BillQuoteView, BillView } from '../contracts/views';
import { formatDottedDate, toJakartaIso, type UpgradeBillQuote } from '../domain';
import type { Bill, BillLine } from '../prisma/generated/client';
import { dateOnly } from './catalog';

export function toQuoteView(quote: UpgradeBillQuote): BillQuoteView {
  return {
    period: quote.period,
    billingDate: quote.billingDate,
    dueDate: quote.dueDate,
    billingMonth: { ...quote.billingMonth, label: quote.billingMonthLabel },
    billCycle: quote.billCycle,
    packageCode: quote.packageCode,
    packageName: quote.packageName,
    actualChargeIdr: quote.actualChargeIdr,
    adjustmentIdr: quote.adjustmentIdr,
    baseIdr: quote.baseIdr,
    vatRatePercent: quote.vatRatePercent,
    vatIdr: quote.vatIdr,
    totalIdr: quote.totalIdr,
    amountInWords: quote.amountInWords,
    lines: quote.lines.map((line) => ({ label: line.label, amountIdr: line.amountIdr })),
  };
}

export function toBillView(bill: Bill & { lines: BillLine[] }): BillView {
  const start = dateOnly(bill.billingMonthStart);
  const end = dateOnly(bill.billingMonthEnd);
  return {
    billCode: bill.billCode,
    customerId: bill.customerId,
    period: bill.period,
    billingDate: dateOnly(bill.billingDate),
    dueDate: dateOnly(bill.dueDate),
    billingMonth: { start, end, label: `${formatDottedDate(start)}-${formatDottedDate(end)}` },
    billCycle: bill.billCycle,
    packageCode: bill.packageCode,
    packageName: bill.packageName,
    actualChargeIdr: bill.actualChargeIdr,
    adjustmentIdr: bill.adjustmentIdr,
    baseIdr: bill.baseIdr,
    vatRatePercent: bill.vatRatePercent,
    vatIdr: bill.vatIdr,
    totalIdr: bill.totalIdr,
    amountInWords: bill.amountInWords,
    lines: [...bill.lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => ({ label: line.label, amountIdr: line.amountIdr })),
    status: bill.status,
    paidAmountIdr: bill.paidAmountIdr,
    upgradeId: bill.upgradeId,
    createdAt: toJakartaIso(bill.createdAt),
    links: { self: `/v1/bills/${bill.billCode}`, statement: `/v1/bills/${bill.billCode}/statement` },
  };
}
