/** The scalars, identifiers and enums every view is built of, and the shape of a page of a list. */
import { z } from 'zod';
import { UPGRADE_STATUSES } from '../upgrade';

/** Whole rupiah. */
export const Idr = z.number().int().describe('whole rupiah (integer, PPN included where it applies)');
export const LocalDate = z.iso.date().describe('a calendar day in Jakarta, YYYY-MM-DD');
export const JakartaInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/)
  .describe('an instant, ISO 8601 with the Asia/Jakarta offset: 2025-11-21T13:34:28+07:00');

export const CustomerId = z.string().regex(/^\d{8}$/);
export const BillCode = z.string().regex(/^\d{12}$/);
export const TicketNo = z.string().regex(/^\d{7}$/);
export const WorkOrderNo = z.string().regex(/^WO-\d{8}-\d{7}$/);
export const UpgradeId = z.string().regex(/^upgrade-\d{8}-[A-Za-z0-9_-]+$/);
export const PackageCode = z.string().regex(/^[A-Z0-9+-]{1,40}$/);
export const Page = z.number().int().min(1);
export const Count = z.number().int().min(0);

/** One page of a list: its items under `key` (in `order`), the page's number and size, and the total. */
export function pageOf<K extends string, S extends z.ZodType>(key: K, item: S, order: string) {
  const items = { [key]: z.array(item).describe(order) } as { [P in K]: z.ZodArray<S> };
  return z.strictObject({ ...items, page: Page, pageSize: Page, total: Count });
}

export const ProductLine = z.enum(['STREAM', 'STREAM_PLUS']);
export const OntBand = z.enum(['SINGLE', 'DUAL']);
export const CustomerType = z.enum(['REGULAR', 'VIP']);
export const UpgradeStatus = z.enum(UPGRADE_STATUSES);

/** A subscription term: its first and last days. */
export const Period = z.strictObject({ start: LocalDate, end: LocalDate });
