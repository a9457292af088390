/** Indonesian presentation of money and dates, as the deck shows them. */
import { type LocalDate, parseLocalDate } from './calendar';

const MONTHS_BILLING = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
] as const;

const RUPIAH = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const LONG_DATE = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `1780000` → `1.780.000` (dots group thousands; whole rupiah only). */
export function formatRupiah(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`rupiah must be a safe integer: ${amount}`);
  // `|| 0`: -0 would print as "-0".
  return RUPIAH.format(amount || 0);
}

/** `1780000` → `Rp 1.780.000`. */
export function formatRupiahWithSymbol(amount: number): string {
  return `Rp ${formatRupiah(amount)}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `2025-11-21` → `21-NOV-25`, the Billing App's date column. */
export function formatBillingAppDate(date: LocalDate): string {
  const { year, month, day } = parseLocalDate(date);
  return `${pad2(day)}-${MONTHS_BILLING[month - 1]}-${pad2(year % 100)}`;
}

/** `2025-11-21` → `21.11.2025`, the statement's billing month. */
export function formatDottedDate(date: LocalDate): string {
  const { year, month, day } = parseLocalDate(date);
  return `${pad2(day)}.${pad2(month)}.${year}`;
}

/** `2025-11-21` → `21 November 2025` (Indonesian month names). */
export function formatLongDate(date: LocalDate): string {
  parseLocalDate(date);
  return LONG_DATE.format(new Date(`${date}T00:00:00Z`));
}
