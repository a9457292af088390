/**
 * The technician's visit for an ONT swap: slots on Jakarta calendar days (UTC+7, no DST), when a visit
 * may be booked or moved, when its reminder goes, and how it reads in Indonesian.
 *
 * Pure and deterministic (workflow code imports it): no clock, no `Intl`; the caller passes `now`.
 */
import { addDays, type LocalDate, parseLocalDate, startOfJakartaDay } from './calendar';

/** The installer vendor the ISP dispatches ONT swaps to (deck: MISITEL). */
export const INSTALLER_VENDOR = 'MISITEL';

export const VISIT_SLOTS = ['08-10', '10-12', '13-15', '15-17'] as const;
export type VisitSlot = (typeof VISIT_SLOTS)[number];

export function isVisitSlot(value: string): value is VisitSlot {
  return (VISIT_SLOTS as readonly string[]).includes(value);
}

const HOUR_MS = 60 * 60 * 1000;

/** `'13-15'` → `{ start: 13, end: 15 }` (Jakarta hours). */
function slotHours(slot: VisitSlot): { start: number; end: number } {
  if (!isVisitSlot(slot)) throw new RangeError(`not a visit slot: ${String(slot)}`);
  return { start: Number(slot.slice(0, 2)), end: Number(slot.slice(3, 5)) };
}

/** UTC instant when the slot starts, for a Jakarta calendar date 'YYYY-MM-DD'. */
export function visitStart(date: LocalDate, slot: VisitSlot): Date {
  return new Date(startOfJakartaDay(date).getTime() + slotHours(slot).start * HOUR_MS);
}

/** UTC instant when the slot ends, for a Jakarta calendar date 'YYYY-MM-DD'. */
export function visitEnd(date: LocalDate, slot: VisitSlot): Date {
  return new Date(startOfJakartaDay(date).getTime() + slotHours(slot).end * HOUR_MS);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
function weekday(date: LocalDate): number {
  parseLocalDate(date);
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Visits happen Monday to Saturday (Jakarta calendar); Sunday is not a working day. */
export function isWorkingDay(date: LocalDate): boolean {
  return weekday(date) !== 0;
}

export type BookingRefusalReason =
  | 'NOT_A_DATE'
  | 'NOT_A_SLOT'
  | 'NOT_A_WORKING_DAY'
  | 'IN_THE_PAST'
  | 'TOO_LATE_TO_MOVE';

function isLocalDate(value: string): boolean {
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

const hours = (n: number) => `${n} hour${n === 1 ? '' : 's'}`;

/**
 * Why a visit at `date`/`slot` cannot be booked or moved at `now`, or null when it can. Checked in this
 * order: NOT_A_DATE (not a real calendar date in YYYY-MM-DD), NOT_A_SLOT (not one of VISIT_SLOTS),
 * NOT_A_WORKING_DAY (a Sunday), IN_THE_PAST (the slot has started: visitStart <= now), TOO_LATE_TO_MOVE
 * (fewer than `minLeadHours` between now and the slot's start; exactly `minLeadHours` is allowed). The
 * dispatcher books with `minLeadHours` 0; the customer moves with the configured lead. `message` is a
 * plain English sentence naming the date and slot.
 */
export function bookingRefusal(input: {
  date: string;
  slot: string;
  now: Date;
  minLeadHours: number;
}): { reason: BookingRefusalReason; message: string } | null {
  const { date, slot, now, minLeadHours } = input;
  if (Number.isNaN(now.getTime())) throw new RangeError('now is not a valid instant');
  if (!(Number.isFinite(minLeadHours) && minLeadHours >= 0)) {
    throw new RangeError(`minLeadHours must be a number >= 0: ${minLeadHours}`);
  }
  if (!isLocalDate(date)) {
    return { reason: 'NOT_A_DATE', message: `"${date}" is not a calendar date in the form YYYY-MM-DD` };
  }
  if (!isVisitSlot(slot)) {
    return {
      reason: 'NOT_A_SLOT',
      message: `"${slot}" is not a visit slot; slots are ${VISIT_SLOTS.join(', ')}`,
    };
  }
  const named = `the slot ${slot} on ${date}`;
  if (!isWorkingDay(date)) {
    return {
      reason: 'NOT_A_WORKING_DAY',
      message: `${named} is on a Sunday; visits are Monday to Saturday`,
    };
  }
  const startsIn = visitStart(date, slot).getTime() - now.getTime();
  if (startsIn <= 0) {
    return { reason: 'IN_THE_PAST', message: `${named} has already started; choose a later slot` };
  }
  if (startsIn < minLeadHours * HOUR_MS) {
    return {
      reason: 'TOO_LATE_TO_MOVE',
      message: `${named} starts in less than ${hours(minLeadHours)}; a visit can be moved up to ${hours(minLeadHours)} before it starts`,
    };
  }
  return null;
}

/**
 * Why the visit booked for `date`/`slot` cannot be reported missed at `now`, or null when it can: a
 * visit is missed only once its slot has begun (`visitStart <= now`); before that the technician
 * may still come, or the visit be moved. `message` is a plain English sentence naming the slot.
 */
export function missedReportRefusal(input: {
  date: LocalDate;
  slot: string;
  now: Date;
}): { reason: 'VISIT_NOT_STARTED'; message: string } | null {
  const { date, slot, now } = input;
  if (Number.isNaN(now.getTime())) throw new RangeError('now is not a valid instant');
  if (!isVisitSlot(slot)) throw new RangeError(`not a visit slot: ${String(slot)}`);
  if (visitStart(date, slot).getTime() <= now.getTime()) return null;
  return {
    reason: 'VISIT_NOT_STARTED',
    message: `the visit booked (${slot} on ${date}) has not started yet; it can be reported missed once its slot has begun`,
  };
}

/**
 * Whether a visit at `date`/`slot` passes the ONT swap's deadline (the maintenance WO's `dueAt`):
 * its slot ends after it, so the swap may be done late. No deadline: never.
 */
export function passesSwapDeadline(date: LocalDate, slot: VisitSlot, dueAt: Date | null): boolean {
  return dueAt !== null && visitEnd(date, slot).getTime() > dueAt.getTime();
}

/** When the day-before reminder goes: 09:00 Jakarta on the calendar day before the visit's date. */
export function reminderAt(date: LocalDate): Date {
  return new Date(startOfJakartaDay(addDays(date, -1)).getTime() + 9 * HOUR_MS);
}

/** Every (working day, slot) from `from` (a Jakarta date, inclusive) for `days` calendar days, in order. */
export function slotsBetween(from: LocalDate, days: number): Array<{ date: LocalDate; slot: VisitSlot }> {
  if (!(Number.isSafeInteger(days) && days >= 0))
    throw new RangeError(`days must be an integer >= 0: ${days}`);
  parseLocalDate(from);
  const slots: Array<{ date: LocalDate; slot: VisitSlot }> = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i);
    if (isWorkingDay(date)) for (const slot of VISIT_SLOTS) slots.push({ date, slot });
  }
  return slots;
}

const DEFAULT_AREA = 'DEFAULT';
const FAT_AREA = /^FAT-([A-Z]+)-\S/i;

/** The area of a FAT code, which the vendor's capacity is kept by: 'FAT-JKT-TBT-004' → 'JKT'; null/odd → 'DEFAULT'. */
export function visitArea(fatCode: string | null): string {
  const match = fatCode === null ? null : FAT_AREA.exec(fatCode.trim());
  return match?.[1] ? match[1].toUpperCase() : DEFAULT_AREA;
}

/** Sunday first, as `Date#getUTCDay`. */
const DAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;
/** Spelled out here, not by `Intl` (see the file comment); a test keeps them equal to `formatLongDate`. */
const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** Indonesian label for emails and the app, e.g. 'Senin, 24 November 2025, 08.00–10.00 WIB'. */
export function formatVisit(date: LocalDate, slot: VisitSlot): string {
  const { year, month, day } = parseLocalDate(date);
  const { start, end } = slotHours(slot);
  const clock = (hour: number) => `${String(hour).padStart(2, '0')}.00`;
  return `${DAYS_ID[weekday(date)]}, ${day} ${MONTHS_ID[month - 1]} ${year}, ${clock(start)}–${clock(end)} WIB`;
}

/** Missed-visit categories and their Indonesian labels (for emails/app). */
export const VISIT_PENDING_LABELS = {
  CUSTOMER_NOT_HOME: 'Pelanggan tidak di rumah',
  NO_ACCESS: 'Lokasi tidak dapat diakses',
  EQUIPMENT_MISSING: 'Perangkat pengganti belum tersedia',
  WEATHER: 'Cuaca buruk',
  OTHER: 'Lainnya',
} as const satisfies Record<string, string>;
export type VisitPendingCategory = keyof typeof VISIT_PENDING_LABELS;
export const VISIT_PENDING_CATEGORIES = Object.keys(VISIT_PENDING_LABELS) as [
  VisitPendingCategory,
  ...VisitPendingCategory[],
];

/**
 * When the vendor contacts a customer whose swap visit nobody has booked yet (she may book it
 * herself meanwhile): within one working day, so the visit can still fall well inside the ONT swap
 * SLA (DEFAULT_ONT_SWAP_SLA, 3 days) with the lead time to move it (24 hours).
 */
export const VENDOR_CONTACT_WITHIN = 'dalam 1×24 jam kerja';
