/**
 * PPN (Indonesian VAT) as dated configuration. Prices include PPN; a bill records the rate
 * it was computed with, so adding a future rate never rewrites an issued bill.
 */
import { type LocalDate, parseLocalDate } from './calendar';
import { assertNonNegativeInteger, multiplyExact, roundHalfUpDiv } from './money';

export interface VatRate {
  ratePercent: number;
  effectiveFrom: LocalDate;
}

export const VAT_SCHEDULE: readonly VatRate[] = [
  { ratePercent: 10, effectiveFrom: '2010-01-01' },
  { ratePercent: 11, effectiveFrom: '2022-04-01' },
];

/** The rate of the latest entry in force on `date`; the schedule need not be sorted. */
export function vatRateOn(date: LocalDate, schedule: readonly VatRate[] = VAT_SCHEDULE): number {
  parseLocalDate(date);
  let inForce: VatRate | undefined;
  for (const entry of schedule) {
    parseLocalDate(entry.effectiveFrom);
    const applies = entry.effectiveFrom <= date;
    if (applies && (!inForce || entry.effectiveFrom > inForce.effectiveFrom)) inForce = entry;
  }
  if (!inForce) throw new RangeError(`no VAT rate in force on ${date}`);
  return inForce.ratePercent;
}

export interface VatSplit {
  baseIdr: number;
  vatIdr: number;
}

/**
 * Splits a PPN-inclusive total: base = round(total × 100 / (100 + rate)), halves up;
 * PPN is the remainder, so base + PPN is always exactly the total.
 */
export function splitVatInclusive(totalIdr: number, ratePercent: number): VatSplit {
  assertNonNegativeInteger(totalIdr, 'totalIdr');
  assertNonNegativeInteger(ratePercent, 'ratePercent');
  const baseIdr = roundHalfUpDiv(multiplyExact(totalIdr, 100), 100 + ratePercent);
  return { baseIdr, vatIdr: totalIdr - baseIdr };
}
