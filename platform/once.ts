/**
 * "Create once by a business key", for rows that need work before they are written (a number
 * from a sequence, a read of the customer): find the row by its unique key; if absent, create
 * it; if a concurrent writer (an earlier attempt, a duplicate request) inserted the same key in
 * between, the unique violation is answered by reading the row that won.
 */
export async function createOnce<T>(
  find: () => Promise<T | null>,
  create: () => Promise<T>,
): Promise<{ row: T; created: boolean }> {
  const existing = await find();
  if (existing) return { row: existing, created: false };
  return createOrFind(create, find);
}

/**
 * createOnce the other way round, for steps that mostly run once: create; when the business key is
 * taken (an earlier attempt, a concurrent duplicate), read the row that holds it. A new row costs
 * no read; a retry may leave a gap in a sequence the create drew from (gaps are allowed already:
 * nextval is never rolled back).
 */
export async function createOrFind<T>(
  create: () => Promise<T>,
  find: () => Promise<T | null>,
): Promise<{ row: T; created: boolean }> {
  try {
    return { row: await create(), created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await find();
    if (!existing) throw error;
    return { row: existing, created: false };
  }
}

/** Prisma's unique-constraint violation (P2002): two writers raced on the same key. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}

/**
 * The `update` of an upsert that creates a row once by its unique key and otherwise returns the
 * row as it is. Prisma sends a single `INSERT … ON CONFLICT (key) DO UPDATE` only when the update
 * sets something (an empty one becomes a transaction of three queries), so the key is set to
 * itself. For rows whose key is all a retry needs, where createOnce would cost a read first.
 */
export function KEEP_EXISTING(idempotencyKey: string): { update: { idempotencyKey: string } } {
  return { update: { idempotencyKey } };
}
