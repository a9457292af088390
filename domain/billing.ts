/** The prorated upgrade bill (deck: "Tagihan Customer" and "Billing Statement"). */
import { addDays, addMonths, type LocalDate, parseLocalDate } from './calendar';
import type { PackageSpec } from './catalog';
import { formatDottedDate } from './format';
import { monthsUsed, roundToNearest100, unusedCreditIdr } from './proration';
import { amountInWords } from './terbilang';
import { splitVatInclusive, VAT_SCHEDULE, type VatRate, vatRateOn } from './vat';
import { reminderAt } from './visits';

export const PAYMENT_TERM_DAYS = 7;

export interface UpgradeBillInput {
  current: { package: PackageSpec; periodStart: LocalDate };
  target: PackageSpec;
  billingDate: LocalDate;
  billCycle: number;
  vatSchedule?: readonly VatRate[];
}

export interface BillLine {
  label: string;
  amountIdr: number;
}

export interface UpgradeBillQuote {
  /** `YYYYMM` of the billing date. */
  period: string;
  billingDate: LocalDate;
  dueDate: LocalDate;
  billingMonth: { start: LocalDate; end: LocalDate };
  /** `21.11.2025-22.05.2026` */
  billingMonthLabel: string;
  billCycle: number;
  packageCode: string;
  packageName: string;
  /** Months of the old term counted as used on the billing date. */
  monthsUsed: number;
  /** "Actual Tagihan": the new package's price. */
  actualChargeIdr: number;
  /** "Penyesuaian Tagihan": credit for the unused old term, a positive number. */
  adjustmentIdr: number;
  /** "Total Tagihan", PPN included. */
  totalIdr: number;
  baseIdr: number;
  vatRatePercent: number;
  vatIdr: number;
  amountInWords: string;
  /** The statement's invoice lines, in the deck's order. */
  lines: BillLine[];
}

/** `2025-11-21` → `202511`. */
export function billingPeriodOf(date: LocalDate): string {
  const { year, month } = parseLocalDate(date);
  return `${String(year).padStart(4, '0')}${String(month).padStart(2, '0')}`;
}

export function quoteUpgradeBill(input: UpgradeBillInput): UpgradeBillQuote {
  const { current, target, billingDate, billCycle, vatSchedule = VAT_SCHEDULE } = input;
  if (!Number.isSafeInteger(billCycle) || billCycle < 1) {
    throw new RangeError(`billCycle must be a positive integer: ${billCycle}`);
  }
  const used = monthsUsed(current.periodStart, billingDate, current.package.termMonths);
  const adjustmentIdr = unusedCreditIdr(current.package.priceIdr, current.package.termMonths, used);
  const difference = target.priceIdr - adjustmentIdr;
  // A credit larger than the new price would make this a refund. An upgrade bill only
  // charges (the billing app has no credit note on this path), so it bottoms out at 0.
  const totalIdr = difference > 0 ? roundToNearest100(difference) : 0;
  const vatRatePercent = vatRateOn(billingDate, vatSchedule);
  const { baseIdr, vatIdr } = splitVatInclusive(totalIdr, vatRatePercent);
  // The new term starts at the upgrade. The deck prints 21.11.2025-22.05.2026 for a
  // 6-month term from 21.11.2025, i.e. start + term + 1 day; we reproduce that as shown.
  const billingMonth = { start: billingDate, end: addDays(addMonths(billingDate, target.termMonths), 1) };
  return {
    period: billingPeriodOf(billingDate),
    billingDate,
    dueDate: addDays(billingDate, PAYMENT_TERM_DAYS),
    billingMonth,
    billingMonthLabel: billingMonthLabel(billingMonth.start, billingMonth.end),
    billCycle,
    packageCode: target.code,
    packageName: target.name,
    monthsUsed: used,
    actualChargeIdr: target.priceIdr,
    adjustmentIdr,
    totalIdr,
    baseIdr,
    vatRatePercent,
    vatIdr,
    amountInWords: amountInWords(totalIdr),
    lines: [
      { label: target.name, amountIdr: baseIdr },
      { label: `PPN ${vatRatePercent} % / VAT ${vatRatePercent} %`, amountIdr: vatIdr },
      { label: 'Biaya Material', amountIdr: 0 },
      { label: 'Total Bill', amountIdr: totalIdr },
      { label: 'Adjustment', amountIdr: 0 },
    ],
  };
}

/**
 * The quote as the confirm screen explains it to the customer: the credit is the old package's
 * unused whole months (`unusedMonths` of `termMonths` at `priceIdr`), and the rounding to Rp 100
 * is a line of its own (771.667 → 771.700 is +33). When the credit exceeds the new price the bill
 * is 0 and nothing is rounded.
 */
export interface QuoteExplained {
  credit: { packageName: string; priceIdr: number; termMonths: number; unusedMonths: number };
  /** `actualChargeIdr − adjustmentIdr`, before rounding (0 at least). */
  differenceIdr: number;
  /** `totalIdr − differenceIdr`: signed, within ±50. */
  roundingIdr: number;
}

export function explainQuote(
  quote: Pick<UpgradeBillQuote, 'monthsUsed' | 'actualChargeIdr' | 'adjustmentIdr' | 'totalIdr'>,
  current: { name: string; priceIdr: number; termMonths: number },
): QuoteExplained {
  const differenceIdr = Math.max(0, quote.actualChargeIdr - quote.adjustmentIdr);
  return {
    credit: {
      packageName: current.name,
      priceIdr: current.priceIdr,
      termMonths: current.termMonths,
      unusedMonths: current.termMonths - quote.monthsUsed,
    },
    differenceIdr,
    roundingIdr: quote.totalIdr - differenceIdr,
  };
}

function assertSequence(sequence: number, digits: number): void {
  const max = 10 ** digits - 1;
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > max) {
    throw new RangeError(`sequence must be an integer from 1 to ${max}: ${sequence}`);
  }
}

const BILLING_PERIOD = /^\d{4}(0[1-9]|1[0-2])$/;

/** `('202511', 712857)` → `202511712857`: period plus a 6-digit sequence. */
export function billCode(period: string, sequence: number): string {
  if (!BILLING_PERIOD.test(period)) throw new RangeError(`period must be YYYYMM: ${period}`);
  assertSequence(sequence, 6);
  return `${period}${String(sequence).padStart(6, '0')}`;
}

/** `('2025-11-04', 2825386)` → `WO-04112025-2825386`. */
export function workOrderNumber(date: LocalDate, sequence: number): string {
  const { year, month, day } = parseLocalDate(date);
  assertSequence(sequence, 7);
  const ddmmyyyy = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year).padStart(4, '0')}`;
  return `WO-${ddmmyyyy}-${String(sequence).padStart(7, '0')}`;
}

/** `3759821` → `3759821`; always 7 digits. */
export function ticketNumber(sequence: number): string {
  assertSequence(sequence, 7);
  return String(sequence).padStart(7, '0');
}

/** Customer IDs are 8 digits, e.g. `21314849`. */
export function isCustomerId(s: string): boolean {
  return /^\d{8}$/.test(s);
}

/** The billing month as the Billing Statement prints it: `21.11.2025-20.12.2025`. */
export function billingMonthLabel(start: LocalDate, end: LocalDate): string {
  return `${formatDottedDate(start)}-${formatDottedDate(end)}`;
}

/**
 * How long a bill's run sleeps before its first workflow task (Temporal's `startDelay`): until the
 * due-date reminder, 09:00 Jakarta the day before. Until then the run costs the server one event
 * and no task; a payment's signal wakes it early. 0 (start at once) when the reminder is due
 * within a minute or past.
 */
export function billRunStartDelayMs(dueDate: LocalDate, now: Date): number {
  const untilReminder = reminderAt(dueDate).getTime() - now.getTime();
  return untilReminder > 60_000 ? untilReminder : 0;
}
