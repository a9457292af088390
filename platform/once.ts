/**
 * "Create once by a business key", the one idempotent write every activity and transport makes:
 * find the row by its unique key; if absent, create it; if a concurrent writer (an earlier
 * attempt, a duplicate request) inserted the same key in between, the unique violation is
 * answered by reading the row that won.
 */
export async function createOnce<T>(
  find: () => Promise<T | null>,
  create: () => Promise<T>,
): Promise<{ row: T; created: boolean }> {
  const existing = await find();
  if (existing) return { row: existing, created: false };
  try {
    return { row: await create(), created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await find();
    if (!winner) throw error;
    return { row: winner, created: false };
  }
}

/** Prisma's unique-constraint violation (P2002): two writers raced on the same key. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}
