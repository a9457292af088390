import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../prisma/generated/client';

export type Database = PrismaClient;

/** Connections per process (PrismaPg's pg.Pool `max`) unless the caller asks for another size. */
export const DATABASE_POOL_MAX = 10;

export function createDatabase(url: string, options: { maxConnections?: number } = {}): Database {
  const adapter = new PrismaPg({ connectionString: url, max: options.maxConnections ?? DATABASE_POOL_MAX });
  return new PrismaClient({ adapter });
}
