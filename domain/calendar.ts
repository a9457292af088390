/**
 * Calendar dates for billing. A bill's dates are Jakarta calendar days (UTC+7, no DST),
 * kept as ISO `YYYY-MM-DD` strings so no time zone can shift them on the way.
 */
export type LocalDate = string;

const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `Date.UTC` reads years 0–99 as 1900–1999; `setUTCFullYear` does not, so year 0050 stays 0050. */
function utcDate(year: number, monthIndex: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d;
}

export function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = utcDate(year, month - 1, day);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`no such date: ${date}`);
  }
  return { year, month, day };
}

function fromUtcDate(d: Date): LocalDate {
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`date out of the YYYY-MM-DD range: year ${year}`);
  return d.toISOString().slice(0, 10);
}

function requireInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer: ${n}`);
}

/** The Jakarta calendar day an instant falls on. */
export function jakartaDateOf(instant: Date): LocalDate {
  return fromUtcDate(new Date(instant.getTime() + JAKARTA_OFFSET_MS));
}

/** Midnight at the start of a Jakarta calendar day, as an instant. */
export function startOfJakartaDay(date: LocalDate): Date {
  const { year, month, day } = parseLocalDate(date);
  return new Date(utcDate(year, month - 1, day).getTime() - JAKARTA_OFFSET_MS);
}

/** An instant as ISO 8601 with the Asia/Jakarta offset, e.g. `2025-11-21T13:34:28+07:00`. */
export function toJakartaIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + JAKARTA_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 19)}+07:00`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  requireInteger(days, 'days');
  const { year, month, day } = parseLocalDate(date);
  return fromUtcDate(utcDate(year, month - 1, day + days));
}

/** Adds calendar months; a day past the end of the target month clamps to its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  requireInteger(months, 'months');
  const { year, month, day } = parseLocalDate(date);
  const targetMonthIndex = month - 1 + months;
  const lastDay = utcDate(year, targetMonthIndex + 1, 0).getUTCDate();
  return fromUtcDate(utcDate(year, targetMonthIndex, Math.min(day, lastDay)));
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
