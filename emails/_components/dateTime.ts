import { jakartaDateOf, toJakartaIso } from '../../domain/calendar';
import { formatLongDate } from '../../domain/format';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day (`2025-11-04` → `4 November 2025`) or an instant, shown in Jakarta time
 * (`2025-11-04T09:26:00Z` → `4 November 2025, 16:26 WIB`). Instants may arrive as ISO strings
 * because workflow payloads are JSON.
 */
export function formatJakartaDateTime(value: string | Date): string {
  if (typeof value === 'string' && LOCAL_DATE.test(value)) return formatLongDate(value);
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not a date or instant: ${String(value)}`);
  const time = toJakartaIso(instant).slice(11, 16);
  return `${formatLongDate(jakartaDateOf(instant))}, ${time} WIB`;
}
