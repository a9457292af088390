/**
 * Who read whose personal data (UU PDP 27/2022): every staff read of a customer's data — the CS
 * console's profile and tabs, one row per customer a search shows, the ops views, a technician's
 * day list and job cards, each payload the codec server decrypts — with who, when, which customer
 * and what. Operators read it back
 * (GET /v1/ops/access-records). Customers reading their own data are not recorded.
 */
import { toJakartaIso } from '../domain';
import type { Database } from '../platform/database';

export interface PersonalDataReadEntry {
  /** Whose data: the customer shown; null when a decrypted payload names none. */
  customerId: string | null;
  /** The run whose payload was decrypted, when known. */
  workflowId?: string | null;
  /** The API operation (`getCustomerProfile`) or `codecDecode`. */
  what: string;
  /** The request's path, never its query string. */
  resource: string;
}

/** Records the reads of one request by one staff account (no row for an empty list). */
export async function recordReads(
  db: Database,
  reader: { sub: string; role: string },
  reads: PersonalDataReadEntry[],
): Promise<void> {
  if (reads.length === 0) return;
  await db.personalDataRead.createMany({
    data: reads.map((r) => ({
      reader: reader.sub,
      role: reader.role,
      customerId: r.customerId,
      workflowId: r.workflowId ?? null,
      what: r.what,
      resource: r.resource,
    })),
  });
}

/** The reads of a customer's data (or by a staff account), newest first. */
export async function accessRecords(
  db: Database,
  filter: { customerId?: string; reader?: string },
  window: { skip: number; take: number },
) {
  const where = {
    ...(filter.customerId ? { customerId: filter.customerId } : {}),
    ...(filter.reader ? { reader: filter.reader } : {}),
  };
  const [rows, total] = await Promise.all([
    db.personalDataRead.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], ...window }),
    db.personalDataRead.count({ where }),
  ]);
  return {
    total,
    records: rows.map((r) => ({
      at: toJakartaIso(r.at),
      reader: r.reader,
      role: r.role,
      customerId: r.customerId,
      workflowId: r.workflowId,
      what: r.what,
      resource: r.resource,
    })),
  };
}
