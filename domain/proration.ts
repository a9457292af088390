/** Credit for the unused part of the current term when a subscriber upgrades mid-term. */
import { addMonths, compareDates, type LocalDate, parseLocalDate } from './calendar';
import { assertNonNegativeInteger, floorDiv, multiplyExact } from './money';

function assertTerm(termMonths: number): void {
  if (!Number.isSafeInteger(termMonths) || termMonths < 1) {
    throw new RangeError(`termMonths must be a positive integer: ${termMonths}`);
  }
}

/**
 * Whole months of the term used by `onDate`, a started month counting as used: 1 on the
 * period start, 2 from start + 1 month, ..., at most `termMonths`. Month k starts at
 * addMonths(periodStart, k) (always from the start, so a 31st does not drift after February).
 */
export function monthsUsed(periodStart: LocalDate, onDate: LocalDate, termMonths: number): number {
  parseLocalDate(periodStart);
  parseLocalDate(onDate);
  assertTerm(termMonths);
  if (compareDates(onDate, periodStart) < 0) {
    throw new RangeError(`date ${onDate} is before the period start ${periodStart}`);
  }
  let used = 1;
  while (used < termMonths && compareDates(addMonths(periodStart, used), onDate) <= 0) used++;
  return used;
}

/** ⌊price × (term − used) / term⌋: the credit, floored to the rupiah. */
export function unusedCreditIdr(priceIdr: number, termMonths: number, monthsUsed: number): number {
  assertNonNegativeInteger(priceIdr, 'priceIdr');
  assertTerm(termMonths);
  assertNonNegativeInteger(monthsUsed, 'monthsUsed');
  if (monthsUsed > termMonths) {
    throw new RangeError(`monthsUsed ${monthsUsed} exceeds the term of ${termMonths}`);
  }
  return floorDiv(multiplyExact(priceIdr, termMonths - monthsUsed), termMonths);
}

/** To the nearest Rp 100, halves up: 771.667 → 771.700, 771.650 → 771.700, 771.649 → 771.600. */
export function roundToNearest100(amountIdr: number): number {
  assertNonNegativeInteger(amountIdr, 'amountIdr');
  return floorDiv(amountIdr + 50, 100) * 100;
}
