import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../prisma/generated/client';

export type Database = PrismaClient;

/** Connections per process (PrismaPg's pg.Pool `max`) unless the caller asks for another size. */
export const DATABASE_POOL_MAX = 10;

export function createDatabase(url: string, options: { maxConnections?: number } = {}): Database {
  const adapter = new PrismaPg({ connectionString: url, max: options.maxConnections ?? DATABASE_POOL_MAX });
  return new PrismaClient({ adapter });
}

/**
 * A one-row `update` whose filter may match nothing (the step was done before, or the row moved
 * on meanwhile): true when it wrote. One statement, where `updateMany` costs a transaction of
 * three round trips.
 */
export async function updateIfMatches(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'P2025') return false;
    throw error;
  }
}
