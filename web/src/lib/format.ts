/**
 * How the app writes money, days and instants: the deck's formats, from the same functions the
 * emails and the statement use (domain/format.ts, domain/visits.ts), plus the instants the API
 * answers (ISO 8601 with +07:00, or UTC inside an upgrade's steps) shown in Jakarta time.
 */
export {
  formatBillingAppDate,
  formatLongDate,
  formatRupiah,
  formatRupiahWithSymbol,
} from '../../../domain/format';
export {
  formatVisit,
  VENDOR_CONTACT_WITHIN,
  VISIT_PENDING_LABELS,
  type VisitSlot,
} from '../../../domain/visits';

import { formatLongDate } from '../../../domain/format';

const JAKARTA_OFFSET_MS = 7 * 3_600_000;

/** `2025-11-21T13:34:28+07:00` (or its UTC form) → `21 November 2025, 13.34 WIB`. */
export function formatInstant(iso: string): string {
  const at = new Date(Date.parse(iso) + JAKARTA_OFFSET_MS);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not an instant: ${iso}`);
  const day = at.toISOString().slice(0, 10);
  const clock = `${String(at.getUTCHours()).padStart(2, '0')}.${String(at.getUTCMinutes()).padStart(2, '0')}`;
  return `${formatLongDate(day)}, ${clock} WIB`;
}

/** A term in months as the app says it: `6 bulan (Semesterly)`. */
export function formatTerm(months: number): string {
  const name = months === 1 ? 'Monthly' : months === 6 ? 'Semesterly' : months === 12 ? 'Yearly' : null;
  return name ? `${months} bulan (${name})` : `${months} bulan`;
}

export const bandLabel = (band: 'SINGLE' | 'DUAL') => (band === 'DUAL' ? 'Dual Band' : 'Single Band');
