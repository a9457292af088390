/** Helpers for "insert once by idempotency key" writes shared by the local transports and the activities. */

/** Prisma's unique-constraint violation (P2002), raised when two writers race on the same key. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}

/**
 * Runs an upsert keyed by a unique column; if a concurrent writer inserted the same key between Prisma's
 * read and write, the unique violation is answered by reading the row that won.
 */
export async function upsertOnce<T>(upsert: () => Promise<T>, readExisting: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (isUniqueViolation(error)) return readExisting();
    throw error;
  }
}
