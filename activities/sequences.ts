import type { Database } from '../platform/database';
import type { Prisma } from '../prisma/generated/client';

type Sequence = 'bill_code_seq' | 'ticket_no_seq' | 'work_order_no_seq';
type Queryable = Database | Prisma.TransactionClient;

/** The next number of a PostgreSQL sequence (SPEC "Identifiers": never clocks or randomness). */
export async function nextNumber(db: Queryable, sequence: Sequence): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT nextval('${sequence}') AS n`);
  return Number(rows[0]!.n);
}
