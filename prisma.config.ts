/**
 * Prisma CLI configuration. Prisma 6.19 with the JS engine and the pg driver adapter runs
 * fully offline (no native engine download); see docs/decisions.md.
 */
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

patchPgNameColumns();

export default defineConfig({
  schema: path.join('prisma', 'schema'),
  migrations: { path: path.join('prisma', 'migrations') },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPg({ connectionString: requireDatabaseUrl() }),
});

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must be set for Prisma CLI commands that reach the database');
  return url;
}

/**
 * prisma/prisma#27403: the WASM schema engine cannot deserialize PostgreSQL's `name` type
 * (OID 19) that catalog queries return. Report those columns as `text` (OID 25) instead.
 */
function patchPgNameColumns(): void {
  // biome-ignore lint/suspicious/noExplicitAny: pg's internal Result class has no public types
  const Result = require('pg/lib/result.js') as any;
  if (Result.prototype.__nameColumnsPatched) return;
  const addFields = Result.prototype.addFields;
  Result.prototype.addFields = function (fieldDescriptions: Array<{ dataTypeID: number }>) {
    for (const field of fieldDescriptions) if (field.dataTypeID === 19) field.dataTypeID = 25;
    return addFields.call(this, fieldDescriptions);
  };
  Result.prototype.__nameColumnsPatched = true;
}
